package org.ronchi.headless;

import java.lang.reflect.Array;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Reference;

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

	/** A metadata tree: branches as objects, quantities as {value, units}. */
	static JsonElement metadata(MetadataTree t) {
		JsonObject o = new JsonObject();
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			o.add(e.getKey(), value(e.getValue()));
		}
		return o;
	}

	/** Any attribute or metadata value. */
	static JsonElement value(Object v) {
		if (v == null) {
			return JsonNull.INSTANCE;
		}
		if (v instanceof MetadataTree t) {
			return metadata(t);
		}
		if (v instanceof Quantity q) {
			JsonObject o = new JsonObject();
			o.add("value", number(q.value()));
			o.addProperty("units", q.unit());
			return o;
		}
		if (v instanceof Number n) {
			return n instanceof Double || n instanceof Float ? number(n.doubleValue()) : new JsonPrimitive(n);
		}
		if (v instanceof Boolean b) {
			return new JsonPrimitive(b);
		}
		if (v instanceof Reference r) {
			return new JsonPrimitive(r.toString());
		}
		if (v instanceof byte[] b) {
			return new JsonPrimitive(org.ronchi.core.model.Attributes.asString(b));
		}
		if (v instanceof Map<?, ?> m) {
			JsonObject o = new JsonObject();
			m.forEach((k, val) -> o.add(String.valueOf(k), value(val)));
			return o;
		}
		if (v instanceof Iterable<?> it) {
			JsonArray a = new JsonArray();
			it.forEach(x -> a.add(value(x)));
			return a;
		}
		if (v.getClass().isArray()) {
			JsonArray a = new JsonArray();
			int n = Array.getLength(v);
			for (int i = 0; i < n; i++) {
				a.add(value(Array.get(v, i)));
			}
			return a;
		}
		return new JsonPrimitive(v.toString());
	}
}
