package org.ronchi.processing.diffraction;

import java.util.Arrays;

/**
 * Sub-pixel peak positions by local DFT upsampling of a correlation, as py4DSTEM's
 * {@code upsampled_correlation} (the 'multicorr' method, after Guizar-Sicairos et al., Opt. Lett. 33,
 * 156 (2008); skimage's {@code _upsampled_dft}): around each peak, rounded to half a pixel, the inverse
 * DFT of the correlation spectrum is evaluated on a grid of {@code ceil(1.5 u)}² points spaced 1/u;
 * the grid's maximum is refined by a parabola through its neighbours (none on the grid's edge).
 * <p>
 * py4DSTEM evaluates the whole grid of each peak by two matrix products (~1.5u·N·M complex products per
 * peak). The values here are the same sums, evaluated only where the maximum is: from the grid point
 * nearest the peak's parabolic estimate, the 3 × 3 neighbourhood is evaluated and the walk moves to its
 * largest value until the centre is the largest: the correlation is one smooth peak over the grid's 1.5
 * pixels (peaks are at least {@code min_peak_spacing} apart), so this is the grid's maximum, at a few
 * rows of the first sum instead of all of them. A row of the first sum is N complex multiply-adds of
 * whole spectrum rows (vectorised); the exponentials are exact table look-ups, the fine positions being
 * integers in units of 1/u. One instance per thread (work arrays).
 */
public final class DftUpsampler {
	private final int nx;
	private final int ny;
	private final int u;
	private final int side;
	private final int half;
	/** exp(2πi j / (u nx)) and exp(2πi j / (u ny)), j = 0 .. u n - 1. */
	private final double[] tableXRe;
	private final double[] tableXIm;
	private final double[] tableYRe;
	private final double[] tableYIm;
	private final int[] freqX;
	private final int[] freqY;
	/** The first sum at the rows of the current peak, by grid row (null: not computed). */
	private final double[][] rowRe;
	private final double[][] rowIm;
	private final double[] grid;
	private final boolean[] known;

	public DftUpsampler(int nx, int ny, int upsampleFactor) {
		this.nx = nx;
		this.ny = ny;
		this.u = upsampleFactor;
		this.side = (int) Math.ceil(1.5 * u);
		this.half = side / 2; // np.fix(np.ceil(1.5 u) / 2)
		this.tableXRe = new double[u * nx];
		this.tableXIm = new double[u * nx];
		fill(tableXRe, tableXIm);
		this.tableYRe = new double[u * ny];
		this.tableYIm = new double[u * ny];
		fill(tableYRe, tableYIm);
		this.freqX = frequencies(nx);
		this.freqY = frequencies(ny);
		this.rowRe = new double[side][];
		this.rowIm = new double[side][];
		this.grid = new double[side * side];
		this.known = new boolean[side * side];
	}

	private static void fill(double[] re, double[] im) {
		for (int j = 0; j < re.length; j++) {
			double a = 2 * Math.PI * j / re.length;
			re[j] = Math.cos(a);
			im[j] = Math.sin(a);
		}
	}

	/** The signed frequencies of an FFT of length n, as np.fft.fftfreq(n) * n. */
	private static int[] frequencies(int n) {
		int[] f = new int[n];
		for (int k = 0; k < n; k++) {
			f[k] = k < (n + 1) / 2 ? k : k - n;
		}
		return f;
	}

	/**
	 * Replaces the positions of the peaks (in place) by their upsampled maxima.
	 *
	 * @param fRe real part of the correlation spectrum (nx × ny), as returned by the correlation step
	 * @param fIm imaginary part
	 */
	public void refine(double[] fRe, double[] fIm, BraggPeaks peaks) {
		for (int p = 0; p < peaks.size(); p++) {
			// half-pixel start, then the 1/u grid (np.round: half to even); grid row m is at fine x = fineX + m - half
			int fineX = (int) Math.rint(Math.rint(peaks.qx()[p] * 2) / 2 * u);
			int fineY = (int) Math.rint(Math.rint(peaks.qy()[p] * 2) / 2 * u);
			Arrays.fill(rowRe, null);
			Arrays.fill(rowIm, null);
			Arrays.fill(known, false);
			int bm = clamp((int) Math.rint(peaks.qx()[p] * u) - fineX + half);
			int bc = clamp((int) Math.rint(peaks.qy()[p] * u) - fineY + half);
			while (true) {
				int nm = bm;
				int nc = bc;
				double best = value(fRe, fIm, fineX, fineY, bm, bc);
				for (int m = Math.max(0, bm - 1); m <= Math.min(side - 1, bm + 1); m++) {
					for (int c = Math.max(0, bc - 1); c <= Math.min(side - 1, bc + 1); c++) {
						double v = value(fRe, fIm, fineX, fineY, m, c);
						if (v > best || v == best && m * side + c < nm * side + nc) { // ties: the first in C order, as argmax
							best = v;
							nm = m;
							nc = c;
						}
					}
				}
				if (nm == bm && nc == bc) {
					break;
				}
				bm = nm;
				bc = nc;
			}
			double dx = 0;
			double dy = 0;
			if (bm > 0 && bm < side - 1 && bc > 0 && bc < side - 1) {
				int best = bm * side + bc;
				double c0 = grid[best];
				double xm = grid[best - side];
				double xp = grid[best + side];
				double ym = grid[best - 1];
				double yp = grid[best + 1];
				dx = (xp - xm) / (4 * c0 - 2 * xp - 2 * xm);
				dy = (yp - ym) / (4 * c0 - 2 * yp - 2 * ym);
			}
			peaks.qx()[p] = (fineX + bm - half + dx) / u;
			peaks.qy()[p] = (fineY + bc - half + dy) / u;
		}
	}

	private int clamp(int i) {
		return Math.max(0, Math.min(side - 1, i));
	}

	/** @return the upsampled correlation at grid point (m, c) of the current peak, computed once */
	private double value(double[] fRe, double[] fIm, int fineX, int fineY, int m, int c) {
		int i = m * side + c;
		if (known[i]) {
			return grid[i];
		}
		if (rowRe[m] == null) {
			row(fRe, fIm, fineX + m - half, m);
		}
		double[] aRe = rowRe[m];
		double[] aIm = rowIm[m];
		int fy = fineY + c - half;
		int period = u * ny;
		double v = 0;
		for (int l = 0; l < ny; l++) {
			int j = Math.floorMod(freqY[l] * fy, period);
			v += aRe[l] * tableYRe[j] - aIm[l] * tableYIm[j];
		}
		grid[i] = v;
		known[i] = true;
		return v;
	}

	/** The first sum at fine row fx: a[l] = Σ_k F(k, l) exp(2πi k fx / (u nx)), k signed. */
	private void row(double[] fRe, double[] fIm, int fx, int m) {
		double[] aRe = new double[ny];
		double[] aIm = new double[ny];
		int period = u * nx;
		for (int k = 0; k < nx; k++) {
			int j = Math.floorMod(freqX[k] * fx, period);
			double er = tableXRe[j];
			double ei = tableXIm[j];
			int base = k * ny;
			for (int l = 0; l < ny; l++) {
				double re = fRe[base + l];
				double im = fIm[base + l];
				aRe[l] += er * re - ei * im;
				aIm[l] += er * im + ei * re;
			}
		}
		rowRe[m] = aRe;
		rowIm[m] = aIm;
	}
}
