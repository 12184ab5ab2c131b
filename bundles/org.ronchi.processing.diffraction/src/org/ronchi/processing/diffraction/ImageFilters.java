package org.ronchi.processing.diffraction;

import org.ronchi.processing.math.Fft2;

/**
 * Filters and shifts of 2-D images (C order, {@code nx} rows × {@code ny} columns, x = row as in
 * py4DSTEM): SciPy's {@code ndimage.gaussian_filter} and py4DSTEM's {@code get_shifted_ar}.
 */
public final class ImageFilters {
	private ImageFilters() {
	}

	/**
	 * {@code scipy.ndimage.gaussian_filter(a, sigma)}: separable correlation with a normalised Gaussian
	 * of radius {@code int(4 sigma + 0.5)}, mode 'reflect' (the edge sample repeated: d c b a | a b c d).
	 *
	 * @return a new array; {@code a} itself when sigma ≤ 0
	 */
	public static double[] gaussian(double[] a, int nx, int ny, double sigma) {
		if (sigma <= 0) {
			return a;
		}
		int radius = (int) (4.0 * sigma + 0.5);
		double[] w = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) {
			w[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
			sum += w[i + radius];
		}
		for (int i = 0; i < w.length; i++) {
			w[i] /= sum;
		}
		// each pass adds the taps one after the other over whole rows: loops the JIT vectorises, the same
		// sums in the same order as one output at a time
		int taps = w.length;
		double[] tmp = new double[a.length];
		double[] line = new double[ny + 2 * radius];
		for (int x = 0; x < nx; x++) { // along y, within each row
			int base = x * ny;
			for (int j = -radius; j < ny + radius; j++) {
				line[j + radius] = a[base + reflect(j, ny)];
			}
			for (int k = 0; k < taps; k++) {
				double wk = w[k];
				for (int y = 0; y < ny; y++) {
					tmp[base + y] += wk * line[y + k];
				}
			}
		}
		double[] out = new double[a.length];
		for (int x = 0; x < nx; x++) { // along x: whole rows
			int base = x * ny;
			for (int k = 0; k < taps; k++) {
				double wk = w[k];
				int src = reflect(x + k - radius, nx) * ny;
				for (int y = 0; y < ny; y++) {
					out[base + y] += wk * tmp[src + y];
				}
			}
		}
		return out;
	}

	/** SciPy's 'reflect' boundary: index i of a line of n samples, mirrored about the edges (period 2n). */
	static int reflect(int i, int n) {
		if (n == 1) {
			return 0;
		}
		int p = Math.floorMod(i, 2 * n);
		return p < n ? p : 2 * n - 1 - p;
	}

	/**
	 * py4DSTEM's {@code get_shifted_ar(ar, xshift, yshift)} (periodic, Fourier): the image moved by
	 * (xshift, yshift) pixels with sinc interpolation, {@code real(ifft2(fft2(ar) * exp(-2πi(qx xshift +
	 * qy yshift))))} where q are {@code fftfreq}s.
	 */
	public static double[] fourierShift(double[] a, int nx, int ny, double xshift, double yshift) {
		double[] re = a.clone();
		double[] im = new double[a.length];
		Fft2 fft = new Fft2(nx, ny);
		fft.transform(re, im, false);
		for (int x = 0; x < nx; x++) {
			double qx = Fft2.frequency(x, nx, 1);
			for (int y = 0; y < ny; y++) {
				double qy = Fft2.frequency(y, ny, 1);
				double ph = -2 * Math.PI * (qx * xshift + qy * yshift);
				double c = Math.cos(ph);
				double s = Math.sin(ph);
				int i = x * ny + y;
				double r = re[i] * c - im[i] * s;
				im[i] = re[i] * s + im[i] * c;
				re[i] = r;
			}
		}
		fft.transform(re, im, true);
		return re;
	}
}
