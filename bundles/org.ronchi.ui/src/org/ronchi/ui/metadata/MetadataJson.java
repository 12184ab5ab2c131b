package org.ronchi.ui.metadata;

import java.lang.reflect.Array;
import java.util.Map;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** A metadata tree as JSON: branches as objects, quantities as {@code {"value", "units"}}, as the CLI prints it. */
public final class MetadataJson {
	private MetadataJson() {
	}

	public static String print(MetadataTree t) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(tree(t));
	}

	static JsonObject tree(MetadataTree t) {
		JsonObject o = new JsonObject();
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			o.add(e.getKey(), value(e.getValue()));
		}
		return o;
	}

	static JsonElement value(Object v) {
		if (v == null) {
			return JsonNull.INSTANCE;
		}
		if (v instanceof MetadataTree t) {
			return tree(t);
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
		if (v instanceof byte[] b) {
			return new JsonPrimitive(Attributes.asString(b));
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

	private static JsonElement number(double d) {
		return Double.isFinite(d) ? new JsonPrimitive(d) : new JsonPrimitive(String.valueOf(d));
	}
}
