package org.ronchi.io.hspy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;

/**
 * HyperSpy's metadata dictionary and Ronchi's standard schema (docs/metadata.md), both ways. The keys
 * that correspond are data: {@code mappings/hspy.map} of this bundle; reading applies it, writing
 * inverts its first wildcard-free line per key. What a line cannot say is done here: the date and time,
 * the quantity with its units in parentheses, the markers. Used by the .hspy loader and writer and by
 * the NeXus bundle for the {@code hyperspy_metadata} HyperSpy writes into NeXus files.
 */
public final class HyperSpyMetadata {
	/** The mapping file: {@code mappings/hspy.map}. */
	public static final String VENDOR = "hspy";
	private static final Pattern QUANTITY = Pattern.compile("(.*?)\\s*\\(([^()]*)\\)\\s*");

	private HyperSpyMetadata() {
	}

	/**
	 * @param hyperspy a HyperSpy metadata tree as stored (keys verbatim, "_None_" for None)
	 * @return the standard metadata it holds, and what could not be mapped
	 */
	public static MetadataMapping.Result standard(MetadataTree hyperspy) {
		MetadataTree values = withoutNone(hyperspy);
		MetadataMapping.Result r = MetadataMappings.forVendor(VENDOR, HyperSpyMetadata.class).apply(values);
		MetadataTree s = r.standard();
		String when = dateTime(values);
		if (when != null) {
			s.set("general.date_time", when);
		}
		String quantity = Attributes.asString(values.at("Signal", "quantity"));
		if (quantity != null) {
			String[] qu = quantity(quantity);
			s.set("signal.quantity", qu[0]);
			if (!qu[1].isEmpty()) {
				s.set("signal.units", qu[1]);
			}
		}
		List<String> markers = markers(values);
		if (!markers.isEmpty()) {
			s.set("signal.markers", markers);
		}
		return r;
	}

	/** @return "Intensity (counts)" split into {"Intensity", "counts"}; {"text", ""} without units */
	public static String[] quantity(String text) {
		Matcher m = QUANTITY.matcher(text);
		return m.matches() ? new String[] { m.group(1), m.group(2) } : new String[] { text.strip(), "" };
	}

	/**
	 * @param standard the standard metadata of a signal
	 * @return the HyperSpy metadata dictionary it corresponds to (General, Acquisition_instrument,
	 *         Sample, Signal), in HyperSpy's units; empty branches are left out
	 */
	public static MetadataTree hyperspy(MetadataTree standard) {
		MetadataTree out = new MetadataTree();
		boolean sem = "SEM".equalsIgnoreCase(Attributes.asString(standard.get("acquisition.instrument.acquisition_mode")));
		Map<String, MetadataMapping.Rule> first = new LinkedHashMap<>();
		for (MetadataMapping.Rule r : MetadataMappings.forVendor(VENDOR, HyperSpyMetadata.class).rules()) {
			if (!first.containsKey(r.key()) && plain(r.path())) {
				first.put(r.key(), r);
			}
		}
		for (MetadataMapping.Rule r : first.values()) {
			Object v = standard.get(r.key());
			if (v == null) {
				continue;
			}
			if (v instanceof Quantity q) {
				v = q.value() / r.scale();
			} else if (v instanceof Number n && r.scale() != 1.0) {
				v = n.doubleValue() / r.scale();
			}
			String[] path = r.path().clone();
			if (sem && path.length > 1 && path[0].equals("Acquisition_instrument") && path[1].equals("TEM")) {
				path[1] = "SEM";
			}
			MetadataTree t = out;
			for (int i = 0; i < path.length - 1; i++) {
				t = t.branch(path[i]);
			}
			t.put(path[path.length - 1], v instanceof Object[] a ? List.of(a) : v);
		}
		Object when = standard.get("general.date_time");
		if (when != null) {
			splitDateTime(String.valueOf(when), out.branch("General"));
		}
		String quantity = Attributes.asString(standard.get("signal.quantity"));
		String units = Attributes.asString(standard.get("signal.units"));
		if (quantity != null && !quantity.isEmpty()) {
			out.branch("Signal").put("quantity", units == null || units.isEmpty() ? quantity : quantity + " (" + units + ")");
		}
		return out;
	}

