package org.ronchi.headless.catalog;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The catalogue as CSV (RFC 4180): one row per file, fixed columns. The record's {@link StandardFields
 * summary} is flattened to one column per field, numbers in the unit the column name ends with
 * ({@code beam_energy_kV}), so a spreadsheet needs no unit parsing; the first signal's shape and dtype
 * stand for the file. Every field is one line, so a row is one line.
 */
public final class CatalogCsv {
	private static final List<String> LEADING = List.of("path", "size", "modified", "status", "format", "format_version", "signals", "shape",
			"dtype");

	private CatalogCsv() {
	}

	/** @return the header row */
	public static String header() {
		List<String> cols = new ArrayList<>(LEADING);
		for (StandardFields.Field f : StandardFields.FIELDS) {
			cols.add(column(f.name(), f.unit()));
			if (f.name().equals(StandardFields.PIXEL_AFTER)) {
				cols.add(column("pixel_size_x", StandardFields.PIXEL_UNIT));
				cols.add(column("pixel_size_y", StandardFields.PIXEL_UNIT));
			}
		}
		cols.add("error");
		return String.join(",", cols);
	}

	private static String column(String name, String unit) {
		return unit == null || unit.isEmpty() ? name : name + "_" + unit;
	}

	/** @return the record as one row under {@link #header()} */
	public static String row(JsonObject r) {
		List<String> v = new ArrayList<>();
		v.add(text(r, "path"));
		v.add(text(r, "size"));
		v.add(text(r, "modified"));
		v.add(text(r, "status"));
		v.add(text(r, "format"));
		v.add(text(r, "format_version"));
		JsonArray signals = r.has("signals") ? r.getAsJsonArray("signals") : new JsonArray();
		v.add(r.has("signals") ? String.valueOf(signals.size()) : "");
		JsonObject first = signals.isEmpty() ? null : signals.get(0).getAsJsonObject();
		v.add(first == null ? "" : shape(first.getAsJsonArray("shape")));
		v.add(first == null ? "" : text(first, "dtype"));
		JsonObject s = r.has("summary") ? r.getAsJsonObject("summary") : new JsonObject();
		for (StandardFields.Field f : StandardFields.FIELDS) {
			v.add(f.numeric() ? number(s.get(f.name())) : text(s, f.name()));
			if (f.name().equals(StandardFields.PIXEL_AFTER)) {
				JsonObject px = s.has("pixel_size") ? s.getAsJsonObject("pixel_size") : new JsonObject();
				v.add(number(px.get("x")));
				v.add(number(px.get("y")));
			}
		}
		v.add(r.has("error") ? text(r, "error") : text(r, "reason"));
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < v.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append(quote(v.get(i)));
		}
		return sb.toString();
	}

	/** @return the first {@code n} fields of a row, unquoted, or null if the row has fewer */
	static String[] firstFields(String row, int n) {
		String[] out = new String[n];
		int i = 0;
		int k = 0;
		while (k < n && i <= row.length()) {
			StringBuilder f = new StringBuilder();
			if (i < row.length() && row.charAt(i) == '"') {
				i++;
				while (i < row.length()) {
					char c = row.charAt(i++);
					if (c == '"') {
						if (i < row.length() && row.charAt(i) == '"') {
							f.append('"');
							i++;
						} else {
							break;
						}
					} else {
						f.append(c);
					}
				}
			}
			while (i < row.length() && row.charAt(i) != ',') {
				f.append(row.charAt(i++));
			}
			out[k++] = f.toString();
			i++; // the comma
		}
		return k == n ? out : null;
	}

	private static String text(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
	}

	/** A {value, units} of the summary, whose units are the column's: the value alone. */
	private static String number(JsonElement q) {
		return q == null || !q.isJsonObject() ? "" : q.getAsJsonObject().get("value").getAsString();
	}

	private static String shape(JsonArray a) {
		List<String> dims = new ArrayList<>();
		a.forEach(d -> dims.add(d.getAsString()));
		return String.join("x", dims);
	}

	private static String quote(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			return s;
		}
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
