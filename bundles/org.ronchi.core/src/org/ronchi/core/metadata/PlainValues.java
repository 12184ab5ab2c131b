package org.ronchi.core.metadata;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Reference;

/**
 * Metadata and attribute values as plain JSON-shaped Java values (ordered maps, lists, strings,
 * numbers, booleans, null), so every front end (the CLI's JSON, the desktop's "Copy as JSON") prints
 * the same shapes from one place: branches as objects, a {@link Quantity} as {@code {"value", "units"}},
 * byte strings decoded, arrays as lists, non-finite numbers as text (JSON has none).
 */
public final class PlainValues {
	private PlainValues() {
	}

	public static Object of(Object v) {
		if (v == null || v instanceof String || v instanceof Boolean) {
			return v;
		}
		if (v instanceof MetadataTree t) {
			return of(t.entries());
		}
		if (v instanceof Quantity q) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("value", number(q.value()));
			m.put("units", q.unit());
			return m;
		}
		if (v instanceof Double || v instanceof Float) {
			return number(((Number) v).doubleValue());
		}
		if (v instanceof Number) {
			return v;
		}
		if (v instanceof Reference r) {
			return r.toString();
		}
		if (v instanceof byte[] b) {
			return Attributes.asString(b);
		}
		if (v instanceof Map<?, ?> map) {
			Map<String, Object> m = new LinkedHashMap<>();
			map.forEach((k, x) -> m.put(String.valueOf(k), of(x)));
			return m;
		}
		if (v instanceof Collection<?> c) {
			List<Object> l = new ArrayList<>(c.size());
			c.forEach(x -> l.add(of(x)));
			return l;
		}
		if (v.getClass().isArray()) {
			int n = Array.getLength(v);
			List<Object> l = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				l.add(of(Array.get(v, i)));
			}
			return l;
		}
		return v.toString();
	}

	private static Object number(double d) {
		return Double.isFinite(d) ? (Object) Double.valueOf(d) : String.valueOf(d);
	}
}