	private static boolean plain(String[] path) {
		for (String p : path) {
			if (p.equals("*") || p.equals("**")) {
				return false;
			}
		}
		return path.length > 1; // top-level fallbacks are HyperSpy 1.0's flat layout
	}

	/** @return the tree without None ("_None_") and empty texts: not values */
	static MetadataTree withoutNone(MetadataTree t) {
		MetadataTree out = new MetadataTree();
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			Object v = e.getValue() instanceof MetadataTree sub ? withoutNone(sub) : e.getValue();
			if (!(v instanceof String s && (s.isBlank() || s.equals("_None_")))) {
				out.put(e.getKey(), v);
			}
		}
		return out;
	}

	/** General.date + General.time (+ time_zone if an offset), or v1.x's {@code _datetime_date}/{@code _datetime_time}. */
	private static String dateTime(MetadataTree values) {
		String date = Attributes.asString(values.at("General", "date"));
		String time = Attributes.asString(values.at("General", "time"));
		if (date == null) {
			date = pythonDate(Attributes.asString(values.at("General", "_datetime_date")));
			time = time != null ? time : pythonTime(Attributes.asString(values.at("General", "_datetime_time")));
		}
		if (date == null) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(date.strip());
			if (time == null) {
				return d.toString();
			}
			LocalDateTime dt = LocalDateTime.of(d, LocalTime.parse(time.strip()));
			String zone = Attributes.asString(values.at("General", "time_zone"));
			if (zone != null && zone.strip().equals("UTC")) {
				return dt.atOffset(ZoneOffset.UTC).toString();
			}
			if (zone != null && zone.strip().matches("[+-]\\d{2}:\\d{2}")) {
				return dt.atOffset(ZoneOffset.of(zone.strip())).toString();
			}
			return dt.toString();
		} catch (DateTimeParseException e) {
			return time == null ? date : date + "T" + time;
		}
	}

	/** "datetime.date(1991, 10, 1)" as HyperSpy 1.x wrote it, to 1991-10-01. */
	private static String pythonDate(String s) {
		int[] n = numbers(s, "datetime.date(");
		return n == null || n.length < 3 ? null : LocalDate.of(n[0], n[1], n[2]).toString();
	}

	private static String pythonTime(String s) {
		int[] n = numbers(s, "datetime.time(");
		return n == null || n.length < 2 ? null : LocalTime.of(n[0], n[1], n.length > 2 ? n[2] : 0).toString();
	}

	private static int[] numbers(String s, String prefix) {
		if (s == null || !s.startsWith(prefix) || !s.endsWith(")")) {
			return null;
		}
		try {
			String[] parts = s.substring(prefix.length(), s.length() - 1).split(",");
			int[] out = new int[parts.length];
			for (int i = 0; i < parts.length; i++) {
				out[i] = Integer.parseInt(parts[i].strip());
			}
			return out;
		} catch (NumberFormatException | java.time.DateTimeException e) {
			return null;
		}
	}

	/** An ISO 8601 date and time into HyperSpy's General.date, .time and (with an offset) .time_zone. */
	private static void splitDateTime(String iso, MetadataTree general) {
		try {
			OffsetDateTime t = OffsetDateTime.parse(iso);
			general.put("date", t.toLocalDate().toString());
			general.put("time", t.toLocalTime().toString());
			general.put("time_zone", t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : t.getOffset().getId());
			return;
		} catch (DateTimeParseException e) {
			// no offset: local time
		}
		try {
			LocalDateTime t = LocalDateTime.parse(iso);
			general.put("date", t.toLocalDate().toString());
			general.put("time", t.toLocalTime().toString());
		} catch (DateTimeParseException e) {
			try {
				general.put("date", LocalDate.parse(iso).toString());
			} catch (DateTimeParseException e2) {
				// not a date Ronchi can split: left out rather than guessed
			}
		}
	}

	/** @return "name: type" of each marker in Markers, as HyperSpy stores them */
	private static List<String> markers(MetadataTree values) {
		List<String> out = new ArrayList<>();
		if (values.child("Markers") instanceof MetadataTree m) {
			for (Map.Entry<String, Object> e : m.entries().entrySet()) {
				String type = e.getValue() instanceof MetadataTree t ? Attributes.asString(t.child("marker_type")) : null;
				out.add(type == null ? e.getKey() : e.getKey() + ": " + type);
			}
		}
		return out;
	}
}
