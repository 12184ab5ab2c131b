package org.ronchi.processing.math;

/**
 * The 2-D FFT of a rows×cols array in C order ({@code np.fft.fft2}), rows then columns, with
 * {@code fftshift}. One plan per thread (it owns work arrays).
 * <p>
 * Each row is transformed in place; the columns, when their length is a power of two, by radix-2
 * butterflies between whole rows (the same operations per column as a column-by-column transform, so the
 * same values, but every inner loop runs along a contiguous row, which the JIT vectorises, instead of
 * gathering a column with a stride of a whole row per element). Other lengths gather columns.
 */
public final class Fft2 {
	private final int rows;
	private final int cols;
	private final Fft rowFft;
	private final Fft colFft;
	private final double[] tmp;
	private final double[] colRe;
	private final double[] colIm;

	public Fft2(int rows, int cols) {
		this.rows = rows;
		this.cols = cols;
		this.rowFft = new Fft(cols);
		this.colFft = rows == cols ? rowFft : new Fft(rows);
		this.tmp = new double[cols];
		this.colRe = new double[rows];
		this.colIm = new double[rows];
	}

	/** Transforms re/im (rows*cols, C order) in place; inverse scales by 1/(rows*cols). */
	public void transform(double[] dataRe, double[] dataIm, boolean inverse) {
		for (int r = 0; r < rows; r++) {
			rowFft.transform(dataRe, dataIm, r * cols, inverse);
		}
		if (colFft.isPowerOfTwo()) {
			columns(dataRe, dataIm, inverse);
			return;
		}
		for (int c = 0; c < cols; c++) {
			for (int r = 0; r < rows; r++) {
				colRe[r] = dataRe[r * cols + c];
				colIm[r] = dataIm[r * cols + c];
			}
			colFft.transform(colRe, colIm, inverse);
			for (int r = 0; r < rows; r++) {
				dataRe[r * cols + c] = colRe[r];
				dataIm[r * cols + c] = colIm[r];
			}
		}
	}

	/** Radix-2 along the first axis, whole rows at a time. */
	private void columns(double[] re, double[] im, boolean inverse) {
		int n = rows;
		for (int i = 0; i < n; i++) {
			int j = colFft.reversed(i);
			if (j > i) {
				swap(re, i, j);
				swap(im, i, j);
			}
		}
		double sign = inverse ? 1 : -1;
		for (int size = 2; size <= n; size <<= 1) {
			int half = size >> 1;
			int step = n / size;
			for (int start = 0; start < n; start += size) {
				for (int k = 0; k < half; k++) {
					double wr = colFft.cos(k * step);
					double wi = sign * colFft.sin(k * step);
					int a = (start + k) * cols;
					int b = (start + k + half) * cols;
					for (int c = 0; c < cols; c++) {
						double br = re[b + c];
						double bi = im[b + c];
						double xr = br * wr - bi * wi;
						double xi = br * wi + bi * wr;
						re[b + c] = re[a + c] - xr;
						im[b + c] = im[a + c] - xi;
						re[a + c] += xr;
						im[a + c] += xi;
					}
				}
			}
		}
		if (inverse) {
			double s = 1.0 / n;
			for (int i = 0; i < re.length; i++) {
				re[i] *= s;
				im[i] *= s;
			}
		}
	}

	private void swap(double[] a, int i, int j) {
		System.arraycopy(a, i * cols, tmp, 0, cols);
		System.arraycopy(a, j * cols, a, i * cols, cols);
		System.arraycopy(tmp, 0, a, j * cols, cols);
	}

	/** @return index i of a shifted axis of length n maps from index (i + n/2... ) as np.fft.fftshift */
	public static int shiftedSource(int i, int n) {
		return (i + (n + 1) / 2) % n;
	}

	/** @return np.fft.fftfreq(n, d)[i] */
	public static double frequency(int i, int n, double d) {
		int k = i < (n + 1) / 2 ? i : i - n;
		return k / (n * d);
	}
}
