package org.ronchi.processing.stem4d;

import org.ronchi.processing.math.Fft2;

/**
 * Integration of a gradient field by Fourier transform (iDPC): with {@code g = grad(phi)} sampled on a
 * ny×nx grid of spacing (dy, dx), {@code phi_hat = -i (ky gy_hat + kx gx_hat) / (2 pi (kx^2 + ky^2))}
 * with k from {@code np.fft.fftfreq(n, d)}, and the zero frequency (the unknown constant) set to 0.
 */
final class Integration {
	private Integration() {
	}

	static double[] fourier(double[] gy, double[] gx, int ny, int nx, double dy, double dx) {
		int n = ny * nx;
		double[] yr = gy.clone();
		double[] yi = new double[n];
		double[] xr = gx.clone();
		double[] xi = new double[n];
		Fft2 fft = new Fft2(ny, nx);
		fft.transform(yr, yi, false);
		fft.transform(xr, xi, false);
		double[] pr = new double[n];
		double[] pi = new double[n];
		for (int y = 0; y < ny; y++) {
			double ky = Fft2.frequency(y, ny, dy);
			for (int x = 0; x < nx; x++) {
				double kx = Fft2.frequency(x, nx, dx);
				double k2 = kx * kx + ky * ky;
				int i = y * nx + x;
				if (k2 == 0) {
					continue;
				}
				double sr = ky * yr[i] + kx * xr[i];
				double si = ky * yi[i] + kx * xi[i];
				double s = 1 / (2 * Math.PI * k2);
				// multiply (sr + i si) by -i: (si - i sr)
				pr[i] = si * s;
				pi[i] = -sr * s;
			}
		}
		fft.transform(pr, pi, true);
		return pr;
	}
}
