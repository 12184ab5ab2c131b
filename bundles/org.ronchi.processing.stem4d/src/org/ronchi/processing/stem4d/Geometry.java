package org.ronchi.processing.stem4d;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.Axis;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.NavTransform;
import org.ronchi.processing.Setup;

/** Calibration of transformed frames and the checks operations share on frame geometry parameters. */
final class Geometry {
	private Geometry() {
	}

	/** @return the frame's (y, x) axes after cropping to [y0,y1)×[x0,x1), binning by (by, bx) and padding by (top, left) */
	static List<Axis> sigAxes(InputInfo in, int y0, int x0, int by, int bx, int padTop, int padLeft, int ny, int nx) {
		List<Axis> sig = in.sigAxes();
		int[] start = { y0, x0 };
		int[] bin = { by, bx };
		int[] pad = { padTop, padLeft };
		int[] size = { ny, nx };
		List<Axis> out = new ArrayList<>();
		for (int d = 0; d < 2; d++) {
			Axis a = sig.get(d);
			if (!a.isLinear()) {
				out.add(Axis.index(a.name(), size[d]));
				continue;
			}
			double scale = a.scale() * bin[d];
			double offset = a.coordinate(start[d]) + a.scale() * (bin[d] - 1) / 2.0 - pad[d] * scale;
			out.add(new Axis(a.name(), a.units(), size[d], scale, offset, null, false));
		}
		return out;
	}

	/** @return reciprocal (FFT frequency) axes of the frame, shifted so zero frequency is central if shift */
	static List<Axis> frequencyAxes(InputInfo in, boolean shift) {
		List<Axis> out = new ArrayList<>();
		int[] s = in.sigShape();
		for (int d = 0; d < 2; d++) {
			Axis a = in.sigAxes().get(d);
			double step = a.isLinear() && a.scale() != 0 ? a.scale() : 1;
			String units = a.isLinear() && !a.units().isEmpty() ? "1/" + a.units() : "1/px";
			double scale = 1.0 / (s[d] * step);
			double offset = shift ? -(s[d] / 2) * scale : 0;
			out.add(new Axis("k_" + a.name(), units, s[d], scale, offset, null, false));
		}
		return out;
	}

	/** @return the frame centre (geometric: (n-1)/2) or the center parameter, checked to lie on the frame */
	static double[] center(Setup s, String param) {
		int[] f = s.input().sigShape();
		double[] c = s.params().numbers(param);
		if (c == null) {
			return new double[] { (f[0] - 1) / 2.0, (f[1] - 1) / 2.0 };
		}
		for (int d = 0; d < 2; d++) {
			if (c[d] < 0 || c[d] > f[d] - 1) {
				throw s.badParameter(param, "must lie on the frame: y from 0 to " + (f[0] - 1) + " px and x from 0 to " + (f[1] - 1) + " px, got ("
						+ org.ronchi.processing.Parameter.format(c[0]) + ", " + org.ronchi.processing.Parameter.format(c[1]) + ")");
			}
		}
		return c;
	}

	/** @return a per-navigation-dimension integer list, checked for length and minimum */
	static int[] perNavDim(Setup s, String param, int def, int min) {
		int n = s.input().navRank();
		int[] v = s.params().integers(param);
		if (v == null) {
			int[] d = new int[n];
			java.util.Arrays.fill(d, def);
			return d;
		}
		if (v.length != n) {
			throw s.badParameter(param, "needs one value per navigation dimension (" + n + "), got " + v.length);
		}
		for (int x : v) {
			if (x < min) {
				throw s.badParameter(param, "values must be at least " + min + ", got " + x);
			}
		}
		return v;
	}

	/** @return the navigation transform with steps and bins given per dimension on top of the identity */
	static NavTransform identity(Setup s) {
		return NavTransform.identity(s.input().navShape());
	}
}
