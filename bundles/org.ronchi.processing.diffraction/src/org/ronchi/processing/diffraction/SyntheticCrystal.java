package org.ronchi.processing.diffraction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.DType;

/**
 * A synthetic 4D-STEM scan of a strained crystal with a known probe, strain field and descan, for truth
 * checks ({@code ronchi demo strain}) and tests. Every pattern is the sum of copies of one probe disk
 * (radius {@code probeRadius}, logistic edge of full width {@code edgeWidth} as py4DSTEM's
 * {@code generate_synthetic_probe}) at the lattice points {@code origin + h g1 + k g2}, drawn
 * analytically at their exact sub-pixel positions, with Poisson noise at {@code dose} counts per pixel
 * of the unscattered disk (0: no noise). Deterministic for a seed.
 * <p>
 * The strain field is defined in py4DSTEM's convention ({@link Strain}): at scan position (rx, ry) the
 * measured basis is {@code g = beta g_ref} with {@code beta = [[1 - exx, -exy + theta], [-exy - theta,
 * 1 - eyy]]}, so {@link Strain#of} of the exact lattices returns the field exactly. The field is zero in
 * the reference region (the first {@code referenceColumns} scan columns, ry below it) and smooth
 * elsewhere, up to about 1 %. The origin moves across the scan as a plane (descan), 0.03 px per step.
 * The first {@code vacuumRows} scan rows are vacuum (the probe alone, at the same descan), where the
 * vacuum probe is measured; the crystal's rows follow.
 */
public final class SyntheticCrystal {
	private final int nrx;
	private final int nry;
	private final int nq;
	private final double probeRadius;
	private final double edgeWidth;
	private final double dose;
	private final long seed;
	private final Lattice reference;
	private final int referenceColumns;
	private final int vacuumRows;

	/**
	 * @param nrx scan rows, the vacuum rows included
	 * @param vacuumRows the first scan rows, over vacuum
	 */
	public SyntheticCrystal(int nrx, int nry, int nq, double probeRadius, double edgeWidth, double dose, long seed, int vacuumRows) {
		if (vacuumRows < 0 || vacuumRows >= nrx) {
			throw new IllegalArgumentException("vacuum rows " + vacuumRows + " of " + nrx);
		}
		this.vacuumRows = vacuumRows;
		this.nrx = nrx;
		this.nry = nry;
		this.nq = nq;
		this.probeRadius = probeRadius;
		this.edgeWidth = edgeWidth;
		this.dose = dose;
		this.seed = seed;
		double g = nq / 6.0;
		this.reference = new Lattice(nq / 2.0, nq / 2.0, g, 0.12 * g, -0.1 * g, 1.05 * g, 0, 0);
		this.referenceColumns = Math.max(2, nry / 4);
	}

	/**
	 * The demo's scan: 4 rows of vacuum, then 16 × 16 positions of crystal; 128 × 128 pixels, probe radius
	 * 5 px, 2e4 counts per pixel, seed 42.
	 */
	public static SyntheticCrystal demo() {
		return new SyntheticCrystal(20, 16, 128, 5, 1.5, 2e4, 42, 4);
	}

	/** @return scan rows over vacuum (the first ones) */
	public int vacuumRows() {
		return vacuumRows;
	}

	/** @return whether a scan position is over the crystal */
	public boolean crystal(int rx) {
		return rx >= vacuumRows;
	}

	public int scanRows() {
		return nrx;
	}

	public int scanColumns() {
		return nry;
	}

	public int detectorSize() {
		return nq;
	}

	public double probeRadius() {
		return probeRadius;
	}

	/** @return the unstrained basis (origin at the detector centre) */
	public Lattice reference() {
		return reference;
	}

	/** @return the scan columns of the reference region (on the crystal rows): 0 .. this - 1 */
	public int referenceColumns() {
		return referenceColumns;
	}

	/** @return the true strain at a crystal position */
	public Strain strain(int rx, int ry) {
		if (ry < referenceColumns) {
			return new Strain(0, 0, 0, 0);
		}
		double u = (ry - referenceColumns + 1.0) / (nry - referenceColumns);
		double v = (rx - vacuumRows + 0.5) / (nrx - vacuumRows);
		return new Strain(0.01 * u * Math.sin(Math.PI * v), -0.006 * u * Math.cos(Math.PI * v), 0.004 * u * u,
				0.003 * Math.sin(2 * Math.PI * v) * u);
	}

	/** @return the true origin (x, y) of the pattern at a scan position */
	public double[] origin(int rx, int ry) {
		return new double[] { reference.x0() + 0.03 * (rx - nrx / 2.0), reference.y0() - 0.02 * (ry - nry / 2.0) };
	}

	/** @return the true lattice at a scan position */
	public Lattice lattice(int rx, int ry) {
		Strain e = strain(rx, ry);
		double b00 = 1 - e.exx();
		double b01 = -e.exy() + e.theta();
		double b10 = -e.exy() - e.theta();
		double b11 = 1 - e.eyy();
		double[] o = origin(rx, ry);
		Lattice r = reference;
		return new Lattice(o[0], o[1], b00 * r.g1x() + b01 * r.g1y(), b10 * r.g1x() + b11 * r.g1y(), b00 * r.g2x() + b01 * r.g2y(),
				b10 * r.g2x() + b11 * r.g2y(), 0, 0);
	}

