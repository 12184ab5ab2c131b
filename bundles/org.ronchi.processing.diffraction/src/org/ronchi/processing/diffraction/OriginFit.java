package org.ronchi.processing.diffraction;

/**
 * The origin of diffraction space (the unscattered beam) per scan position, and its fit by a plane
 * over the scan as py4DSTEM's {@code fit_origin(fitfunction='plane', robust=True)}:
 * {@code q0(rx, ry) = mx·rx + my·ry + b} by least squares over the positions in the mask with a
 * measurement; with {@code robustSteps > 0}, after each fit the positions whose squared residual
 * exceeds {@code robustThresh} × the mean squared residual of the current fit are dropped and the plane
 * refitted.
 */
public final class OriginFit {
	private OriginFit() {
	}

	/** A fitted plane {@code q0 = mx·rx + my·ry + b} and how many positions it kept. */
	public record Plane(double mx, double my, double b, int used) {
		public double at(int rx, int ry) {
			return mx * rx + my * ry + b;
		}
	}

	/**
	 * The measured origin of one pattern: the peak nearest to the guess (py4DSTEM's
	 * 'distance' choice), if within maxDistance px.
	 *
	 * @return {x, y}, or NaNs if no peak is that close
	 */
	public static double[] fromPeaks(BraggPeaks peaks, double guessX, double guessY, double maxDistance) {
		int best = -1;
		double bestD = maxDistance * maxDistance;
		for (int i = 0; i < peaks.size(); i++) {
			double dx = peaks.qx()[i] - guessX;
			double dy = peaks.qy()[i] - guessY;
			double d = dx * dx + dy * dy;
			if (d <= bestD) {
				bestD = d;
				best = i;
			}
		}
		return best < 0 ? new double[] { Double.NaN, Double.NaN } : new double[] { peaks.qx()[best], peaks.qy()[best] };
	}

	/**
	 * Fits a plane to a map of values over an nrx × nry scan (C order, rx the first axis); NaN values and
	 * positions outside mask (null: all) are ignored.
	 */
	public static Plane fitPlane(double[] values, int nrx, int nry, boolean[] mask, int robustSteps, double robustThresh) {
		boolean[] use = new boolean[values.length];
		for (int i = 0; i < values.length; i++) {
			use[i] = !Double.isNaN(values[i]) && (mask == null || mask[i]);
		}
		Plane p = leastSquares(values, nrx, nry, use);
		for (int step = 0; step < robustSteps; step++) {
			double mean = 0;
			int n = 0;
			for (int i = 0; i < values.length; i++) {
				if (use[i]) {
					double r = values[i] - p.at(i / nry, i % nry);
					mean += r * r;
					n++;
				}
			}
			mean /= n;
			for (int i = 0; i < values.length; i++) {
				if (use[i]) {
					double r = values[i] - p.at(i / nry, i % nry);
					use[i] = r * r <= robustThresh * mean;
				}
			}
			p = leastSquares(values, nrx, nry, use);
		}
		return p;
	}

	private static Plane leastSquares(double[] v, int nrx, int nry, boolean[] use) {
		// normal equations of [rx ry 1] · (mx my b) = v, in centred coordinates for conditioning
		double sx = 0;
		double sy = 0;
		double sv = 0;
		int n = 0;
		for (int i = 0; i < v.length; i++) {
			if (use[i]) {
				sx += i / nry;
				sy += i % nry;
				sv += v[i];
				n++;
			}
		}
		if (n < 3) {
			throw new DiffractionException("origin fit", "a plane needs at least 3 measured positions, " + n + " left");
		}
		double cx = sx / n;
		double cy = sy / n;
		double cv = sv / n;
		double xx = 0;
		double xy = 0;
		double yy = 0;
		double xv = 0;
		double yv = 0;
		for (int i = 0; i < v.length; i++) {
			if (use[i]) {
				double x = i / nry - cx;
				double y = i % nry - cy;
				double w = v[i] - cv;
				xx += x * x;
				xy += x * y;
				yy += y * y;
				xv += x * w;
				yv += y * w;
			}
		}
		double det = xx * yy - xy * xy;
		double mx = 0;
		double my = 0;
		if (Math.abs(det) > 1e-12 * Math.max(1, xx * yy)) {
			mx = (xv * yy - yv * xy) / det;
			my = (yv * xx - xv * xy) / det;
		} else if (xx > 0) {
			mx = xv / xx;
		} else if (yy > 0) {
			my = yv / yy;
		}
		return new Plane(mx, my, cv - mx * cx - my * cy, n);
	}
}
