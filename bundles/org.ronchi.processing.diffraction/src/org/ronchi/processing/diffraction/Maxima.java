package org.ronchi.processing.diffraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maxima of a 2-D array as py4DSTEM's {@code get_maxima_2D} and {@code filter_2D_maxima}: pixels
 * not below their 8 neighbours (strictly above those before them: {@code >=} towards +x/+y, {@code >}
 * towards -x/-y, as its rolled comparisons), none within {@code edge} (at least 1) pixels of the
 * border, sorted by intensity, brightest first (ties: larger x, then larger y first, as NumPy's sort
 * of the structured array reversed), then filtered, then optionally refined by a parabola through
 * the maximum and its neighbours along x and along y.
 */
public final class Maxima {
	private Maxima() {
	}

	/** @return local maxima of ar (nx × ny) as peaks at integer positions, filtered as the parameters say */
	public static BraggPeaks find(double[] ar, int nx, int ny, BraggParams p) {
		int edge = Math.max(1, p.edgeBoundary());
		List<int[]> found = new ArrayList<>();
		for (int x = edge; x < nx - edge; x++) {
			for (int y = edge; y < ny - edge; y++) {
				int i = x * ny + y;
				double v = ar[i];
				if (v >= ar[i + ny] && v > ar[i - ny] && v >= ar[i + 1] && v > ar[i - 1] && v >= ar[i + ny + 1] && v > ar[i + ny - 1]
						&& v >= ar[i - ny + 1] && v > ar[i - ny - 1]) {
					found.add(new int[] { x, y });
				}
			}
		}
		Integer[] order = new Integer[found.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> {
			int[] pa = found.get(a);
			int[] pb = found.get(b);
			int c = Double.compare(ar[pb[0] * ny + pb[1]], ar[pa[0] * ny + pa[1]]);
			if (c != 0) {
				return c;
			}
			c = Integer.compare(pb[0], pa[0]);
			return c != 0 ? c : Integer.compare(pb[1], pa[1]);
		});
		double[] qx = new double[order.length];
		double[] qy = new double[order.length];
		double[] in = new double[order.length];
		for (int i = 0; i < order.length; i++) {
			int[] q = found.get(order[i]);
			qx[i] = q[0];
			qy[i] = q[1];
			in[i] = ar[q[0] * ny + q[1]];
		}
		return filter(new BraggPeaks(qx, qy, in), p);
	}

	/** py4DSTEM's {@code filter_2D_maxima} on peaks sorted brightest first. */
	public static BraggPeaks filter(BraggPeaks peaks, BraggParams p) {
		int n = peaks.size();
		boolean[] keep = new boolean[n];
		Arrays.fill(keep, true);
		double[] in = peaks.intensity();
		if (p.minAbsoluteIntensity() > 0) {
			for (int i = 0; i < n; i++) {
				keep[i] &= !(in[i] < p.minAbsoluteIntensity());
			}
		}
		peaks = select(peaks, keep);
		n = peaks.size();
		keep = new boolean[n];
		Arrays.fill(keep, true);
		in = peaks.intensity();
		if (p.minRelativeIntensity() > 0 && n > p.relativeToPeak()) {
			double ref = in[p.relativeToPeak()];
			for (int i = 0; i < n; i++) {
				keep[i] = !(in[i] / ref < p.minRelativeIntensity());
			}
		}
		peaks = select(peaks, keep);
		n = peaks.size();
		if (p.minPeakSpacing() > 0) {
			boolean[] delete = new boolean[n];
			double s2 = p.minPeakSpacing() * p.minPeakSpacing();
			double[] x = peaks.qx();
			double[] y = peaks.qy();
			for (int i = 0; i < n; i++) {
				if (!delete[i]) {
					for (int j = i + 1; j < n; j++) {
						double dx = x[j] - x[i];
						double dy = y[j] - y[i];
						if (dx * dx + dy * dy < s2) {
							delete[j] = true;
						}
					}
				}
			}
			keep = new boolean[n];
			for (int i = 0; i < n; i++) {
				keep[i] = !delete[i];
			}
			peaks = select(peaks, keep);
		}
		return peaks.size() > p.maxPeaks() ? peaks.first(p.maxPeaks()) : peaks;
	}

	private static BraggPeaks select(BraggPeaks p, boolean[] keep) {
		int n = 0;
		for (boolean k : keep) {
			n += k ? 1 : 0;
		}
		if (n == keep.length) {
			return p;
		}
		double[] x = new double[n];
		double[] y = new double[n];
		double[] v = new double[n];
		int j = 0;
		for (int i = 0; i < keep.length; i++) {
			if (keep[i]) {
				x[j] = p.qx()[i];
				y[j] = p.qy()[i];
				v[j++] = p.intensity()[i];
			}
		}
		return new BraggPeaks(x, y, v);
	}

	/**
	 * The 'poly' refinement in place: {@code dx = (I[x+1] - I[x-1]) / (4 I[x] - 2 I[x+1] - 2 I[x-1])}, the same
	 * along y, and the intensity bilinearly interpolated at the refined position.
	 */
	public static void refineParabolic(BraggPeaks peaks, double[] ar, int nx, int ny) {
		for (int i = 0; i < peaks.size(); i++) {
			int x = (int) peaks.qx()[i];
			int y = (int) peaks.qy()[i];
			double c = ar[x * ny + y];
			double xm = ar[(x - 1) * ny + y];
			double xp = ar[(x + 1) * ny + y];
			double ym = ar[x * ny + y - 1];
			double yp = ar[x * ny + y + 1];
			double fx = x + (xp - xm) / (4 * c - 2 * xp - 2 * xm);
			double fy = y + (yp - ym) / (4 * c - 2 * yp - 2 * ym);
			peaks.qx()[i] = fx;
			peaks.qy()[i] = fy;
			peaks.intensity()[i] = bilinear(ar, nx, ny, fx, fy);
		}
	}

	/** py4DSTEM's {@code linear_interpolation_2D} (floor/ceil neighbours). */
	static double bilinear(double[] ar, int nx, int ny, double x, double y) {
		int x0 = (int) Math.floor(x);
		int x1 = (int) Math.ceil(x);
		int y0 = (int) Math.floor(y);
		int y1 = (int) Math.ceil(y);
		if (x0 < 0 || y0 < 0 || x1 >= nx || y1 >= ny) {
			return Double.NaN;
		}
		double dx = x - x0;
		double dy = y - y0;
		return (1 - dx) * (1 - dy) * ar[x0 * ny + y0] + (1 - dx) * dy * ar[x0 * ny + y1] + dx * (1 - dy) * ar[x1 * ny + y0]
				+ dx * dy * ar[x1 * ny + y1];
	}

	/** Sorts peaks brightest first (stable). */
	static BraggPeaks sortByIntensity(BraggPeaks p) {
		Integer[] order = new Integer[p.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(p.intensity()[b], p.intensity()[a]));
		double[] x = new double[order.length];
		double[] y = new double[order.length];
		double[] v = new double[order.length];
		for (int i = 0; i < order.length; i++) {
			x[i] = p.qx()[order[i]];
			y[i] = p.qy()[order[i]];
			v[i] = p.intensity()[order[i]];
		}
		return new BraggPeaks(x, y, v);
	}
}
