package org.ronchi.headless.catalog;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import org.ronchi.core.io.RonchiException;

/**
 * One catalogue output: a JSON Lines or CSV file, extended when it exists, or a stream (no resume).
 * <p>
 * Resume: the records already in the file are indexed by path (with their size and modification time,
 * never the whole record). A file whose key is unchanged is skipped; a file catalogued again replaces its old
 * record. The new records go to a temporary file beside the output while the run lasts; {@link #commit()}
 * writes the old records that still stand followed by the new ones to a second temporary file and renames
 * it over the output, so the output is either the old one or the complete new one, never half written.
 */
public final class CatalogOutput {
	public enum Kind {
		JSONL, CSV
	}

	private final Kind kind;
	private final Path target;
	private final Map<String, String> existing;
	private final Set<String> superseded = new HashSet<>();
	private final Path fresh;
	private final Path publish;
	private final Writer out;
	private final PrintStream stream;

	private CatalogOutput(Kind kind, Path target, Map<String, String> existing, Path fresh, Path publish, Writer out, PrintStream stream) {
		this.kind = kind;
		this.target = target;
		this.existing = existing;
		this.fresh = fresh;
		this.publish = publish;
		this.out = out;
		this.stream = stream;
	}

	/** An output file, extended if it exists ({@code .csv}: its header must be this version's). */
	public static CatalogOutput file(Path target, Kind kind) {
		Path abs = target.toAbsolutePath().normalize();
		Map<String, String> existing = Files.isRegularFile(abs) ? index(abs, kind) : new HashMap<>();
		try {
			Path dir = abs.getParent();
			Files.createDirectories(dir);
			Path fresh = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".new.tmp");
			Path publish = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
			fresh.toFile().deleteOnExit(); // an interrupted run leaves the old output and no litter
			publish.toFile().deleteOnExit();
			return new CatalogOutput(kind, abs, existing, fresh, publish, Files.newBufferedWriter(fresh, StandardCharsets.UTF_8), null);
		} catch (IOException e) {
			throw new RonchiException(abs, null, "cannot write the catalogue: " + e.getMessage(), e);
		}
	}

	/** Records printed as they come (no resume); a CSV gets its header first. */
	public static CatalogOutput stream(PrintStream out, Kind kind) {
		if (kind == Kind.CSV) {
			out.println(CatalogCsv.header());
		}
		return new CatalogOutput(kind, null, Map.of(), null, null, null, out);
	}

	/** @return the output file, or null for a stream */
	public Path target() {
		return target;
	}

	/** @return whether {@code p} is one of this output's own files (never catalogued) */
	boolean owns(Path p) {
		Path abs = p.toAbsolutePath().normalize();
		return abs.equals(target) || abs.equals(fresh) || abs.equals(publish);
	}

	/** @return whether the output holds a record of this file as it is now */
	boolean unchanged(FileKey key) {
		String had = existing.get(key.path());
		return had != null && had.equals(sizeAndTime(key.size(), key.modified()));
	}

	/** Adds a record; the caller serialises calls. */
	void add(FileKey key, JsonObject record) {
		String line = kind == Kind.JSONL ? CatalogRecord.line(record) : CatalogCsv.row(record);
		if (stream != null) {
			stream.println(line);
			return;
		}
		if (existing.containsKey(key.path())) {
			superseded.add(key.path());
		}
		try {
			out.write(line);
			out.write('\n');
		} catch (IOException e) {
			throw new RonchiException(target, null, "cannot write the catalogue: " + e.getMessage(), e);
		}
	}

	/** Publishes the output: the old records still standing, then this run's. */
	void commit() {
		if (stream != null) {
			stream.flush();
			return;
		}
		try {
			out.close();
			try (BufferedWriter w = Files.newBufferedWriter(publish, StandardCharsets.UTF_8)) {
				if (kind == Kind.CSV) {
					w.write(CatalogCsv.header());
					w.write('\n');
				}
				if (Files.isRegularFile(target)) {
					copyStanding(w);
				}
				try (BufferedReader r = Files.newBufferedReader(fresh, StandardCharsets.UTF_8)) {
					r.transferTo(w);
				}
			}
			try (FileChannel c = FileChannel.open(publish, StandardOpenOption.WRITE)) {
				c.force(true); // on disk before it replaces the old output
			}
			Files.move(publish, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			throw new RonchiException(target, null, "cannot write the catalogue: " + e.getMessage(), e);
		} finally {
			abort();
		}
	}

	/** Leaves the output as it was (its temporary files deleted). */
	void abort() {
		if (stream != null) {
			return;
		}
		try {
			out.close();
			Files.deleteIfExists(fresh);
			Files.deleteIfExists(publish);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void copyStanding(Writer w) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
			String line;
			boolean header = kind == Kind.CSV;
			while ((line = r.readLine()) != null) {
				if (header) {
					header = false;
				} else if (!line.isBlank() && !superseded.contains(keyOf(line, kind, target, 0)[0])) {
					w.write(line);
					w.write('\n');
				}
			}
		}
	}

	/** path → size and time of every record in an existing output. */
	private static Map<String, String> index(Path file, Kind kind) {
		Map<String, String> keys = new HashMap<>();
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line = kind == Kind.CSV ? r.readLine() : null;
			if (kind == Kind.CSV && !CatalogCsv.header().equals(line)) {
				throw new RonchiException(file, "line 1", "the CSV header is not this version's catalogue columns; name a new output");
			}
			int n = kind == Kind.CSV ? 1 : 0;
			while ((line = r.readLine()) != null) {
				n++;
				if (!line.isBlank()) {
					String[] k = keyOf(line, kind, file, n);
					keys.put(k[0], sizeAndTime(Long.parseLong(k[1]), k[2]));
				}
			}
		} catch (IOException | NumberFormatException e) {
			throw new RonchiException(file, null, "cannot read the existing catalogue: " + e.getMessage(), e);
		}
		return keys;
	}

	/**
	 * @return path, size and modification time of a record line: the first three fields, which is where
	 *         {@link CatalogRecord} and {@link CatalogCsv} put them, so the rest of the line is not parsed
	 */
	private static String[] keyOf(String line, Kind kind, Path file, int lineNo) {
		String[] k = kind == Kind.CSV ? CatalogCsv.firstFields(line, 3) : jsonKey(line);
		if (k == null || k[0] == null || k[1] == null || k[2] == null) {
			throw new RonchiException(file, "line " + lineNo, "not a catalogue record (no path, size and modified first)");
		}
		return k;
	}

	private static String[] jsonKey(String line) {
		try (JsonReader r = new JsonReader(new StringReader(line))) {
			String[] k = new String[3];
			r.beginObject();
			for (int i = 0; i < 3 && r.hasNext(); i++) {
				switch (r.nextName()) {
				case "path" -> k[0] = r.nextString();
				case "size" -> k[1] = r.nextString();
				case "modified" -> k[2] = r.nextString();
				default -> {
					return null;
				}
				}
			}
			return k;
		} catch (IOException | IllegalStateException e) {
			return null;
		}
	}

	private static String sizeAndTime(long size, String modified) {
		return size + " " + modified;
	}
}
