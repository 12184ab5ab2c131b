package org.ronchi.io.tiff.vendor;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Units;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.tiff.format.Text;

/**
 * The text block Zeiss SmartSEM writes into tag 34118 (CZ_SEM), Latin-1: first a run of unnamed numbers
 * (index 3 is the pixel size in metres for a 1024-pixel-wide frame, as HyperSpy reads it), then pairs of
 * lines, an upper-case parameter name ("AP_WD") and its display text ("WD = 14.808 mm", "Date :23 Dec 2015").
 * No public specification; the layout is as tifffile and Gwyddion read it. Each parameter becomes
 * {@code {label, value, unit}}: the label as shown, the number (or the text when it is not one), and the unit
 * the instrument displayed, which varies ("50 ns", "1.2 µs") and is converted by the unit reconciler.
 */
public final class ZeissSem {
	/** Key of the leading unnamed numbers in the tree. */
	public static final String HEADER = "header";

	private ZeissSem() {
	}

	public static MetadataTree parse(byte[] raw) {
		MetadataTree root = new MetadataTree();
		List<Object> header = new ArrayList<>();
		String key = null;
		for (String line : Text.decodeToNul(raw).split("\r?\n|\r")) {
			if (line.isBlank()) {
				continue;
			}
			if (isKey(line)) {
				key = line.strip();
				continue;
			}
			if (key == null) {
				header.add(Numbers.parse(line));
				continue;
			}
			if (root.child(key) == null) {
				root.put(key, entry(line));
			}
			key = null;
		}
		double[] numbers = new double[header.size()];
		boolean allNumbers = true;
		for (int i = 0; i < numbers.length; i++) {
			if (header.get(i) instanceof Number n) {
				numbers[i] = n.doubleValue();
			} else {
				allNumbers = false;
			}
		}
		if (!header.isEmpty()) {
			root.put(HEADER, allNumbers ? numbers : header.stream().map(String::valueOf).toArray(String[]::new));
		}
		return root;
	}

	/** A parameter name: letters, digits and underscores, no lower case, no "=" or ":" (those are values). */
	private static boolean isKey(String line) {
		String t = line.strip();
		boolean letter = false;
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (Character.isLetter(c)) {
				if (Character.isLowerCase(c)) {
					return false;
				}
				letter = true;
			} else if (!Character.isDigit(c) && c != '_') {
				return false;
			}
		}
		return letter;
	}

	/** "EHT = 25.00 kV" → {label: EHT, value: 25.0, unit: kV}; "Date :23 Dec 2015" → {label: Date, value: ...}. */
	private static MetadataTree entry(String line) {
		MetadataTree e = new MetadataTree();
		int eq = line.indexOf('=');
		int colon = line.indexOf(':');
		int sep = eq >= 0 ? eq : colon;
		String label = sep >= 0 ? line.substring(0, sep).strip() : "";
		String text = (sep >= 0 ? line.substring(sep + 1) : line).strip();
		e.put("label", label);
		int n = Numbers.leadingNumber(text);
		String rest = text.substring(n).strip();
		// a unit has no digits: "23 Dec 2015", "9:40:32", "1.2.3" stay text
		if (n > 0 && rest.chars().noneMatch(c -> c >= '0' && c <= '9') && !rest.startsWith(":") && !rest.startsWith(".")
				&& !rest.startsWith("/")) {
			e.put("value", Numbers.parse(text.substring(0, n)));
			if (!rest.isEmpty()) {
				e.put("unit", rest);
			}
		} else {
			e.put("value", text);
		}
		return e;
	}

	/** @return the value of a parameter (number or text), or null */
	public static Object value(MetadataTree zeiss, String key) {
		return zeiss.at(key, "value");
	}

	/**
	 * @return the pixel size in metres: header[3] scaled from the 1024-pixel reference width to this image's
	 *         width (HyperSpy's reading, full precision), else AP_IMAGE_PIXEL_SIZE / AP_PIXEL_SIZE with their
	 *         displayed unit (4 digits), else null
	 */
	public static Double pixelSize(MetadataTree zeiss, int width) {
		if (zeiss.child(HEADER) instanceof double[] h && h.length > 3 && h[3] > 0 && width > 0) {
			return h[3] * 1024 / width;
		}
		for (String key : new String[] { "AP_IMAGE_PIXEL_SIZE", "AP_PIXEL_SIZE" }) {
			Double v = Attributes.asDouble(value(zeiss, key));
			Double f = Units.factor(Attributes.asString(zeiss.at(key, "unit")), "m");
			if (v != null && f != null && v > 0) {
				return v * f;
			}
		}
		return null;
	}

	/** @return AP_DATE ("23 Dec 2015") and AP_TIME ("9:40:32") as ISO 8601 local time, or null */
	public static String dateTime(MetadataTree zeiss) {
		LocalDate d = Dates.first(Attributes.asString(value(zeiss, "AP_DATE")), LocalDate::parse, Dates.pattern("d MMM yyyy"),
				Dates.pattern("d.M.yyyy"), Dates.pattern("M/d/yyyy"));
		LocalTime t = Dates.first(Attributes.asString(value(zeiss, "AP_TIME")), LocalTime::parse, Dates.pattern("H:mm:ss"),
				Dates.pattern("H:mm"));
		return d != null && t != null ? Dates.iso(LocalDateTime.of(d, t)) : null;
	}
}