	/**
	 * @return the true disk centres and relative intensities at a scan position: {x, y, intensity} per
	 *         disk, those whose whole disk lies at least 2 px inside the detector (over vacuum: the probe)
	 */
	public List<double[]> disks(int rx, int ry) {
		List<double[]> out = new ArrayList<>();
		if (!crystal(rx)) {
			double[] o = origin(rx, ry);
			out.add(new double[] { o[0], o[1], 1 });
			return out;
		}
		Lattice l = lattice(rx, ry);
		double margin = probeRadius + edgeWidth + 2;
		double g2 = Math.pow(Math.hypot(reference.g1x(), reference.g1y()), 2);
		for (int h = -4; h <= 4; h++) {
			for (int k = -4; k <= 4; k++) {
				double x = l.x0() + h * l.g1x() + k * l.g2x();
				double y = l.y0() + h * l.g1y() + k * l.g2y();
				if (x < margin || y < margin || x > nq - 1 - margin || y > nq - 1 - margin) {
					continue;
				}
				double q2 = Math.pow(x - l.x0(), 2) + Math.pow(y - l.y0(), 2);
				double v = h == 0 && k == 0 ? 1 : 0.4 * Math.exp(-q2 / (8 * g2)) * (1 + 0.3 * Math.cos(h + 2 * k));
				out.add(new double[] { x, y, v });
			}
		}
		return out;
	}

	/** @return the pattern at a scan position, nq × nq, C order (float32 values: what {@link #source()} stores) */
	public double[] pattern(int rx, int ry) {
		double[] dp = new double[nq * nq];
		for (double[] d : disks(rx, ry)) {
			drawDisk(dp, d[0], d[1], d[2]);
		}
		double[] p = noisy(dp, 1L + rx * (long) nry + ry);
		for (int i = 0; i < p.length; i++) {
			p[i] = (float) p[i];
		}
		return p;
	}

	/**
	 * @return the scan as a float32 array (scan rows, scan columns, nq, nq), each pattern computed when read:
	 *         what the demo writes to a file
	 */
	public ArraySource source() {
		long[] shape = { nrx, nry, nq, nq };
		return new ArraySource() {
			@Override
			public DType dtype() {
				return DType.FLOAT32;
			}

			@Override
			public long[] shape() {
				return shape.clone();
			}

			@Override
			public Dataset read(long[] start, int[] count) {
				FloatDataset out = DatasetFactory.zeros(FloatDataset.class, count);
				float[] v = out.getData();
				int at = 0;
				for (int rx = (int) start[0]; rx < start[0] + count[0]; rx++) {
					for (int ry = (int) start[1]; ry < start[1] + count[1]; ry++) {
						double[] dp = pattern(rx, ry);
						for (int qx = (int) start[2]; qx < start[2] + count[2]; qx++) {
							for (int qy = (int) start[3]; qy < start[3] + count[3]; qy++) {
								v[at++] = (float) dp[qx * nq + qy];
							}
						}
					}
				}
				return out;
			}
		};
	}

	/** @return the probe itself, noise-free, centred on pixel (nq/2, nq/2) */
	public double[] probe() {
		double[] dp = new double[nq * nq];
		drawDisk(dp, nq / 2.0, nq / 2.0, 1);
		return dp;
	}

	private void drawDisk(double[] dp, double cx, double cy, double amplitude) {
		double k = 4 / edgeWidth; // ~0.12 to 0.88 across the full width
		int lo = (int) Math.floor(cx - probeRadius - 4 * edgeWidth);
		int hi = (int) Math.ceil(cx + probeRadius + 4 * edgeWidth);
		int loy = (int) Math.floor(cy - probeRadius - 4 * edgeWidth);
		int hiy = (int) Math.ceil(cy + probeRadius + 4 * edgeWidth);
		for (int x = Math.max(0, lo); x <= Math.min(nq - 1, hi); x++) {
			for (int y = Math.max(0, loy); y <= Math.min(nq - 1, hiy); y++) {
				double r = Math.hypot(x - cx, y - cy);
				dp[x * nq + y] += amplitude / (1 + Math.exp(k * (r - probeRadius)));
			}
		}
	}

	private double[] noisy(double[] dp, long stream) {
		if (dose <= 0) {
			return dp;
		}
		SplittableRandom r = new SplittableRandom(seed * 1_000_003L + stream);
		for (int i = 0; i < dp.length; i++) {
			dp[i] = poisson(r, dp[i] * dose);
		}
		return dp;
	}

	/** Poisson deviate: Knuth's product method below 30, else the normal approximation (rounded, ≥ 0). */
	static double poisson(SplittableRandom r, double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean < 30) {
			double l = Math.exp(-mean);
			int k = 0;
			double p = r.nextDouble();
			while (p > l) {
				k++;
				p *= r.nextDouble();
			}
			return k;
		}
		double g = gaussian(r);
		return Math.max(0, Math.rint(mean + Math.sqrt(mean) * g));
	}

	private static double gaussian(SplittableRandom r) {
		double u1 = r.nextDouble();
		double u2 = r.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}
}
