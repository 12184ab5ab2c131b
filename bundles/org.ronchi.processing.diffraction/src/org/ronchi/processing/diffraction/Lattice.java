package org.ronchi.processing.diffraction;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reciprocal lattice vectors g1, g2 of one pattern, as py4DSTEM's lattice-vector functions: each peak
 * is indexed (h, k) as the lattice point {@code origin + h g1 + k g2} nearest to it (accepted within
 * {@code maxDistance} px), then {@code (qx, qy) = origin + h g1 + k g2} is fitted by least squares with
 * every row weighted by the peak intensity ({@code fit_lattice_vectors}: lstsq(W M, W alpha)), the
 * origin a free parameter. {@link #guessBasis} chooses g1, g2 automatically from a set of peaks.
 *
 * @param x0 fitted origin, px
 * @param y0 fitted origin, px
 * @param error intensity-weighted rms distance of the indexed peaks from the fitted lattice, px
 * @param peaks how many peaks were indexed and fitted
 */
public record Lattice(double x0, double y0, double g1x, double g1y, double g2x, double g2y, double error, int peaks) {

	/** The map value when a pattern has too few indexed peaks. */
	public static final Lattice NONE = new Lattice(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN, 0);

	/**
	 * Indexes and fits one pattern's peaks.
	 *
	 * @param guess origin and basis to index with (e.g. the reference lattice and the fitted origin)
	 * @param maxDistance largest distance of a peak from its lattice point, px
	 * @param minPeaks fewest indexed peaks for a fit (py4DSTEM's minNumPeaks, 5); fewer gives {@link #NONE}
	 */
	public static Lattice fit(BraggPeaks p, Lattice guess, double maxDistance, int minPeaks) {
		double det = guess.g1x * guess.g2y - guess.g1y * guess.g2x;
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < p.size(); i++) {
			double dx = p.qx()[i] - guess.x0;
			double dy = p.qy()[i] - guess.y0;
			double h = Math.rint((dx * guess.g2y - dy * guess.g2x) / det);
			double k = Math.rint((guess.g1x * dy - guess.g1y * dx) / det);
			double ex = dx - h * guess.g1x - k * guess.g2x;
			double ey = dy - h * guess.g1y - k * guess.g2y;
			if (ex * ex + ey * ey <= maxDistance * maxDistance && p.intensity()[i] > 0) {
				rows.add(new double[] { h, k, p.qx()[i], p.qy()[i], p.intensity()[i] });
			}
		}
		if (rows.size() < Math.max(3, minPeaks)) {
			return NONE;
		}
		int n = rows.size();
		double[][] m = new double[n][3];
		double[][] alpha = new double[n][2];
		for (int i = 0; i < n; i++) {
			double[] r = rows.get(i);
			double w = r[4];
			m[i] = new double[] { w, w * r[0], w * r[1] };
			alpha[i] = new double[] { w * (r[2] - guess.x0), w * (r[3] - guess.y0) };
		}
		RealMatrix beta;
		try {
			beta = new QRDecomposition(new Array2DRowRealMatrix(m, false)).getSolver().solve(new Array2DRowRealMatrix(alpha, false));
		} catch (RuntimeException e) { // singular: all peaks on one line
			return NONE;
		}
		double bx = beta.getEntry(0, 0);
		double by = beta.getEntry(0, 1);
		double g1x = beta.getEntry(1, 0);
		double g1y = beta.getEntry(1, 1);
		double g2x = beta.getEntry(2, 0);
		double g2y = beta.getEntry(2, 1);
		double err = 0;
		double wsum = 0;
		for (double[] r : rows) {
			double ex = r[2] - guess.x0 - bx - r[0] * g1x - r[1] * g2x;
			double ey = r[3] - guess.y0 - by - r[0] * g1y - r[1] * g2y;
			err += r[4] * (ex * ex + ey * ey);
			wsum += r[4];
		}
		return new Lattice(guess.x0 + bx, guess.y0 + by, g1x, g1y, g2x, g2y, Math.sqrt(err / wsum), n);
	}

	/**
	 * Chooses a basis from peaks (e.g. a reference pattern, or the maxima of a Bragg vector map): the
	 * peak nearest the origin is the origin, g1 the shortest vector from it to another peak of at least
	 * {@code minRelativeIntensity} × the brightest, g2 the shortest one at least {@code minAngleDeg} away
	 * from ±g1; g2 is then flipped if needed so that g1 × g2 &gt; 0.
	 */
	public static Lattice guessBasis(BraggPeaks p, double originX, double originY, double minRelativeIntensity, double minAngleDeg) {
		double[] o = OriginFit.fromPeaks(p, originX, originY, Double.POSITIVE_INFINITY);
		double max = 0;
		for (double v : p.intensity()) {
			max = Math.max(max, v);
		}
		double[] g1 = null;
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < p.size(); i++) {
			double dx = p.qx()[i] - o[0];
			double dy = p.qy()[i] - o[1];
			double d = Math.hypot(dx, dy);
			if (d > 1 && p.intensity()[i] >= minRelativeIntensity * max && d < best) {
				best = d;
				g1 = new double[] { dx, dy };
			}
		}
		if (g1 == null) {
			throw new DiffractionException("lattice basis", "no peak besides the origin");
		}
		double[] g2 = null;
		best = Double.POSITIVE_INFINITY;
		double sinMin = Math.sin(Math.toRadians(minAngleDeg));
		for (int i = 0; i < p.size(); i++) {
			double dx = p.qx()[i] - o[0];
			double dy = p.qy()[i] - o[1];
			double d = Math.hypot(dx, dy);
			double sin = Math.abs(g1[0] * dy - g1[1] * dx) / (d * Math.hypot(g1[0], g1[1]));
			if (d > 1 && p.intensity()[i] >= minRelativeIntensity * max && sin >= sinMin && d < best) {
				best = d;
				g2 = new double[] { dx, dy };
			}
		}
		if (g2 == null) {
			throw new DiffractionException("lattice basis", "all peaks lie on one line through the origin");
		}
		if (g1[0] * g2[1] - g1[1] * g2[0] < 0) {
			g2[0] = -g2[0];
			g2[1] = -g2[1];
		}
		return new Lattice(o[0], o[1], g1[0], g1[1], g2[0], g2[1], 0, 0);
	}
}
