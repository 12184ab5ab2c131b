package org.ronchi.processing.diffraction;

import java.util.Arrays;

import org.ronchi.processing.math.Fft;
import org.ronchi.processing.math.Fft2;

/**
 * Sub-pixel peak positions by local DFT upsampling of a correlation, as py4DSTEM's
 * {@code upsampled_correlation} (the 'multicorr' method, after Guizar-Sicairos et al., Opt. Lett. 33,
 * 156 (2008); skimage's {@code _upsampled_dft}): around each peak, rounded to half a pixel, the inverse
 * DFT of the correlation spectrum is evaluated on a grid of {@code ceil(1.5 u)}² points spaced 1/u,
 * the grid's maximum refined by a parabola through its neighbours.
 * <p>
 * py4DSTEM evaluates each peak's grid by two matrix products (cost ~ 1.5u·N·M per peak). The values
 * here are the same sums, computed for all peaks of a pattern at once: along the first axis, every
 * fine row x = q + s/u is the length-N inverse FFT of the spectrum times {@code exp(2πi f s/(uN))}
 * (one FFT per sub-pixel phase s and column, shared by all peaks); along the second axis a direct sum
 * per grid point. One instance per thread (work arrays).
 */
public final class DftUpsampler {
	private final int nx;
	private final int ny;
	private final int u;
	private final int side;
	private final int half;
	private final Fft fft;
	private final double[][] phaseRe;
	private final double[][] phaseIm;
	private final double[] colRe;
	private final double[] colIm;

	public DftUpsampler(int nx, int ny, int upsampleFactor) {
		this.nx = nx;
		this.ny = ny;
		this.u = upsampleFactor;
		this.side = (int) Math.ceil(1.5 * u);
		this.half = side / 2; // np.fix(np.ceil(1.5 u) / 2)
		this.fft = new Fft(nx);
		this.phaseRe = new double[u][nx];
		this.phaseIm = new double[u][nx];
		for (int s = 0; s < u; s++) {
			for (int k = 0; k < nx; k++) {
				double a = 2 * Math.PI * signedFrequency(k, nx) * s / ((double) u * nx);
				phaseRe[s][k] = Math.cos(a);
				phaseIm[s][k] = Math.sin(a);
			}
		}
		this.colRe = new double[nx];
		this.colIm = new double[nx];
	}

	private static int signedFrequency(int k, int n) {
		return (int) Math.round(Fft2.frequency(k, n, 1) * n);
	}

	/**
	 * Replaces the positions of the peaks (in place) by their upsampled maxima.
	 *
	 * @param fRe real part of the correlation spectrum (nx × ny), as returned by the correlation step
	 * @param fIm imaginary part
	 */
	public void refine(double[] fRe, double[] fIm, BraggPeaks peaks) {
		int n = peaks.size();
		if (n == 0) {
			return;
		}
		int rows = n * side;
		int[] fineX = new int[n];
		int[] fineY = new int[n];
		for (int p = 0; p < n; p++) {
			// half-pixel start, then the 1/u grid (np.round: half to even)
			double xs = Math.rint(Math.rint(peaks.qx()[p] * 2) / 2 * u);
			double ys = Math.rint(Math.rint(peaks.qy()[p] * 2) / 2 * u);
			fineX[p] = (int) xs;
			fineY[p] = (int) ys;
		}
		// rows of the first stage grouped by sub-pixel phase: row r = p*side + m at fine x = fineX[p] + m - half
		double[] aRe = new double[rows * ny];
		double[] aIm = new double[rows * ny];
		int[][] byPhase = new int[u][];
		int[] counts = new int[u];
		for (int r = 0; r < rows; r++) {
			counts[Math.floorMod(fineX[r / side] + r % side - half, u)]++;
		}
		for (int s = 0; s < u; s++) {
			byPhase[s] = new int[counts[s]];
		}
		Arrays.fill(counts, 0);
		for (int r = 0; r < rows; r++) {
			int s = Math.floorMod(fineX[r / side] + r % side - half, u);
			byPhase[s][counts[s]++] = r;
		}
		for (int s = 0; s < u; s++) {
			if (byPhase[s].length == 0) {
				continue;
			}
			double[] pr = phaseRe[s];
			double[] pi = phaseIm[s];
			for (int l = 0; l < ny; l++) {
				for (int k = 0; k < nx; k++) {
					double re = fRe[k * ny + l];
					double im = fIm[k * ny + l];
					colRe[k] = re * pr[k] - im * pi[k];
					colIm[k] = re * pi[k] + im * pr[k];
				}
				fft.transform(colRe, colIm, true);
				for (int r : byPhase[s]) {
					int q = Math.floorMod(Math.floorDiv(fineX[r / side] + r % side - half, u), nx);
					aRe[r * ny + l] = colRe[q];
					aIm[r * ny + l] = colIm[q];
				}
			}
		}
		double[] eRe = new double[ny];
		double[] eIm = new double[ny];
		double[] grid = new double[side * side];
		for (int p = 0; p < n; p++) {
			for (int c = 0; c < side; c++) {
				double y = (fineY[p] + c - half) / (double) u;
				exponentials(y, eRe, eIm);
				for (int m = 0; m < side; m++) {
					int base = (p * side + m) * ny;
					double v = 0;
					for (int l = 0; l < ny; l++) {
						v += aRe[base + l] * eRe[l] - aIm[base + l] * eIm[l];
					}
					grid[m * side + c] = v;
				}
			}
			int best = 0;
			for (int i = 1; i < grid.length; i++) {
				if (grid[i] > grid[best]) {
					best = i;
				}
			}
			int bm = best / side;
			int bc = best % side;
			double dx = 0;
			double dy = 0;
			if (bm > 0 && bm < side - 1 && bc > 0 && bc < side - 1) {
				double c0 = grid[best];
				double xm = grid[best - side];
				double xp = grid[best + side];
				double ym = grid[best - 1];
				double yp = grid[best + 1];
				dx = (xp - xm) / (4 * c0 - 2 * xp - 2 * xm);
				dy = (yp - ym) / (4 * c0 - 2 * yp - 2 * ym);
			}
			peaks.qx()[p] = (fineX[p] + bm - half + dx) / u;
			peaks.qy()[p] = (fineY[p] + bc - half + dy) / u;
		}
	}

	/** e[l] = exp(2πi f_l y / ny) for the signed frequencies f_l, by recurrence from two trig calls. */
	private void exponentials(double y, double[] eRe, double[] eIm) {
		double a = 2 * Math.PI * y / ny;
		double wr = Math.cos(a);
		double wi = Math.sin(a);
		int pos = (ny + 1) / 2; // indices 0..pos-1 have f = l, the rest f = l - ny
		double re = 1;
		double im = 0;
		for (int l = 0; l < pos; l++) {
			eRe[l] = re;
			eIm[l] = im;
			double t = re * wr - im * wi;
			im = re * wi + im * wr;
			re = t;
		}
		re = wr;
		im = -wi; // w^-1
		for (int l = ny - 1; l >= pos; l--) {
			eRe[l] = re;
			eIm[l] = im;
			double t = re * wr + im * wi; // times conj(w)
			im = im * wr - re * wi;
			re = t;
		}
	}
}
