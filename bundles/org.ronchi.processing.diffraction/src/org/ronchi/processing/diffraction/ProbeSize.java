package org.ronchi.processing.diffraction;

/**
 * Radius and centre of the central disk by a threshold sweep, as py4DSTEM's {@code get_probe_size}:
 * N masks {@code dp > max(dp) * t} for t in {@code linspace(lower, upper, N)}, a radius
 * {@code sqrt(area / π)} from each, the trustworthy radii where {@code dr/dt} (NumPy's
 * {@code gradient}) lies between {@code 2 median(dr/dt)} and 0, their mean as the radius, and the
 * centre of mass of {@code dp} masked at the mean of their thresholds as the centre.
 *
 * @param radius central disk radius, px
 * @param x0 centre along the first detector axis (rows), px
 * @param y0 centre along the second detector axis (columns), px
 */
public record ProbeSize(double radius, double x0, double y0) {

	/** py4DSTEM's defaults: thresholds 0.01 to 0.99, 100 of them. */
	public static ProbeSize measure(double[] dp, int nx, int ny) {
		return measure(dp, nx, ny, 0.01, 0.99, 100);
	}

	public static ProbeSize measure(double[] dp, int nx, int ny, double lower, double upper, int n) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : dp) {
			max = Math.max(max, v);
		}
		double[] thresh = new double[n];
		double[] r = new double[n];
		for (int i = 0; i < n; i++) {
			thresh[i] = n == 1 ? lower : lower + (upper - lower) * i / (n - 1);
			double t = max * thresh[i];
			int count = 0;
			for (double v : dp) {
				if (v > t) {
					count++;
				}
			}
			r[i] = Math.sqrt(count / Math.PI);
		}
		double[] dr = gradient(r);
		double med = median(dr);
		double sumR = 0;
		double sumT = 0;
		int kept = 0;
		for (int i = 0; i < n; i++) {
			if (dr[i] <= 0 && dr[i] >= 2 * med) {
				sumR += r[i];
				sumT += thresh[i];
				kept++;
			}
		}
		if (kept == 0) {
			throw new DiffractionException("probe size", "no stable threshold range: the pattern has no bright central disk");
		}
		double t = max * (sumT / kept);
		double s = 0;
		double sx = 0;
		double sy = 0;
		for (int x = 0; x < nx; x++) {
			for (int y = 0; y < ny; y++) {
				double v = dp[x * ny + y];
				if (v > t) {
					s += v;
					sx += v * x;
					sy += v * y;
				}
			}
		}
		return new ProbeSize(sumR / kept, sx / s, sy / s);
	}

	/** {@code np.gradient}: central differences inside, one-sided at the ends. */
	static double[] gradient(double[] f) {
		int n = f.length;
		double[] g = new double[n];
		if (n < 2) {
			return g;
		}
		g[0] = f[1] - f[0];
		g[n - 1] = f[n - 1] - f[n - 2];
		for (int i = 1; i < n - 1; i++) {
			g[i] = (f[i + 1] - f[i - 1]) / 2;
		}
		return g;
	}

	static double median(double[] a) {
		double[] s = a.clone();
		java.util.Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}
}
