package org.ronchi.headless.demo;

import java.util.SplittableRandom;

/**
 * A small, realistic 4D-STEM scan over a crystal, synthesised from physics-shaped parts so the demo
 * needs no external file, with its ground truth kept for checks:
 * <ul>
 * <li>a bright-field disk deflected at each position by the gradient of a smooth phase (a few Gaussian
 * bumps and a ramp): what centre of mass / DPC measures, and iDPC integrates back;</li>
 * <li>Bragg disks on a square lattice, excited two-beam fashion: disk g takes sin²(π t / ξ_g) of the
 * beam, so their strength and the bright field oscillate with the thickness t;</li>
 * <li>a thickness wedge along x with a hole (vacuum: only the bright field) and a thicker particle;</li>
 * <li>thermal diffuse background growing with thickness, and Poisson counting noise.</li>
 * </ul>
 * Counts are uint16, C order (scan y, scan x, detector y, detector x). Deterministic for a seed.
 */
public final class SampleDataCube {
	public final int scanY;
	public final int scanX;
	public final int detY;
	public final int detX;
	/** Scan step (nm) and detector pixel (1/nm). */
	public final double scanStep = 0.25;
	public final double detPixel = 0.25;
	/** Disk centre on the detector, disk radius, lattice spacing (px). */
	public final double centerY;
	public final double centerX;
	public final double diskRadius;
	public final double lattice;
	public final short[] counts;
	/** Ground truth per position: beam deflection (px) and thickness (nm). */
	public final double[] shiftY;
	public final double[] shiftX;
	public final double[] thickness;

	public SampleDataCube(int scanY, int scanX, int detY, int detX, long seed) {
		this.scanY = scanY;
		this.scanX = scanX;
		this.detY = detY;
		this.detX = detX;
		this.centerY = detY / 2.0;
		this.centerX = detX / 2.0;
		this.diskRadius = detX / 12.0;
		this.lattice = detX / 4.0;
		int positions = scanY * scanX;
		this.counts = new short[positions * detY * detX];
		this.shiftY = new double[positions];
		this.shiftX = new double[positions];
		this.thickness = new double[positions];
		SplittableRandom rnd = new SplittableRandom(seed);
		double[] frame = new double[detY * detX];
		for (int ry = 0; ry < scanY; ry++) {
			for (int rx = 0; rx < scanX; rx++) {
				int p = ry * scanX + rx;
				thickness[p] = thickness(ry, rx);
				double[] g = phaseGradient(ry, rx);
				shiftY[p] = g[0];
				shiftX[p] = g[1];
				render(frame, thickness[p], shiftY[p], shiftX[p]);
				int base = p * detY * detX;
				for (int i = 0; i < frame.length; i++) {
					counts[base + i] = (short) Math.min(65535, poisson(rnd, frame[i]));
				}
			}
		}
	}

	/** nm: a wedge from 5 to 80 nm along x, a hole of vacuum, a particle 40 nm thicker. */
	private double thickness(int ry, int rx) {
		double t = 5 + 75.0 * rx / Math.max(1, scanX - 1);
		double hy = ry - scanY * 0.3;
		double hx = rx - scanX * 0.25;
		if (hy * hy + hx * hx < Math.pow(scanX * 0.12, 2)) {
			return 0;
		}
		double py = ry - scanY * 0.7;
		double px = rx - scanX * 0.65;
		if (py * py + px * px < Math.pow(scanX * 0.15, 2)) {
			t += 40;
		}
		return t;
	}

	/** Beam deflection in detector pixels: the gradient of three Gaussian phase bumps plus a ramp. */
	private double[] phaseGradient(int ry, int rx) {
		double[][] bumps = { { 0.25, 0.7, 1.0 }, { 0.6, 0.3, -0.8 }, { 0.75, 0.75, 0.6 } };
		double sigma = scanX * 0.12;
		double gy = 0.15;
		double gx = -0.1;
		for (double[] b : bumps) {
			double dy = ry - b[0] * scanY;
			double dx = rx - b[1] * scanX;
			double e = b[2] * Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma));
			gy += -e * dy / (sigma * sigma) * sigma * 1.5;
			gx += -e * dx / (sigma * sigma) * sigma * 1.5;
		}
		return new double[] { gy, gx };
	}

	/** Expected counts of one pattern. */
	private void render(double[] f, double t, double sy, double sx) {
		double dose = 2500;
		java.util.Arrays.fill(f, 0);
		double cy = centerY + sy;
		double cx = centerX + sx;
		double scattered = 0;
		double area = Math.PI * diskRadius * diskRadius;
		for (int i = -2; i <= 2; i++) {
			for (int j = -2; j <= 2; j++) {
				int order = Math.abs(i) + Math.abs(j);
				if (order == 0) {
					continue;
				}
				double xi = 30.0 * order; // extinction distance grows with |g|
				double frac = t == 0 ? 0 : 0.05 / order * Math.pow(Math.sin(Math.PI * t / xi), 2);
				scattered += frac;
				disk(f, cy + i * lattice, cx + j * lattice, dose * frac / area);
			}
		}
		disk(f, cy, cx, dose * Math.max(0.25, 1 - scattered - t / 400) / area);
		double tds = dose * t / 4000 / (detY * detX);
		for (int y = 0; y < detY; y++) {
			for (int x = 0; x < detX; x++) {
				double q2 = ((y - centerY) * (y - centerY) + (x - centerX) * (x - centerX)) / (detX * detX / 4.0);
				f[y * detX + x] += 0.05 + tds * 3 * Math.exp(-q2 * 2);
			}
		}
	}

	/** Adds a disk of uniform density with a one-pixel soft edge. */
	private void disk(double[] f, double cy, double cx, double density) {
		int y0 = Math.max(0, (int) Math.floor(cy - diskRadius - 1));
		int y1 = Math.min(detY - 1, (int) Math.ceil(cy + diskRadius + 1));
		int x0 = Math.max(0, (int) Math.floor(cx - diskRadius - 1));
		int x1 = Math.min(detX - 1, (int) Math.ceil(cx + diskRadius + 1));
		for (int y = y0; y <= y1; y++) {
			for (int x = x0; x <= x1; x++) {
				double d = Math.hypot(y - cy, x - cx);
				double w = Math.max(0, Math.min(1, diskRadius + 0.5 - d));
				f[y * detX + x] += density * w;
			}
		}
	}

	private static int poisson(SplittableRandom rnd, double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 30) {
			double u = 1 - rnd.nextDouble();
			double v = rnd.nextDouble();
			double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
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
}
