package org.ronchi.processing.diffraction;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.processing.RunResult;

/**
 * The strain-mapping truth check ({@code ronchi demo strain}): on a {@link SyntheticCrystal}, the
 * workflow probe → Bragg disks → origin → lattice → strain ({@link #workflowJson}) runs through the
 * engine and the operations like any user workflow, and {@link #check} compares its results with the
 * truth: the rms distance of the found disks from the true centres ({@code bragg_position_rms_px}, each
 * true disk matched to the nearest found peak within 2 px) and the rms error of e_xx, e_yy, e_xy over
 * the crystal ({@code strain_rms_error}). Targets: ≤ 0.1 px and ≤ 1e-3.
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

	/**
	 * The workflow of the demo: the vacuum probe from the vacuum rows, a sigmoid kernel; Bragg disks
	 * (py4DSTEM's defaults, spacing and edge scaled to a 128-pixel detector); the origin plane and the
	 * shifted peaks; the lattice (basis found in the Bragg vector map); strain against the crystal's
	 * reference columns.
	 *
	 * @param input the data file, relative to the workflow
	 * @param dataset the datacube in it
	 */
	public static String workflowJson(SyntheticCrystal c, String input, String dataset) {
		int v = c.vacuumRows();
		return String.format(Locale.ROOT, """
				{
				  "description": "ronchi demo strain: probe -> Bragg disks -> origin -> lattice -> strain on a synthetic strained crystal",
				  "inputs": ["%s"],
				  "dataset": "%s",
				  "navigation_rank": 2,
				  "steps": [
				    {"name": "probe", "operation": "stem4d.probe",
				     "parameters": {"r": [0, %d, 0, %d], "mask_expansion": 6, "mask_opening": 1, "kernel": "sigmoid", "radii": [1, 1.8]}},
				    {"name": "bragg", "operation": "stem4d.bragg-disks",
				     "parameters": {"template": "@probe.kernel", "min_peak_spacing": 8, "edge_boundary": 4}},
				    {"name": "origin", "operation": "stem4d.origin", "input": "bragg.peaks", "parameters": {"bvm_shape": [%d, %d]}},
				    {"name": "lattice", "operation": "stem4d.lattice", "input": "origin.peaks", "parameters": {}},
				    {"name": "strain", "operation": "stem4d.strain", "input": "lattice.lattice",
				     "parameters": {"reference": [%d, %d, 0, %d]}}
				  ]
				}
				""", input, dataset, v, c.scanColumns(), c.detectorSize(), c.detectorSize(), v, c.scanRows(), c.referenceColumns());
	}

	/** Compares the workflow's results (each step's by name, open) with the truth. */
	public static Report check(SyntheticCrystal c, Map<String, RunResult> steps) {
		int nrx = c.scanRows();
		int nry = c.scanColumns();
		PointListSource peaks = steps.get("bragg").output("peaks").pointLists();
		double se = 0;
		int matched = 0;
		int truth = 0;
		int found = 0;
		for (int rx = 0; rx < nrx; rx++) {
			for (int ry = 0; ry < nry; ry++) {
				PointList p = peaks.read(rx, ry);
				double[] qx = p.doubles("qx");
				double[] qy = p.doubles("qy");
				found += p.length();
				List<double[]> disks = c.disks(rx, ry);
				truth += disks.size();
				for (double[] d : disks) {
					double best = 4;
					for (int i = 0; i < qx.length; i++) {
						best = Math.min(best, Math.pow(qx[i] - d[0], 2) + Math.pow(qy[i] - d[1], 2));
					}
					if (best < 4) {
						se += best;
						matched++;
					}
				}
			}
		}
		double[] origin = values(steps.get("origin").output("origin"));
		double ose = 0;
		for (int i = 0; i < nrx * nry; i++) {
			double[] t = c.origin(i / nry, i % nry);
			ose += Math.pow(origin[2 * i] - t[0], 2) + Math.pow(origin[2 * i + 1] - t[1], 2);
		}
		double[] b = values(steps.get("lattice").output("basis"));
		Lattice basis = new Lattice(b[0], b[1], b[2], b[3], b[4], b[5], 0, 0);
		RunResult strain = steps.get("strain");
		double[] exx = values(strain.output("e_xx"));
		double[] eyy = values(strain.output("e_yy"));
		double[] exy = values(strain.output("e_xy"));
		double sse = 0;
		int counted = 0;
		int positions = 0;
		for (int rx = c.vacuumRows(); rx < nrx; rx++) {
			for (int ry = 0; ry < nry; ry++) {
				int i = rx * nry + ry;
				Strain t = Strain.of(relabel(c.lattice(rx, ry), c.reference(), basis), relabel(c.reference(), c.reference(), basis));
				if (Double.isNaN(exx[i])) {
					sse += 3; // a missing fit counts as a gross error
				} else {
					sse += Math.pow(exx[i] - t.exx(), 2) + Math.pow(eyy[i] - t.eyy(), 2) + Math.pow(exy[i] - t.exy(), 2);
				}
				counted += 3;
				positions++;
			}
		}
		return new Report(positions, truth, matched, found, Math.sqrt(se / Math.max(1, matched)), Math.sqrt(sse / counted),
				values(steps.get("probe").output("size"))[0], Math.sqrt(ose / (nrx * nry)));
	}

	private static double[] values(ArrayNode a) {
		org.eclipse.january.dataset.Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		double[] v = new double[d.getSize()];
		for (int i = 0; i < v.length; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		return v;
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
