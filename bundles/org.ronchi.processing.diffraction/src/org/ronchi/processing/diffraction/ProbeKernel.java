package org.ronchi.processing.diffraction;

import java.util.Locale;

/**
 * The cross-correlation template made from a vacuum probe, as py4DSTEM's {@code get_probe_kernel*}:
 * the probe moved so that its centre sits on pixel (0, 0) (Fourier shift, periodic), normalised to sum
 * 1 ({@link #FLAT}); the edge-filtering kernels then subtract a normalised centrosymmetric function so
 * the kernel sums to 0: a Gaussian of standard deviation {@code sigma} × the probe's own radial
 * standard deviation ({@link #GAUSSIAN}), or an annular trench falling from 1 at {@code ri} to 0 at
 * {@code ro} as cos² ({@link #SIGMOID}, py4DSTEM's 'sine_squared') or as a logistic function
 * ({@link #SIGMOID_LOG}). Coordinates are the wrapped pixel offsets from (0, 0).
 */
public enum ProbeKernel {
	FLAT, GAUSSIAN, SIGMOID, SIGMOID_LOG;

	/** @return the kernel named as in py4DSTEM's {@code get_kernel(mode=...)} */
	public static ProbeKernel named(String mode) {
		return valueOf(mode.toUpperCase(Locale.ROOT));
	}

	/**
	 * @param probe the vacuum probe, nx × ny
	 * @param x0 probe centre along rows (e.g. {@link ProbeSize#x0()})
	 * @param y0 probe centre along columns
	 * @param a GAUSSIAN: sigma; SIGMOID*: inner radius ri (px)
	 * @param b SIGMOID*: outer radius ro (px); unused otherwise
	 * @return the kernel, centred on pixel (0, 0)
	 */
	public double[] make(double[] probe, int nx, int ny, double x0, double y0, double a, double b) {
		double[] k = ImageFilters.fourierShift(probe, nx, ny, -x0, -y0);
		double sum = 0;
		for (double v : k) {
			sum += v;
		}
		if (this == FLAT) {
			for (int i = 0; i < k.length; i++) {
				k[i] /= sum;
			}
			return k;
		}
		double[] sub = new double[k.length];
		double qstd2 = 0;
		if (this == GAUSSIAN) {
			for (int x = 0; x < nx; x++) {
				for (int y = 0; y < ny; y++) {
					qstd2 += r2(x, y, nx, ny) * k[x * ny + y];
				}
			}
			qstd2 /= sum;
		}
		double subSum = 0;
		for (int x = 0; x < nx; x++) {
			for (int y = 0; y < ny; y++) {
				double r2 = r2(x, y, nx, ny);
				double v;
				if (this == GAUSSIAN) {
					v = Math.exp(-r2 / (2 * qstd2 * a * a));
				} else if (this == SIGMOID) {
					double t = Math.min(Math.max((Math.sqrt(r2) - a) / (b - a), 0.0), 1.0);
					double c = Math.cos(Math.PI / 2 * t);
					v = c * c;
				} else {
					double r0 = 0.5 * (a + b);
					double w = 0.25 * (b - a);
					v = 1 / (1 + Math.exp((Math.sqrt(r2) - r0) / w));
				}
				sub[x * ny + y] = v;
				subSum += v;
			}
		}
		for (int i = 0; i < k.length; i++) {
			k[i] = k[i] / sum - sub[i] / subSum;
		}
		return k;
	}

	/** Squared distance of pixel (x, y) from (0, 0) with wrap-around: {@code mod(i + n//2, n) - n//2}. */
	private static double r2(int x, int y, int nx, int ny) {
		int qx = Math.floorMod(x + nx / 2, nx) - nx / 2;
		int qy = Math.floorMod(y + ny / 2, ny) - ny / 2;
		return (double) qx * qx + (double) qy * qy;
	}
}
