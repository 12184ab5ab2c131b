package org.ronchi.processing.diffraction;

import org.ronchi.processing.math.Fft2;

/**
 * Bragg disk detection by template matching, py4DSTEM's {@code find_Bragg_disks} for one pattern:
 * (1) optional Gaussian smoothing of the pattern ({@code sigma_dp}); (2) its correlation with the probe
 * kernel in Fourier space, {@code m = fft2(dp) · conj(fft2(kernel))}, raised to {@code |m|^corr_power ·
 * exp(i arg m)}; (3) maxima of {@code max(real(ifft2(m)), 0)} smoothed by {@code sigma_cc}, filtered
 * ({@link Maxima}); (4) sub-pixel refinement, 'poly' on the smoothed correlation, 'multicorr' by DFT
 * upsampling of the unsmoothed spectrum ({@link DftUpsampler}) keeping the 'poly' intensities.
 * <p>
 * An instance holds the kernel's transform (read-only, shared by threads); {@link #workspace()} makes
 * the per-thread scratch.
 */
public final class BraggDisks {
	private final int nx;
	private final int ny;
	private final BraggParams params;
	private final double[] templateRe;
	private final double[] templateIm;

	/**
	 * @param kernel the probe kernel (nx × ny, centred on pixel (0, 0), {@link ProbeKernel}); null to
	 *               find maxima of the pattern itself (py4DSTEM's {@code template=None})
	 */
	public BraggDisks(double[] kernel, int nx, int ny, BraggParams params) {
		this.nx = nx;
		this.ny = ny;
		this.params = params;
		if (kernel == null) {
			templateRe = templateIm = null;
		} else {
			if (kernel.length != nx * ny) {
				throw new DiffractionException("Bragg disks", "kernel has " + kernel.length + " pixels, patterns " + nx + " x " + ny);
			}
			templateRe = kernel.clone();
			templateIm = new double[kernel.length];
			new Fft2(nx, ny).transform(templateRe, templateIm, false);
			for (int i = 0; i < templateIm.length; i++) {
				templateIm[i] = -templateIm[i];
			}
		}
	}

	public BraggParams params() {
		return params;
	}

	/** Scratch of one thread. */
	public final class Workspace {
		private final Fft2 fft = new Fft2(nx, ny);
		private final double[] re = new double[nx * ny];
		private final double[] im = new double[nx * ny];
		private final double[] specRe = new double[nx * ny];
		private final double[] specIm = new double[nx * ny];
		private final DftUpsampler upsampler = params.subpixel() == BraggParams.Subpixel.MULTICORR
				? new DftUpsampler(nx, ny, params.upsampleFactor()) : null;
	}

	public Workspace workspace() {
		return new Workspace();
	}

	/** @return the peaks of one pattern (nx × ny, C order), brightest first */
	public BraggPeaks find(double[] dp, Workspace w) {
		int n = nx * ny;
		double[] cc;
		boolean multicorr = params.subpixel() == BraggParams.Subpixel.MULTICORR;
		if (templateRe == null) {
			cc = dp;
			if (multicorr) {
				System.arraycopy(dp, 0, w.specRe, 0, n);
				java.util.Arrays.fill(w.specIm, 0);
				w.fft.transform(w.specRe, w.specIm, false);
			}
		} else {
			double[] src = ImageFilters.gaussian(dp, nx, ny, params.sigmaDp());
			System.arraycopy(src, 0, w.re, 0, n);
			java.util.Arrays.fill(w.im, 0);
			w.fft.transform(w.re, w.im, false);
			double p = params.corrPower();
			for (int i = 0; i < n; i++) {
				double a = w.re[i];
				double b = w.im[i];
				double mr = a * templateRe[i] - b * templateIm[i];
				double mi = a * templateIm[i] + b * templateRe[i];
				if (p != 1) {
					double mag = Math.hypot(mr, mi);
					if (mag == 0) {
						mr = p == 0 ? 1 : 0; // |0|^0 exp(i angle(0)) = 1, as NumPy
						mi = 0;
					} else {
						double f = Math.pow(mag, p) / mag;
						mr *= f;
						mi *= f;
					}
				}
				w.re[i] = mr;
				w.im[i] = mi;
			}
			if (multicorr) {
				System.arraycopy(w.re, 0, w.specRe, 0, n);
				System.arraycopy(w.im, 0, w.specIm, 0, n);
			}
			w.fft.transform(w.re, w.im, true);
			cc = w.re;
			for (int i = 0; i < n; i++) {
				cc[i] = Math.max(cc[i], 0);
			}
		}
		double[] ar = ImageFilters.gaussian(cc, nx, ny, params.sigmaCc());
		BraggPeaks peaks = Maxima.find(ar, nx, ny, params);
		if (peaks.size() == 0 || params.subpixel() == BraggParams.Subpixel.NONE) {
			return peaks;
		}
		Maxima.refineParabolic(peaks, ar, nx, ny);
		if (!multicorr) {
			return peaks;
		}
		w.upsampler.refine(w.specRe, w.specIm, peaks);
		return Maxima.sortByIntensity(peaks);
	}
}
