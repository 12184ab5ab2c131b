package org.ronchi.core.model;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/** Conversions of attribute values as files store them (bytes, one-element arrays, numbers as text). */
public final class Attributes {
	private Attributes() {
	}

	/** @return the value as text: byte arrays decoded as UTF-8 (trailing NULs dropped), 1-element arrays unwrapped */
	public static String asString(Object v) {
		if (v == null) {
			return null;
		}
		if (v instanceof String s) {
			return s;
		}
		if (v instanceof byte[] b) {
			int n = b.length;
			while (n > 0 && b[n - 1] == 0) {
				n--;
			}
			return new String(b, 0, n, StandardCharsets.UTF_8);
		}
		if (v.getClass().isArray() && Array.getLength(v) == 1) {
			return asString(Array.get(v, 0));
		}
		return String.valueOf(v);
	}

	/** @return the value as a number (parsing text, unwrapping 1-element arrays), or null if it is not one */
	public static Double asDouble(Object v) {
		if (v == null) {
			return null;
		}
		if (v instanceof Number n) {
			return n.doubleValue();
		}
		if (v instanceof Boolean b) {
			return b ? 1.0 : 0.0;
		}
		if (v.getClass().isArray() && !(v instanceof byte[]) && Array.getLength(v) == 1) {
			return asDouble(Array.get(v, 0));
		}
		String s = asString(v);
		try {
			return Double.parseDouble(s.trim());
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/** @return the value as a double vector (numeric arrays widened), or null */
	public static double[] asDoubles(Object v) {
		if (v == null) {
			return null;
		}
		if (v instanceof Number n) {
			return new double[] { n.doubleValue() };
		}
		if (v.getClass().isArray() && v.getClass().getComponentType().isPrimitive() && !(v instanceof boolean[])) {
			int n = Array.getLength(v);
			double[] out = new double[n];
			for (int i = 0; i < n; i++) {
				out[i] = ((Number) Array.get(v, i)).doubleValue();
			}
			return out;
		}
		return null;
	}
}
