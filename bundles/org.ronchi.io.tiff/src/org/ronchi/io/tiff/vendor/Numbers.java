package org.ronchi.io.tiff.vendor;

import java.util.regex.Pattern;

/** Vendor text to numbers: only text that is wholly a decimal number becomes one ("5.5.1.3318" stays text). */
final class Numbers {
	/** No leading zeros ("0000" is a hex string in FEI files, "007" a code): those stay text. */
	private static final Pattern NUMBER = Pattern.compile("[-+]?((0|[1-9]\\d*)(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
	private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9]\\d{0,17})");

	private Numbers() {
	}

	/** @return a Long for integer text, a Double for decimal text, the text itself otherwise */
	static Object parse(String text) {
		String t = text.strip();
		if (INTEGER.matcher(t).matches()) {
			return Long.parseLong(t);
		}
		if (NUMBER.matcher(t).matches()) {
			return Double.parseDouble(t);
		}
		return text;
	}

	/** @return the number, or null if the text is not wholly one */
	static Double parseDouble(String text) {
		String t = text == null ? "" : text.strip();
		return NUMBER.matcher(t).matches() ? Double.parseDouble(t) : null;
	}

	/** @return the length of the number that starts the text, or 0 */
	static int leadingNumber(String t) {
		var m = NUMBER.matcher(t);
		return m.lookingAt() ? m.end() : 0;
	}
}
