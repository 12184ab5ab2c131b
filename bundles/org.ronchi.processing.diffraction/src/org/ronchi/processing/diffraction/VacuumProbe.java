package org.ronchi.processing.diffraction;

/**
 * The vacuum probe: the average of patterns over vacuum, each moved so that its bright disk is centred
 * on pixel (nx/2, ny/2), then masked as py4DSTEM's {@code get_vacuum_probe}: pixels
 * above {@code threshold × max}, a binary opening ({@code opening} iterations), one dilation, and a cos²
 * fall-off over {@code expansion} pixels outside the mask.
 * <p>
 * py4DSTEM aligns each pattern to the running average by the integer peak of their cross-correlation,
 * which depends on the order of the patterns; here each pattern is aligned on its own, so partitions can
 * be summed in any grouping and merged in order. Its disk centre is the centre of mass of the pixels
 * above 2 % of its maximum (a threshold near the top would make the centre depend on how the disk edge
 * falls on the pixel grid), found iteratively: a thresholded centre of mass is biased towards the pixel
 * grid unless the disk is centred on a pixel, so the pattern is moved by the estimate and measured again
 * until the moved disk's centre is the target pixel to 10⁻⁴ px (a vacuum region whose descan keeps every
 * disk at the same sub-pixel offset would otherwise shift the kernel by a few hundredths of a pixel). py4DSTEM moves patterns by whole pixels, which blurs the average by up to half a
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
				double sx = nx / 2 - c[0];
				double sy = ny / 2 - c[1];
				for (int it = 0; it < 5; it++) {
					moved = ImageFilters.fourierShift(dp, nx, ny, sx, sy);
					double[] m = diskCentre(moved, nx, ny);
					double dx = nx / 2 - m[0];
					double dy = ny / 2 - m[1];
					if (Double.isNaN(dx) || Math.abs(dx) < 1e-4 && Math.abs(dy) < 1e-4) {
						break;
					}
					sx += dx;
					sy += dy;
				}
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
