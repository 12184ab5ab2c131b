package org.ronchi.processing.diffraction;

/**
 * The vacuum probe: the average of patterns over vacuum, each moved so that its bright disk is centred
 * on pixel (nx/2, ny/2), then masked as py4DSTEM's {@code get_vacuum_probe}: pixels
 * above {@code threshold × max}, a binary opening ({@code opening} iterations), one dilation, and a cos²
 * fall-off over {@code expansion} pixels outside the mask.
 * <p>
 * py4DSTEM aligns each pattern to the running average by the integer peak of their cross-correlation,
 * which depends on the order of the patterns; here each pattern is aligned on its own (disk centre =
 * centre of mass of the pixels above 2 % of its maximum: a threshold near the top would make the
 * centre depend on how the disk edge falls on the pixel grid), so partitions can be summed in any grouping and
 * merged in order. py4DSTEM moves patterns by whole pixels, which blurs the average by up to half a
 * pixel in a direction that depends on the patterns' sub-pixel offsets and so moves the kernel's centre
 * off the disk's: here each pattern is moved by its exact offset (Fourier shift, as py4DSTEM's
 * {@code get_shifted_ar}).
 */
public final class VacuumProbe {
	private VacuumProbe() {
	}

	/**
	 * Adds one pattern into {@code sum}, moved so that its disk centre is at (nx/2, ny/2) when
	 * {@code align}, as it is otherwise.
	 */
	public static void accumulate(double[] dp, int nx, int ny, boolean align, double[] sum) {
		double[] moved = dp;
		if (align) {
			double[] c = diskCentre(dp, nx, ny);
			if (!Double.isNaN(c[0])) {
				moved = ImageFilters.fourierShift(dp, nx, ny, nx / 2 - c[0], ny / 2 - c[1]);
			}
		}
		for (int i = 0; i < sum.length; i++) {
			sum[i] += moved[i];
		}
	}

	/** @return the centre of mass (x, y) of the pixels above 2 % of the maximum; NaNs for a flat pattern */
	public static double[] diskCentre(double[] dp, int nx, int ny) {
		double max = Double.NEGATIVE_INFINITY;
		double min = Double.POSITIVE_INFINITY;
		for (double v : dp) {
			max = Math.max(max, v);
			min = Math.min(min, v);
		}
		if (!(max > min)) {
			return new double[] { Double.NaN, Double.NaN };
		}
		double t = 0.02 * max;
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
		return new double[] { sx / s, sy / s };
	}

	/**
	 * py4DSTEM's final masking of the averaged probe (in place): mask = opening(probe > max × threshold,
	 * opening), dilated once; the probe is multiplied by cos²(π/2 · min(d / expansion, 1)) where d is
	 * each pixel's distance to the mask.
	 */
	public static void mask(double[] probe, int nx, int ny, double threshold, int expansion, int opening) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : probe) {
			max = Math.max(max, v);
		}
		boolean[] m = new boolean[probe.length];
		for (int i = 0; i < m.length; i++) {
			m[i] = probe[i] > max * threshold;
		}
		m = Morphology.dilate(Morphology.open(m, nx, ny, opening), nx, ny, 1);
		double[] d = Morphology.distanceToMask(m, nx, ny);
		for (int i = 0; i < probe.length; i++) {
			double c = Math.cos(Math.PI / 2 * Math.min(d[i] / expansion, 1));
			probe[i] *= c * c;
		}
	}
}
