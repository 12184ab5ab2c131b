package org.ronchi.headless;

import java.util.SplittableRandom;

/**
 * A small, realistic 4D-STEM scan synthesised from physics-shaped parts, so the demo needs no external
 * file: a bright-field disk whose position shifts with a phase gradient across the scan (what
 * centre-of-mass/DPC measures), Bragg disks on a square lattice whose strength follows a thickness
 * wedge, a weak diffuse background and Poisson counting noise. Deterministic for a given seed.
 */
final class SampleDataCube {
	final int scanY;
	final int scanX;
	final int detY;
	final int detX;
	final float[][][][] counts;

	SampleDataCube(int scanY, int scanX, int detY, int detX, long seed) {
		this.scanY = scanY;
		this.scanX = scanX;
		this.detY = detY;
		this.detX = detX;
		this.counts = new float[scanY][scanX][detY][detX];
		SplittableRandom rnd = new SplittableRandom(seed);
		double cy = detY / 2.0;
		double cx = detX / 2.0;
		double diskR = detX / 8.0;
		double lattice = detX / 4.5;
		for (int ry = 0; ry < scanY; ry++) {
			for (int rx = 0; rx < scanX; rx++) {
				double thickness = 0.2 + 0.8 * rx / Math.max(1, scanX - 1); // wedge along x
				// phase gradient: a slowly varying field deflects the beam (DPC contrast)
				double shiftY = 1.2 * Math.sin(2 * Math.PI * ry / scanY);
				double shiftX = 1.2 * Math.cos(2 * Math.PI * rx / scanX);
				for (int qy = 0; qy < detY; qy++) {
					for (int qx = 0; qx < detX; qx++) {
						double mean = 0.5; // diffuse background
						double dy = qy - cy - shiftY;
						double dx = qx - cx - shiftX;
						if (dy * dy + dx * dx <= diskR * diskR) {
							mean += 60 * (1.1 - 0.6 * thickness);
						}
						for (int i = -2; i <= 2; i++) {
							for (int j = -2; j <= 2; j++) {
								if (i == 0 && j == 0) {
									continue;
								}
								double by = dy - i * lattice;
								double bx = dx - j * lattice;
								if (by * by + bx * bx <= 0.6 * diskR * diskR) {
									mean += 25 * thickness / (Math.abs(i) + Math.abs(j));
								}
							}
						}
						counts[ry][rx][qy][qx] = poisson(rnd, mean);
					}
				}
			}
		}
	}

	private static float poisson(SplittableRandom rnd, double mean) {
		if (mean > 30) {
			return (float) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
		}
		double l = Math.exp(-mean);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= rnd.nextDouble();
		} while (p > l);
		return k - 1;
	}

	private static double gaussian(SplittableRandom rnd) {
		double u = 1 - rnd.nextDouble();
		double v = rnd.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
