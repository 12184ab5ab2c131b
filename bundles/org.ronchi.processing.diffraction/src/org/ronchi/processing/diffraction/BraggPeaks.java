package org.ronchi.processing.diffraction;

import java.util.Arrays;

/**
 * The Bragg peaks found in one pattern (py4DSTEM's QPoints): positions in detector pixels, x along the
 * first detector axis (rows) and y along the second, and the correlation intensity, brightest first.
 */
public record BraggPeaks(double[] qx, double[] qy, double[] intensity) {

	public static final BraggPeaks NONE = new BraggPeaks(new double[0], new double[0], new double[0]);

	public BraggPeaks {
		if (qx.length != qy.length || qx.length != intensity.length) {
			throw new IllegalArgumentException("peak fields of different lengths");
		}
	}

	public int size() {
		return qx.length;
	}

	/** @return the first n peaks */
	public BraggPeaks first(int n) {
		return new BraggPeaks(Arrays.copyOf(qx, n), Arrays.copyOf(qy, n), Arrays.copyOf(intensity, n));
	}

	/**
	 * Writes the peaks as rows (qx, qy, intensity) into a block of {@code maxPeaks × 3} floats at
	 * {@code offset}, NaN after the last peak: the fixed-size form of a point list.
	 */
	public void writePadded(float[] dst, int offset, int maxPeaks) {
		int n = Math.min(size(), maxPeaks);
		for (int i = 0; i < maxPeaks; i++) {
			boolean has = i < n;
			dst[offset + 3 * i] = has ? (float) qx[i] : Float.NaN;
			dst[offset + 3 * i + 1] = has ? (float) qy[i] : Float.NaN;
			dst[offset + 3 * i + 2] = has ? (float) intensity[i] : Float.NaN;
		}
	}

	/** @return the peaks of a padded block written by {@link #writePadded} (rows up to the first NaN) */
	public static BraggPeaks readPadded(double[] src, int offset, int maxPeaks) {
		int n = 0;
		while (n < maxPeaks && !Double.isNaN(src[offset + 3 * n])) {
			n++;
		}
		double[] x = new double[n];
		double[] y = new double[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = src[offset + 3 * i];
			y[i] = src[offset + 3 * i + 1];
			v[i] = src[offset + 3 * i + 2];
		}
		return new BraggPeaks(x, y, v);
	}
}
