package org.ronchi.io.emd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units as EMD writers spell them, made readable the way HyperSpy shows them (pint's short form):
 * NCEM/Prismatic bracket each factor and write prefixes with an underscore ({@code [n_m^-1]} is
 * "1 / nm", {@code [mrad]} "mrad", {@code []} ""); py4DSTEM writes {@code A^-1} for reciprocal
 * ångström ("1 / Å"). Text that follows neither convention is kept as it is.
 */
public final class EmdUnits {
	private static final Pattern BRACKETS = Pattern.compile("\\[(.*?)\\]");
	private static final Pattern FACTOR = Pattern.compile("([^\\s^*/]+)(?:\\^(-?\\d+))?");

	private EmdUnits() {
	}

	/** NCEM / Prismatic: every bracketed factor, underscores dropped; no brackets: the text itself. */
	public static String ncem(String raw) {
		if (raw == null) {
			return "";
		}
		Matcher m = BRACKETS.matcher(raw);
		List<String> factors = new ArrayList<>();
		boolean any = false;
		while (m.find()) {
			any = true;
			if (!m.group(1).isBlank()) {
				factors.add(m.group(1).replace("_", ""));
			}
		}
		return any ? product(factors, false) : raw.trim();
	}

	/** py4DSTEM / emdfile: {@code A} is ångström; {@code x^-n} becomes a denominator. */
	public static String emd1(String raw) {
		if (raw == null) {
			return "";
		}
		String t = raw.trim();
		return t.contains("^") ? product(List.of(t.split("\\s*\\*\\s*")), true) : t.equals("A") ? "Å" : t;
	}

	private static String product(List<String> factors, boolean angstrom) {
		List<String> num = new ArrayList<>();
		List<String> den = new ArrayList<>();
		for (String f : factors) {
			Matcher m = FACTOR.matcher(f.trim());
			if (!m.matches()) {
				num.add(f.trim());
				continue;
			}
			String u = angstrom && m.group(1).equals("A") ? "Å" : m.group(1);
			int e = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
			String term = Math.abs(e) == 1 ? u : u + " ** " + Math.abs(e);
			(e < 0 ? den : num).add(term);
		}
		String n = num.isEmpty() ? (den.isEmpty() ? "" : "1") : String.join(" * ", num);
		return den.isEmpty() ? n : n + " / " + String.join(" / ", den);
	}
}
