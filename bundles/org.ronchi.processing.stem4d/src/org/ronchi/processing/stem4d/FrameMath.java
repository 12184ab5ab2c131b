package org.ronchi.processing.stem4d;

/** Pure per-frame maths shared by the kernels: centre of mass, 3×3 medians, binning. */
final class FrameMath {
	private FrameMath() {
	}

	/**
	 * Centre of mass of a ny×nx frame, in pixels, over pixels at or above threshold × max (all pixels
	 * if threshold is 0) and, if radius &gt; 0, within radius of (my, mx).
	 *
	 * @return {cy, cx, total}; NaN coordinates for a frame without intensity
	 */
	static double[] centerOfMass(float[] f, int ny, int nx, double threshold, double my, double mx, double radius) {
		double floor = Double.NEGATIVE_INFINITY;
		if (threshold > 0) {
			float max = Float.NEGATIVE_INFINITY;
			for (int i = 0; i < ny * nx; i++) {
				max = Math.max(max, f[i]);
			}
			floor = threshold * max;
		}
		double r2 = radius * radius;
		double sy = 0;
		double sx = 0;
		double s = 0;
		for (int y = 0; y < ny; y++) {
			double rowSum = 0;
			double rowX = 0;
			for (int x = 0; x < nx; x++) {
				float v = f[y * nx + x];
				if (v < floor || radius > 0 && (y - my) * (y - my) + (x - mx) * (x - mx) > r2) {
					continue;
				}
				rowSum += v;
				rowX += (double) v * x;
			}
			s += rowSum;
			sy += rowSum * y;
			sx += rowX;
		}
		return s == 0 ? new double[] { Double.NaN, Double.NaN, 0 } : new double[] { sy / s, sx / s, s };
	}

	/** @return the median of the up to 8 neighbours of (y, x) (NumPy's median: mean of the middle two) */
	static double neighbourMedian(float[] f, int ny, int nx, int y, int x, double[] work) {
		int n = 0;
		for (int dy = -1; dy <= 1; dy++) {
			int yy = y + dy;
			if (yy < 0 || yy >= ny) {
				continue;
			}
			for (int dx = -1; dx <= 1; dx++) {
				int xx = x + dx;
				if ((dy == 0 && dx == 0) || xx < 0 || xx >= nx) {
					continue;
				}
				work[n++] = f[yy * nx + xx];
			}
		}
		java.util.Arrays.sort(work, 0, n);
		return (n & 1) == 1 ? work[n / 2] : (work[n / 2 - 1] + work[n / 2]) / 2;
	}

	/** Adds a frame binned by (by, bx) (remainder rows and columns dropped) times scale into out at offset. */
	static void binInto(float[] f, int ny, int nx, int by, int bx, float[] out, int offset, float scale) {
		int oy = ny / by;
		int ox = nx / bx;
		for (int y = 0; y < oy * by; y++) {
			int row = offset + (y / by) * ox;
			int in = y * nx;
			for (int x = 0; x < ox * bx; x++) {
				out[row + x / bx] += f[in + x] * scale;
			}
		}
	}
}
