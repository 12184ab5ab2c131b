package org.ronchi.headless.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.io.UnknownFormatException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.headless.Json;

/**
 * One file's catalogue record (docs/catalog.schema.json): where it is, its size and modification time,
 * and then either what Ronchi read (format and version, signals with shape, dtype, calibrated axes, the
 * {@link StandardFields summary} and the standard metadata, optionally the vendor's tree), or why not:
 * {@code unrecognised} when no loader claims the content, {@code error} with one line when the claimed
 * file cannot be read. Never throws for a file: a catalogue of thousands of files lists the bad ones.
 */
public final class CatalogRecord {
	public static final String READ = "read";
	public static final String UNRECOGNISED = "unrecognised";
	public static final String ERROR = "error";

	private CatalogRecord() {
	}

	/** @param original whether to add the vendor's original metadata (large for some formats) */
	public static JsonObject of(LoaderRegistry loaders, Path file, FileKey key, boolean original) {
		JsonObject r = keyed(key);
		if (key.size() == 0) {
			return unrecognised(r, "empty (0 bytes)");
		}
		try (DataFile f = loaders.open(file, Map.of())) {
			JsonObject read = new JsonObject(); // filled apart, so that a failure half-way leaves no half record
			read.addProperty("status", READ);
			read.addProperty("format", f.format());
			read.addProperty("format_version", f.formatVersion());
			JsonArray signals = new JsonArray();
			List<JsonObject> summaries = new ArrayList<>();
			int i = 0;
			for (ArrayNode a : f.signals()) {
				JsonObject s = Json.dataset("signal:" + i++, a);
				JsonObject summary = StandardFields.of(a, f.metadata());
				summaries.add(summary);
				s.add("summary", summary);
				s.add("metadata", Json.metadata(a.metadata()));
				if (original) {
					s.add("original", Json.metadata(a.originalMetadata()));
				}
				signals.add(s);
			}
			read.add("summary", StandardFields.ofFile(summaries));
			read.add("signals", signals);
			read.add("metadata", Json.metadata(f.metadata()));
			if (original) {
				read.add("original", Json.metadata(f.originalMetadata()));
			}
			if (!f.warnings().isEmpty()) {
				JsonArray w = new JsonArray();
				f.warnings().forEach(x -> w.add(oneLine(x)));
				read.add("warnings", w);
			}
			read.entrySet().forEach(e -> r.add(e.getKey(), e.getValue()));
			return r;
		} catch (UnknownFormatException e) {
			return unrecognised(r, e.content());
		} catch (RonchiException e) {
			return error(r, e.getMessage());
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
			// a loader's bug (or a header asking for an absurd allocation) must not end a catalogue of
			// thousands of files: the record names it, and the next file is read
			return error(r, "internal error: " + e);
		}
	}

	/** The record of a file or folder the walk could not read (permissions, vanished while walking). */
	static JsonObject unreadable(FileKey key, IOException e) {
		JsonObject r = keyed(key);
		String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
				: e instanceof java.nio.file.NoSuchFileException ? "removed while the folder was walked" : e.getMessage();
		return error(r, key.path() + ": cannot read: " + why);
	}

	/** A record's first fields, in the order resume reads them ({@link CatalogOutput}). */
	private static JsonObject keyed(FileKey key) {
		JsonObject r = new JsonObject();
		r.addProperty("path", key.path());
		r.addProperty("size", key.size());
		r.addProperty("modified", key.modified());
		return r;
	}

	private static JsonObject unrecognised(JsonObject r, String reason) {
		r.addProperty("status", UNRECOGNISED);
		r.addProperty("reason", oneLine(reason));
		return r;
	}

	private static JsonObject error(JsonObject r, String message) {
		r.addProperty("status", ERROR);
		r.addProperty("error", oneLine(message));
		return r;
	}

	private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();

	/**
	 * @return the record as one line of JSON. Numbers that JSON cannot hold (NaN, infinities: a vendor's
	 *         unset calibration) are written as the strings {@code "NaN"}, {@code "Infinity"}, as
	 *         {@link Json#axis} writes them.
	 */
	public static String line(JsonObject record) {
		return LINE.toJson(finite(record));
	}

	private static JsonElement finite(JsonElement e) {
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
			double d = e.getAsDouble();
			return Double.isFinite(d) ? e : new JsonPrimitive(String.valueOf(d));
		}
		if (e.isJsonArray()) {
			JsonArray a = new JsonArray();
			e.getAsJsonArray().forEach(x -> a.add(finite(x)));
			return a;
		}
		if (e.isJsonObject()) {
			JsonObject o = new JsonObject();
			for (Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
				o.add(x.getKey(), finite(x.getValue()));
			}
			return o;
		}
		return e;
	}

	/** A record field is one line whatever the message held. */
	static String oneLine(String s) {
		return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}
}
