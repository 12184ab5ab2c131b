package org.ronchi.processing.diffraction;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Elliptical distortion of diffraction space: an ellipse {@code (x0, y0, a, b, theta)} in py4DSTEM's
 * convention ({@code p_ellipse}: centre, semi-axes a ≥ b, theta the angle of the a axis from +x towards
 * +y, radians) fitted to points on a ring, and the points of a ring in a pattern (an amorphous halo, or
 * a ring of a Bragg vector map): along {@code rays} directions from a centre, the radius between ri and
 * ro where the bilinearly interpolated intensity is largest, refined by a parabola.
 * <p>
 * The fit is the weighted algebraic least squares of the conic {@code A x² + B xy + C y² + D x + E y = 1}
 * in coordinates centred and scaled on the points (py4DSTEM fits the ring's intensity in elliptical
 * polar coordinates with SciPy's curve_fit instead; for a clean ring both give its centre line).
 */
public record Ellipse(double x0, double y0, double a, double b, double theta) {

	/** @return the ellipse through the points (x, y) with weights w (null: equal) */
	public static Ellipse fit(double[] x, double[] y, double[] w) {
		int n = x.length;
		if (n < 5) {
			throw new DiffractionException("ellipse fit", "needs at least 5 points on the ring, got " + n);
		}
		double mx = 0;
		double my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double s = 0;
		for (int i = 0; i < n; i++) {
			s += Math.hypot(x[i] - mx, y[i] - my);
		}
		s = s / n;
		double[][] m = new double[n][5];
		double[] rhs = new double[n];
		for (int i = 0; i < n; i++) {
			double u = (x[i] - mx) / s;
			double v = (y[i] - my) / s;
			double wi = w == null ? 1 : w[i];
			m[i] = new double[] { wi * u * u, wi * u * v, wi * v * v, wi * u, wi * v };
			rhs[i] = wi;
		}
		RealVector c = new QRDecomposition(new Array2DRowRealMatrix(m, false)).getSolver().solve(new ArrayRealVector(rhs, false));
		double A = c.getEntry(0);
		double B = c.getEntry(1);
		double C = c.getEntry(2);
		double D = c.getEntry(3);
		double E = c.getEntry(4);
		double det = 4 * A * C - B * B;
		if (!(det > 0)) {
			throw new DiffractionException("ellipse fit", "the points do not lie on an ellipse");
		}
		double u0 = (B * E - 2 * C * D) / det;
		double v0 = (B * D - 2 * A * E) / det;
		double f = 1 + A * u0 * u0 + B * u0 * v0 + C * v0 * v0; // right-hand side after moving to the centre
		// eigen-decomposition of [[A, B/2], [B/2, C]]
		double tr = A + C;
		double disc = Math.sqrt((A - C) * (A - C) + B * B);
		double l1 = (tr - disc) / 2; // smaller eigenvalue -> longer axis
		double l2 = (tr + disc) / 2;
		double a = Math.sqrt(f / l1) * s;
		double b = Math.sqrt(f / l2) * s;
		double theta = 0.5 * Math.atan2(B, A - C) + Math.PI / 2; // direction of the smaller eigenvalue
		theta = wrap(theta);
		return new Ellipse(mx + u0 * s, my + v0 * s, a, b, theta);
	}

	private static double wrap(double t) {
		while (t > Math.PI / 2) {
			t -= Math.PI;
		}
		while (t <= -Math.PI / 2) {
			t += Math.PI;
		}
		return t;
	}

	/**
	 * Points of the brightest ring between radii ri and ro around (cx, cy): one per ray where the maximum
	 * lies strictly inside the range, weighted by the intensity there.
	 *
	 * @return {x[], y[], w[]}
	 */
	public static double[][] ringPoints(double[] img, int nx, int ny, double cx, double cy, double ri, double ro, int rays) {
		double step = 0.25;
		int steps = (int) Math.floor((ro - ri) / step) + 1;
		double[] xs = new double[rays];
		double[] ys = new double[rays];
		double[] ws = new double[rays];
		int n = 0;
		double[] prof = new double[steps];
		for (int k = 0; k < rays; k++) {
			double phi = 2 * Math.PI * k / rays;
			double c = Math.cos(phi);
			double sn = Math.sin(phi);
			int best = -1;
			for (int j = 0; j < steps; j++) {
				double r = ri + j * step;
				prof[j] = Maxima.bilinear(img, nx, ny, cx + r * c, cy + r * sn);
				if (!Double.isNaN(prof[j]) && (best < 0 || prof[j] > prof[best])) {
					best = j;
				}
			}
			if (best <= 0 || best >= steps - 1 || Double.isNaN(prof[best - 1]) || Double.isNaN(prof[best + 1])) {
				continue;
			}
			double den = 4 * prof[best] - 2 * prof[best + 1] - 2 * prof[best - 1];
			double d = den == 0 ? 0 : (prof[best + 1] - prof[best - 1]) / den;
			double r = ri + (best + d) * step;
			xs[n] = cx + r * c;
			ys[n] = cy + r * sn;
			ws[n++] = prof[best];
		}
		return new double[][] { java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), java.util.Arrays.copyOf(ws, n) };
	}

	/**
	 * Maps a point of the distorted pattern to circular coordinates about the centre: the a axis is
	 * scaled to b, so rings of the fitted ellipse become circles of radius b (py4DSTEM's elliptical
	 * correction of Bragg vectors).
	 *
	 * @return {dx, dy} relative to the centre
	 */
	public double[] correct(double x, double y) {
		double dx = x - x0;
		double dy = y - y0;
		double c = Math.cos(theta);
		double s = Math.sin(theta);
		double along = (dx * c + dy * s) * b / a;
		double across = -dx * s + dy * c;
		return new double[] { along * c - across * s, along * s + across * c };
	}
}
