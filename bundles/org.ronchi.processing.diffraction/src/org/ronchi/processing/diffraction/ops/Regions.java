package org.ronchi.processing.diffraction.ops;

import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.Frame;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/**
 * Regions of the scan as the 4D-STEM operations take them: {@code r} (start, stop per scan dimension,
 * read as a crop of the navigation, so only that window is read) and {@code nav_mask} (positions where
 * an array of the scan's shape is non-zero), and helpers on frames' positions.
 */
final class Regions {
	private Regions() {
	}

	static Parameter r(String what) {
		return Parameter.integers("r", "positions", null, "start, stop per scan dimension (e.g. rx0, rx1, ry0, ry1): " + what + "; default all")
				.optional();
	}

	static Parameter navMask(String what) {
		return Parameter.array("nav_mask", what + ": non-zero entries of an array of the scan's shape; default all").optional();
	}

	/** Applies {@code r} as a crop of the navigation (checked against the scan). */
	static void crop(Setup s) {
		int[] r = s.params().integers("r");
		if (r == null) {
			return;
		}
		long[] nav = s.input().navShape();
		if (r.length != 2 * nav.length) {
			throw s.badParameter("r", "needs a start and a stop per scan dimension (" + 2 * nav.length + " values), got " + r.length);
		}
		long[] start = new long[nav.length];
		long[] count = new long[nav.length];
		for (int d = 0; d < nav.length; d++) {
			if (r[2 * d] < 0 || r[2 * d] >= r[2 * d + 1] || r[2 * d + 1] > nav[d]) {
				throw s.badParameter("r", "dimension " + d + " must satisfy 0 <= start < stop <= " + nav[d] + ", got " + r[2 * d] + ", " + r[2 * d + 1]);
			}
			start[d] = r[2 * d];
			count[d] = r[2 * d + 1] - r[2 * d];
		}
		s.navigation(s.navigation().crop(start, count));
	}

	/** @return a navigation mask parameter as one flag per position (C order), or null (all positions) */
	static boolean[] mask(Setup s, String name) {
		DoubleDataset d = s.params().array(name);
		if (d == null) {
			return null;
		}
		long[] nav = s.input().navShape();
		if (d.getSize() != Shapes.size(nav)) {
			throw s.badParameter(name, "has shape " + java.util.Arrays.toString(d.getShapeRef()) + ", the scan is " + Shapes.format(nav));
		}
		double[] v = d.getData();
		boolean[] m = new boolean[v.length];
		for (int i = 0; i < v.length; i++) {
			m[i] = v[i] != 0;
		}
		return m;
	}

	/** @return the flat (C order) index of a frame's input position */
	static int flat(Frame f, long[] navShape) {
		long[] p = f.position();
		long i = 0;
		for (int d = 0; d < p.length; d++) {
			i = i * navShape[d] + p[d];
		}
		return (int) i;
	}
}
