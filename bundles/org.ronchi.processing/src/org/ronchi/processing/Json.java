package org.ronchi.processing;

import java.util.Locale;

/** The two JSON spellings the API writes by hand (provenance must not depend on a library's formatting). */
final class Json {
	private Json() {
	}

	static String quote(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> sb.append("\\\"");
			case '\\' -> sb.append("\\\\");
			case '\n' -> sb.append("\\n");
			case '\t' -> sb.append("\\t");
			case '\r' -> sb.append("\\r");
			default -> {
				if (c < 0x20) {
					sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
				} else {
					sb.append(c);
				}
			}
			}
		}
		return sb.append('"').toString();
	}

	/** Shortest round-trip form; NaN and infinities (not JSON) as strings. */
	static String number(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return quote(Double.toString(d));
		}
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) + ".0" : Double.toString(d);
	}
}
