package org.ronchi.io.tiff.vendor;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.tiff.format.Text;

/**
 * The INI block FEI/Thermo Fisher SEMs and DualBeams write into tag 34682 (FEI_HELIOS, xT software) or 34680
 * (FEI_SFEG): {@code [Section]} lines, then {@code Key=Value} lines, values in SI units (metres, volts,
 * amperes, seconds; stage angles in radians). No public specification; the layout is as tifffile and
 * HyperSpy read it. Kept verbatim: sections and keys as written, numbers where the text is a number,
 * everything else (including empty values and "notafloat") as text.
 */
public final class FeiIni {
	private FeiIni() {
	}

	/** Parses the INI text. */
	public static MetadataTree parse(byte[] raw) {
		MetadataTree root = new MetadataTree();
		MetadataTree section = root;
		for (String line : Text.decodeToNul(raw).split("\r?\n|\r")) {
			String t = line.strip();
			if (t.startsWith("[") && t.endsWith("]") && t.length() > 2) {
				section = root.branch(t.substring(1, t.length() - 1));
				continue;
			}
			int eq = t.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = t.substring(0, eq).strip();
			if (section.child(key) == null) {
				section.put(key, Numbers.parse(t.substring(eq + 1).strip()));
			}
		}
		return root;
	}

	/** @return a numeric value, or null if absent or not a number */
	public static Double number(MetadataTree fei, String section, String key) {
		Object v = fei.at(section, key);
		// if/else, not nested ?: — mixing double and Double there unboxes a null (NPE) under ECJ
		if (v instanceof Number n) {
			return n.doubleValue();
		}
		if (v instanceof String s) {
			return Numbers.parseDouble(s);
		}
		return null;
	}

	/** @return the image rows the SEM scanned ([Image]ResolutionY): rows below them are the databar */
	public static Integer scannedRows(MetadataTree fei) {
		Double y = number(fei, "Image", "ResolutionY");
		return y == null || y < 1 ? null : (int) Math.round(y);
	}

	/**
	 * @return {x, y} pixel size in metres: [Scan]PixelWidth/PixelHeight, else the active beam's field width
	 *         over the resolution ([IRBeam] on a NavCam image, which has no [Scan]), or null
	 */
	public static double[] pixelSize(MetadataTree fei) {
		Double px = number(fei, "Scan", "PixelWidth");
		Double py = number(fei, "Scan", "PixelHeight");
		if (px != null && px > 0) {
			return new double[] { px, py != null && py > 0 ? py : px };
		}
		String beam = Attributes.asString(fei.at("Beam", "Beam"));
		Double rx = number(fei, "Image", "ResolutionX");
		Double ry = number(fei, "Image", "ResolutionY");
		if (beam == null || beam.isEmpty() || rx == null || ry == null || rx < 1 || ry < 1) {
			return null;
		}
		Double hfw = number(fei, beam, "HFW");
		Double vfw = number(fei, beam, "VFW");
		if (hfw == null || hfw <= 0) {
			return null;
		}
		return new double[] { hfw / rx, vfw != null && vfw > 0 ? vfw / ry : hfw / rx };
	}

	/** @return [Beam]Beam's section's detector-independent name, e.g. "EBeam", or null */
	public static String activeBeam(MetadataTree fei) {
		String b = Attributes.asString(fei.at("Beam", "Beam"));
		return b == null || b.isBlank() ? null : b;
	}

	private static final DateTimeFormatter[] DATES = { Dates.pattern("M/d/yyyy"), Dates.pattern("d.M.yyyy"),
			Dates.pattern("yyyy-M-d") };
	private static final DateTimeFormatter[] TIMES = { Dates.pattern("h:mm:ss a"), Dates.pattern("H:mm:ss") };

	/**
	 * @return [User]Date + [User]Time (US style "06/13/2016" "05:06:40 PM"), else [PrivateFei]TimeOfCreation
	 *         ("13.06.2016 17:06:40"), as ISO 8601 local time; null if neither parses
	 */
	public static String dateTime(MetadataTree fei) {
		LocalDate d = Dates.first(Attributes.asString(fei.at("User", "Date")), LocalDate::parse, DATES);
		LocalTime t = Dates.first(Attributes.asString(fei.at("User", "Time")), LocalTime::parse, TIMES);
		if (d != null && t != null) {
			return Dates.iso(LocalDateTime.of(d, t));
		}
		String created = Attributes.asString(fei.at("PrivateFei", "TimeOfCreation"));
		if (created != null) {
			String[] parts = created.strip().split("\\s+");
			if (parts.length == 2) {
				d = Dates.first(parts[0], LocalDate::parse, DATES);
				t = Dates.first(parts[1], LocalTime::parse, TIMES);
				if (d != null && t != null) {
					return Dates.iso(LocalDateTime.of(d, t));
				}
			}
		}
		return null;
	}
}
