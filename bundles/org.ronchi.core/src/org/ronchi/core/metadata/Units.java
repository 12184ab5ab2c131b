package org.ronchi.core.metadata;

import java.util.Map;

/**
 * Unit arithmetic for vendor values that carry their own unit (Zeiss shows "50 ns" or "1.2 µs", "105 X" or
 * "50.00 K X") and for choosing a readable length unit for axes. Only SI prefixes over a handful of base
 * units, degrees and radians: enough for microscope parameters, and nothing is guessed beyond that.
 */
public final class Units {
	private static final Map<String, Double> PREFIXES = Map.ofEntries(Map.entry("T", 1e12), Map.entry("G", 1e9),
			Map.entry("M", 1e6), Map.entry("k", 1e3), Map.entry("K", 1e3), Map.entry("c", 1e-2), Map.entry("m", 1e-3),
			Map.entry("µ", 1e-6), Map.entry("μ", 1e-6), Map.entry("u", 1e-6), Map.entry("n", 1e-9), Map.entry("p", 1e-12),
			Map.entry("f", 1e-15));
	private static final java.util.Set<String> BASES = java.util.Set.of("m", "A", "V", "eV", "s", "Hz", "Pa", "bar", "W",
			"deg", "rad", "");

	private Units() {
	}

	/** A unit as a multiple of a base unit. */
	private record Parsed(double factor, String base) {
	}

	private static Parsed parse(String unit) {
		String u = unit == null ? "" : unit.strip();
		switch (u) {
		case "", "X", "x" -> {
			return new Parsed(1, ""); // magnification is shown with an "X"
		}
		case "°", "deg", "degree", "degrees" -> {
			return new Parsed(1, "deg");
		}
		case "micron", "microns" -> {
			return new Parsed(1e-6, "m");
		}
		case "Å" -> {
			return new Parsed(1e-10, "m");
		}
		default -> {
		}
		}
		if (u.endsWith(" X") || u.endsWith(" x")) { // "K X": thousands of times
			Double p = PREFIXES.get(u.substring(0, u.length() - 2).strip());
			return p == null ? null : new Parsed(p, "");
		}
		if (BASES.contains(u)) {
			return new Parsed(1, u);
		}
		int cp = u.offsetByCodePoints(0, 1);
		Double p = PREFIXES.get(u.substring(0, cp));
		String base = u.substring(cp);
		return p != null && BASES.contains(base) && !base.isEmpty() ? new Parsed(p, base) : null;
	}

	/**
	 * @return the factor that converts a value in {@code from} to {@code to} ("ns" to "s": 1e-9; "°" to
	 *         "deg": 1; "rad" to "deg": 57.3), or null if the units are unknown or of different kinds
	 */
	public static Double factor(String from, String to) {
		Parsed f = parse(from);
		Parsed t = parse(to);
		if (f == null || t == null) {
			return null;
		}
		if (f.base.equals(t.base)) {
			return f.factor / t.factor;
		}
		if (f.base.equals("rad") && t.base.equals("deg")) {
			return f.factor * Math.toDegrees(1) / t.factor;
		}
		if (f.base.equals("deg") && t.base.equals("rad")) {
			return f.factor * Math.toRadians(1) / t.factor;
		}
		return null;
	}

	/** A length scale in a readable unit. */
	public record Length(double scale, String unit) {
	}

	private static final String[] LENGTHS = { "m", "mm", "µm", "nm", "pm" };

	/**
	 * @return the scale of an axis of {@code size} pixels of {@code metres} each, in the unit (m to pm) in
	 *         which a quarter of the axis length is between 1 and 1000: HyperSpy's {@code convert_units} choice,
	 *         so that axes read as HyperSpy users know them (3.3724 µm, 0.264 mm)
	 */
	public static Length compact(double metres, long size) {
		double quarter = Math.abs(metres) * Math.max(size, 1) / 4;
		if (!(quarter > 0) || Double.isInfinite(quarter)) {
			return new Length(metres, "m");
		}
		for (int i = 0; i < LENGTHS.length; i++) {
			double f = Math.pow(1000, i);
			if (quarter * f >= 1 || i == LENGTHS.length - 1) {
				return new Length(metres * f, LENGTHS[i]);
			}
		}
		throw new IllegalStateException("unreachable");
	}
}
