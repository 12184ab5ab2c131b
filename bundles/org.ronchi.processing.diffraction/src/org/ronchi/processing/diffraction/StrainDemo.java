package org.ronchi.processing.diffraction;

import java.util.List;
import java.util.Locale;

/**
 * The strain-mapping truth check: on a {@link SyntheticCrystal}, runs probe → Bragg disks → origin →
 * lattice → strain with this package's functions and compares with the truth: the rms distance of the
 * found disks from the true centres ({@code bragg_position_rms_px}, each true disk matched to the nearest
 * found peak within 2 px) and the rms error of e_xx, e_yy, e_xy over the scan ({@code strain_rms_error}).
 * Targets: ≤ 0.1 px and ≤ 1e-3. What {@code ronchi demo strain} prints.
 */
public final class StrainDemo {
	private StrainDemo() {
	}

	/** The measurements of one run. */
	public record Report(int positions, int disksTrue, int disksMatched, int disksFound, double braggPositionRmsPx,
			double strainRmsError, double probeRadiusPx, double originPlaneRmsPx) {

		public boolean passes() {
			return braggPositionRmsPx <= 0.1 && strainRmsError <= 1e-3 && disksMatched == disksTrue;
		}

		/** @return the report as one JSON object (snake-case keys) */
		public String toJson() {
			return String.format(Locale.ROOT,
					"{\"positions\": %d, \"disks_true\": %d, \"disks_matched\": %d, \"disks_found\": %d, "
							+ "\"bragg_position_rms_px\": %.6g, \"strain_rms_error\": %.6g, \"probe_radius_px\": %.6g, "
							+ "\"origin_plane_rms_px\": %.6g, \"targets\": {\"bragg_position_rms_px\": 0.1, \"strain_rms_error\": 0.001}, "
							+ "\"pass\": %b}",
					positions, disksTrue, disksMatched, disksFound, braggPositionRmsPx, strainRmsError, probeRadiusPx, originPlaneRmsPx,
					passes());
		}
	}

	/** The detection parameters the demo uses (py4DSTEM's defaults scaled to a 128-pixel detector). */
	public static BraggParams params() {
		return BraggParams.defaults().withMinPeakSpacing(8).withEdgeBoundary(4);
	}

