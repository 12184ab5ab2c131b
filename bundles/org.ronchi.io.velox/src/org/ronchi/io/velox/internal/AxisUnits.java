package org.ronchi.io.velox.internal;

/**
 * Converts Velox's SI calibrations (pixel sizes in {@code m} or {@code 1/m}, frame times in {@code s})
 * into the units axes are shown in. {@link Mode#NM}, the default, always gives nm and 1 / nm, so that
 * files compare at a glance and scales do not change unit with the field of view. {@link Mode#COMPACT}
 * reproduces HyperSpy's {@code convert_units}: the SI prefix that puts half the axis length between 1
 * and 1000 (pint's {@code to_compact}), e.g. 0.0053 µm for a 512-pixel image of 5.3 nm pixels.
 */
final class AxisUnits {
	/** How lengths are expressed. */
	enum Mode {
		NM, COMPACT
	}

	/** A converted scale and offset with their units. */
	record Calibration(double scale, double offset, String units) {
	}

	private static final String[] PREFIXES = { "y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y" };

	private AxisUnits() {
	}

	/**
	 * @param unit Velox's unit: "m", "1/m" or "s"; anything else is passed through unchanged
	 * @param size the number of pixels (COMPACT chooses the prefix for half of them)
	 */
	static Calibration convert(double scale, double offset, String unit, long size, Mode mode) {
		String base;
		int power;
		switch (unit == null ? "" : unit.trim()) {
		case "m" -> {
			base = "m";
			power = 1;
		}
		case "1/m", "1 / m", "m^-1" -> {
			base = "m";
			power = -1;
		}
		case "s" -> {
			base = "s";
			power = 1;
		}
		default -> {
			return new Calibration(scale, offset, unit == null ? "" : unit);
		}
		}
		int exponent = mode == Mode.NM && base.equals("m") ? -9 : mode == Mode.NM ? 0 : compactExponent(scale * size / 2, power);
		double k = Math.pow(10, -exponent * power);
		String prefixed = PREFIXES[exponent / 3 + 8] + base;
		return new Calibration(scale * k, offset * k, power < 0 ? "1 / " + prefixed : prefixed);
	}

	/** pint's to_compact: the multiple of 3 that brings |value| (in unit^power) into [1, 1000). */
	static int compactExponent(double value, int power) {
		if (value == 0 || !Double.isFinite(value)) {
			return 0;
		}
		double l = Math.log10(Math.abs(value)) / power / 3;
		int e = (int) (power > 0 ? Math.floor(l) : Math.ceil(l)) * 3;
		return Math.max(-24, Math.min(24, e));
	}
}
