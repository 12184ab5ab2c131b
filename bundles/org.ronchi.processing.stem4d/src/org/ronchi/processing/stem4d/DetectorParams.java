package org.ronchi.processing.stem4d;

import java.util.List;

import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/** The detector parameters virtual-image operations share, and their checks against the frame. */
final class DetectorParams {
	static final String CENTER = "center";
	static final String ORIGIN = "origin";
	static final String ORIGIN_THRESHOLD = "origin_threshold";

	private DetectorParams() {
	}

	static Parameter center() {
		return Parameter.numbers(CENTER, "px", null, "detector centre (y, x) on the frame; default the frame centre ((n-1)/2)").length(2).optional();
	}

	static Parameter origin() {
		return Parameter.choice(ORIGIN, "fixed", "fixed: detectors at center; center-of-mass: centred on each pattern's centre of mass",
				"fixed", "center-of-mass");
	}

	static Parameter originThreshold() {
		return Parameter.number(ORIGIN_THRESHOLD, "", 0.0, "with origin center-of-mass: ignore pixels below this fraction of the pattern's maximum")
				.range(0, 1);
	}

	static List<Parameter> common() {
		return List.of(center(), origin(), originThreshold());
	}

	static boolean perPattern(Setup s) {
		return "center-of-mass".equals(s.params().string(ORIGIN));
	}

	/** @return a radius parameter's value, or def if absent, checked positive and at most the frame diagonal */
	static double radius(Setup s, String name, double def) {
		int[] f = s.input().sigShape();
		double max = Math.hypot(f[0], f[1]);
		if (!s.params().has(name)) {
			return def;
		}
		double r = s.params().number(name);
		if (r < 0 || r > max) {
			throw s.badParameter(name, "must be between 0 and " + String.format(java.util.Locale.ROOT, "%.1f", max) + " px (the frame diagonal), got " + Parameter.format(r));
		}
		return r;
	}

	/** @return the detector the parameters of a virtual-image run describe */
	static Detector detector(Setup s) {
		int[] f = s.input().sigShape();
		String kind = s.params().string("detector");
		return switch (kind) {
		case "point" -> new Detector("point", 0, 0, null, null);
		case "circle" -> new Detector("circle", radius(s, "radius", Math.min(f[0], f[1]) / 8.0), 0, null, null);
		case "annulus" -> {
			double ri = radius(s, "inner_radius", Math.min(f[0], f[1]) / 4.0);
			double ro = radius(s, "outer_radius", Math.min(f[0], f[1]) / 2.0);
			if (ro < ri) {
				throw s.badParameter("outer_radius", "must be at least inner_radius (" + Parameter.format(ri) + " px), got " + Parameter.format(ro));
			}
			yield new Detector("annulus", ri, ro, null, null);
		}
		case "rectangle" -> {
			int[] r = s.params().integers("rectangle");
			if (r == null) {
				throw s.badParameter("rectangle", "is required for a rectangle detector: y0, y1, x0, x1 (rows y0..y1-1, columns x0..x1-1)");
			}
			if (r[0] < 0 || r[1] > f[0] || r[0] >= r[1] || r[2] < 0 || r[3] > f[1] || r[2] >= r[3]) {
				throw s.badParameter("rectangle", "must satisfy 0 <= y0 < y1 <= " + f[0] + " and 0 <= x0 < x1 <= " + f[1] + ", got "
						+ java.util.Arrays.toString(r));
			}
			yield new Detector("rectangle", 0, 0, r, null);
		}
		case "mask" -> {
			DoubleDataset m = s.params().array("mask");
			if (m == null) {
				throw s.badParameter("mask", "is required for a mask detector: an array of the frame's shape " + f[0] + "x" + f[1]);
			}
			if (m.getRank() != 2 || m.getShapeRef()[0] != f[0] || m.getShapeRef()[1] != f[1]) {
				throw s.badParameter("mask", "must have the frame's shape (" + f[0] + ", " + f[1] + "), got " + java.util.Arrays.toString(m.getShapeRef()));
			}
			double[] d = m.getData();
			float[] w = new float[d.length];
			for (int i = 0; i < d.length; i++) {
				w[i] = (float) d[i];
			}
			yield new Detector("mask", 0, 0, null, w);
		}
		default -> throw new IllegalArgumentException("unsupported detector: " + kind);
		};
	}
}
