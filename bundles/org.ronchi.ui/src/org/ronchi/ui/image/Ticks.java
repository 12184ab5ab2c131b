package org.ronchi.ui.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick positions at 1, 2 or 5 times a power of ten, and short number formatting, for axes and colour bars. */
public final class Ticks {
	private Ticks() {
	}

	/** @return tick values in [lo, hi] (either order), about {@code target} of them, at a "nice" step */
	public static double[] nice(double lo, double hi, int target) {
		double a = Math.min(lo, hi);
		double b = Math.max(lo, hi);
		if (!Double.isFinite(a) || !Double.isFinite(b)) {
			return new double[0];
		}
		if (b - a == 0) {
			return new double[] { a };
		}
		double step = step(b - a, target);
		List<Double> out = new ArrayList<>();
		for (double v = Math.ceil(a / step) * step; v <= b + step * 1e-9 && out.size() < 1000; v += step) {
			out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
		}
		return out.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * @return tick positions for a log10 colour bar spanning exponents lo..hi: whole decades when the
	 *         range spans more than one, else 1-2-5 values within it (as exponents)
	 */
	public static double[] logTicks(double lo, double hi, int target) {
		if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
			return new double[0];
		}
		if (hi - lo >= 1.5) {
			double step = Math.max(1, Math.ceil(step(hi - lo, target)));
			java.util.List<Double> out = new ArrayList<>();
			for (double e = Math.ceil(lo / step) * step; e <= hi + 1e-9; e += step) {
				out.add(e);
			}
			return out.stream().mapToDouble(Double::doubleValue).toArray();
		}
		double[] values = nice(Math.pow(10, lo), Math.pow(10, hi), target);
		java.util.List<Double> out = new ArrayList<>();
		for (double v : values) {
			if (v > 0) {
				out.add(Math.log10(v));
			}
		}
		return out.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** @return a step of 1, 2 or 5 x 10^k giving about target intervals over range */
	public static double step(double range, int target) {
		double raw = range / Math.max(1, target);
		double mag = Math.pow(10, Math.floor(Math.log10(raw)));
		double r = raw / mag;
		double nice = r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10;
		return nice * mag;
	}

	/**
	 * @return what the values of an array are, for axis titles and colour bars: "Intensity (counts)",
	 *         or just one of them, without repeating units a quantity already names (DM: "Electrons (Counts)")
	 */
	public static String valueLabel(String quantity, String units) {
		if (units.isEmpty() || quantity.contains("(" + units + ")")) {
			return quantity;
		}
		return quantity.isEmpty() ? units : quantity + " (" + units + ")";
	}

	/**
	 * @return the calibrated coordinate of index i as text with its units ("" units: the number alone);
	 *         rounding noise below a millionth of a step is shown as 0
	 */
	public static String coordinate(org.ronchi.core.model.Axis a, long i) {
		double v = a.coordinate(i);
		if (a.isLinear() && Math.abs(v) < Math.abs(a.scale()) * 1e-6) {
			v = 0;
		}
		return a.units().isEmpty() ? format(v) : format(v) + " " + a.units();
	}

	/** @return whether an axis carries a calibration worth showing (not plain indices) */
	public static boolean calibrated(org.ronchi.core.model.Axis a) {
		return !(a.isLinear() && a.scale() == 1 && a.offset() == 0 && a.units().isEmpty());
	}

	/** @return a java.text.Format printing as {@link #format(double)}, for SWTChart axes */
	public static java.text.Format textFormat() {
		return new java.text.Format() {
			private static final long serialVersionUID = 1L;

			@Override
			public StringBuffer format(Object obj, StringBuffer toAppendTo, java.text.FieldPosition pos) {
				return toAppendTo.append(obj instanceof Number n ? Ticks.format(n.doubleValue()) : String.valueOf(obj));
			}

			@Override
			public Object parseObject(String source, java.text.ParsePosition pos) {
				return null;
			}
		};
	}

	/** @return v in at most 5 significant digits, without trailing zeros; scientific notation when very large or small */
	public static String format(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return Double.toString(v);
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e7) {
			return Long.toString((long) v);
		}
		double a = Math.abs(v);
		if (a != 0 && (a >= 1e6 || a < 1e-4)) {
			return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
		}
		String s = String.format(Locale.ROOT, "%.5g", v);
		if (s.contains(".") && !s.contains("e")) {
			s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
		}
		return s;
	}
}
