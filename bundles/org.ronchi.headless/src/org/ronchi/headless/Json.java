package org.ronchi.headless;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.PlainValues;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.results.ResultsStore;

/**
 * The JSON shapes the CLI prints; one place, so every command and loader fills the same schema. Public for the
 * catalogue ({@code org.ronchi.headless.catalog}), whose records use the same dataset and metadata shapes.
 */
public final class Json {
	private Json() {
	}

	public static String print(JsonElement e) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(e);
	}

	/** {@code ronchi info --json}: file, format, format_version, datasets[]. */
	static JsonObject info(DataFile f) {
		JsonObject o = new JsonObject();
		o.addProperty("file", f.path().toString());
		o.addProperty("format", f.format());
		o.addProperty("format_version", f.formatVersion());
		JsonArray ds = new JsonArray();
		int i = 0;
		for (ArrayNode a : f.signals()) {
			ds.add(dataset("signal:" + i++, a));
		}
		o.add("datasets", ds);
		if (!f.warnings().isEmpty()) {
			JsonArray w = new JsonArray();
			f.warnings().forEach(w::add);
			o.add("warnings", w);
		}
		return o;
	}

	public static JsonObject dataset(String id, ArrayNode a) {
		JsonObject d = new JsonObject();
		d.addProperty("id", id);
		d.addProperty("path", a.path());
		d.addProperty("title", a.title());
		d.addProperty("kind", a.kind());
		JsonArray shape = new JsonArray();
		for (long s : a.shape()) {
			shape.add(s);
		}
		d.add("shape", shape);
		d.addProperty("dtype", a.dtype().numpyName());
		if (!a.quantity().isEmpty() || !a.units().isEmpty()) {
			d.addProperty("quantity", a.quantity());
			d.addProperty("units", a.units());
		}
		JsonArray axes = new JsonArray();
		for (Axis x : a.axes()) {
			axes.add(axis(x));
		}
		d.add("axes", axes);
		return d;
	}

	public static JsonObject axis(Axis x) {
		JsonObject o = new JsonObject();
		o.addProperty("name", x.name());
		o.addProperty("units", x.units());
		if (x.isLinear()) {
			o.addProperty("size", x.size());
			o.add("scale", number(x.scale()));
			o.add("offset", number(x.offset()));
		} else {
			JsonArray v = new JsonArray();
			for (double d : x.values()) {
				v.add(number(d));
			}
			o.add("values", v);
		}
		if (x.navigate()) {
			o.addProperty("navigate", true);
		}
		return o;
	}

	private static JsonElement number(double d) {
		return Double.isFinite(d) ? new JsonPrimitive(d) : new JsonPrimitive(String.valueOf(d));
	}

	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

	/** A metadata tree: branches as objects, quantities as {value, units} ({@link PlainValues}). */
	public static JsonElement metadata(MetadataTree t) {
		return value(t);
	}

	/** Any attribute or metadata value, in the shapes {@link PlainValues} defines. */
	public static JsonElement value(Object v) {
		return GSON.toJsonTree(PlainValues.of(v));
	}

	/**
	 * {@code ronchi formats --json}: readers[] {name, extensions, options[]}, writers[] {id, name,
	 * extensions, carries, options[]}, results_stores[] {id, name, default}; an option is {name, type,
	 * default, doc}.
	 */
	static JsonObject formats(List<FileLoader> readers, List<FileWriter> writers, List<ResultsStore> stores) {
		JsonObject o = new JsonObject();
		JsonArray r = new JsonArray();
		for (FileLoader l : readers) {
			JsonObject x = new JsonObject();
			x.addProperty("name", l.name());
			x.add("extensions", strings(l.extensions()));
			x.add("options", options(l.options()));
			r.add(x);
		}
		o.add("readers", r);
		JsonArray w = new JsonArray();
		for (FileWriter fw : writers) {
			JsonObject x = new JsonObject();
			x.addProperty("id", fw.id());
			x.addProperty("name", fw.name());
			x.add("extensions", strings(fw.extensions()));
			x.add("carries", strings(fw.carries().stream().sorted().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList()));
			x.add("options", options(fw.options()));
			w.add(x);
		}
		o.add("writers", w);
		JsonArray st = new JsonArray();
		for (ResultsStore s : stores) {
			JsonObject x = new JsonObject();
			x.addProperty("id", s.id());
			x.addProperty("name", s.name());
			x.addProperty("default", s.id().equals(ResultsStore.DEFAULT));
			st.add(x);
		}
		o.add("results_stores", st);
		return o;
	}

	private static JsonArray options(List<FormatOption> options) {
		JsonArray a = new JsonArray();
		for (FormatOption op : options) {
			JsonObject x = new JsonObject();
			x.addProperty("name", op.name());
			x.addProperty("type", op.type());
			x.addProperty("default", op.defaultValue());
			x.addProperty("doc", op.doc());
			a.add(x);
		}
		return a;
	}

	private static JsonArray strings(List<String> values) {
		JsonArray a = new JsonArray();
		values.forEach(a::add);
		return a;
	}
}
