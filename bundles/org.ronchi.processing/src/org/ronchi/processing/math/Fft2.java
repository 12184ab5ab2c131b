package org.ronchi.processing.math;

/**
 * The 2-D FFT of a rows×cols array in C order ({@code np.fft.fft2}), rows then columns, with
 * {@code fftshift}. One plan per thread (it owns work arrays).
 */
public final class Fft2 {
	private final int rows;
	private final int cols;
	private final Fft rowFft;
	private final Fft colFft;
	private final double[] re;
	private final double[] im;
	private final double[] colRe;
	private final double[] colIm;

	public Fft2(int rows, int cols) {
		this.rows = rows;
		this.cols = cols;
		this.rowFft = new Fft(cols);
		this.colFft = rows == cols ? rowFft : new Fft(rows);
		this.re = new double[cols];
		this.im = new double[cols];
		this.colRe = new double[rows];
		this.colIm = new double[rows];
	}

	/** Transforms re/im (rows*cols, C order) in place; inverse scales by 1/(rows*cols). */
	public void transform(double[] dataRe, double[] dataIm, boolean inverse) {
		for (int r = 0; r < rows; r++) {
			System.arraycopy(dataRe, r * cols, re, 0, cols);
			System.arraycopy(dataIm, r * cols, im, 0, cols);
			rowFft.transform(re, im, inverse);
			System.arraycopy(re, 0, dataRe, r * cols, cols);
			System.arraycopy(im, 0, dataIm, r * cols, cols);
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
