package org.ronchi.headless;


import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.PlainValues;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;

/** The JSON shapes the CLI prints; one place, so every command and loader fills the same schema. */
final class Json {
	private Json() {
	}

	static String print(JsonElement e) {
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

	static JsonObject dataset(String id, ArrayNode a) {
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

	static JsonObject axis(Axis x) {
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
	static JsonElement metadata(MetadataTree t) {
		return value(t);
	}

	/** Any attribute or metadata value, in the shapes {@link PlainValues} defines. */
	static JsonElement value(Object v) {
		return GSON.toJsonTree(PlainValues.of(v));
	}
}