	public static Report run(SyntheticCrystal c) {
		int nq = c.detectorSize();
		// 1. probe from vacuum patterns, its size, the kernel
		double[] sum = new double[nq * nq];
		int vacuumFrames = 16;
		for (int i = 0; i < vacuumFrames; i++) {
			VacuumProbe.accumulate(c.vacuum(i), nq, nq, true, sum);
		}
		for (int i = 0; i < sum.length; i++) {
			sum[i] /= vacuumFrames;
		}
		VacuumProbe.mask(sum, nq, nq, 0.2, 6, 1);
		ProbeSize size = ProbeSize.measure(sum, nq, nq);
		double[] kernel = ProbeKernel.SIGMOID.make(sum, nq, nq, size.x0(), size.y0(), size.radius(), size.radius() + 4);
		// 2. Bragg disks
		BraggDisks finder = new BraggDisks(kernel, nq, nq, params());
		BraggDisks.Workspace w = finder.workspace();
		int nrx = c.scanRows();
		int nry = c.scanColumns();
		int n = nrx * nry;
		BraggPeaks[] peaks = new BraggPeaks[n];
		double se = 0;
		int matched = 0;
		int truth = 0;
		int found = 0;
		for (int rx = 0; rx < nrx; rx++) {
			for (int ry = 0; ry < nry; ry++) {
				BraggPeaks p = finder.find(c.pattern(rx, ry), w);
				peaks[rx * nry + ry] = p;
				found += p.size();
				List<double[]> disks = c.disks(rx, ry);
				truth += disks.size();
				for (double[] d : disks) {
					double best = 4;
					for (int i = 0; i < p.size(); i++) {
						best = Math.min(best, Math.pow(p.qx()[i] - d[0], 2) + Math.pow(p.qy()[i] - d[1], 2));
					}
					if (best < 4) {
						se += best;
						matched++;
					}
				}
			}
		}
		// 3. origin per position (the peak nearest the probe centre), plane fit
		double[] ox = new double[n];
		double[] oy = new double[n];
		for (int i = 0; i < n; i++) {
			double[] o = OriginFit.fromPeaks(peaks[i], size.x0(), size.y0(), c.probeRadius());
			ox[i] = o[0];
			oy[i] = o[1];
		}
		OriginFit.Plane px = OriginFit.fitPlane(ox, nrx, nry, null, 3, 2);
		OriginFit.Plane py = OriginFit.fitPlane(oy, nrx, nry, null, 3, 2);
		double ose = 0;
		for (int i = 0; i < n; i++) {
			double[] t = c.origin(i / nry, i % nry);
			ose += Math.pow(px.at(i / nry, i % nry) - t[0], 2) + Math.pow(py.at(i / nry, i % nry) - t[1], 2);
		}
		// 4. lattice: basis from the first pattern, then a fit everywhere, indexed about the fitted origin
		Lattice basis = Lattice.guessBasis(peaks[0], px.at(0, 0), py.at(0, 0), 0.02, 30);
		Lattice[] map = new Lattice[n];
		for (int i = 0; i < n; i++) {
			Lattice guess = new Lattice(px.at(i / nry, i % nry), py.at(i / nry, i % nry), basis.g1x(), basis.g1y(), basis.g2x(),
					basis.g2y(), 0, 0);
			map[i] = Lattice.fit(peaks[i], guess, 0.25 * Math.hypot(basis.g1x(), basis.g1y()), 5);
		}
		// 5. strain against the reference region, compared with the truth expressed in the same basis
		Lattice ref = Strain.reference(map, c.referenceRegion());
		double sse = 0;
		int counted = 0;
		for (int i = 0; i < n; i++) {
			Strain m = Strain.of(map[i], ref);
			Strain t = Strain.of(relabel(c.lattice(i / nry, i % nry), c.reference(), basis), relabel(c.reference(), c.reference(), basis));
			if (Double.isNaN(m.exx())) {
				sse += 1; // a missing fit counts as a gross error
			} else {
				sse += Math.pow(m.exx() - t.exx(), 2) + Math.pow(m.eyy() - t.eyy(), 2) + Math.pow(m.exy() - t.exy(), 2);
			}
			counted += 3;
		}
		return new Report(n, truth, matched, found, Math.sqrt(se / Math.max(1, matched)), Math.sqrt(sse / counted), size.radius(),
				Math.sqrt(ose / n));
	}

	/**
	 * The true lattice written in the basis the analysis chose: the measured basis is an integer
	 * combination of the synthetic one (g1' = a g1 + b g2, ...), and strain depends on that choice only
	 * through the frame it is expressed in, which is the detector's in both: the vectors are re-expressed
	 * with the same integer combination.
	 */
	private static Lattice relabel(Lattice l, Lattice synth, Lattice chosen) {
		double det = synth.g1x() * synth.g2y() - synth.g1y() * synth.g2x();
		double a1 = Math.rint((chosen.g1x() * synth.g2y() - chosen.g1y() * synth.g2x()) / det);
		double b1 = Math.rint((synth.g1x() * chosen.g1y() - synth.g1y() * chosen.g1x()) / det);
		double a2 = Math.rint((chosen.g2x() * synth.g2y() - chosen.g2y() * synth.g2x()) / det);
		double b2 = Math.rint((synth.g1x() * chosen.g2y() - synth.g1y() * chosen.g2x()) / det);
		return new Lattice(l.x0(), l.y0(), a1 * l.g1x() + b1 * l.g2x(), a1 * l.g1y() + b1 * l.g2y(), a2 * l.g1x() + b2 * l.g2x(),
				a2 * l.g1y() + b2 * l.g2y(), 0, 0);
	}
}
