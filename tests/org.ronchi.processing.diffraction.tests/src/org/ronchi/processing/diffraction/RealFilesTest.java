package org.ronchi.processing.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.model.Axis;
import org.ronchi.processing.Engine;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowRunner;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * The 4D-STEM operations on the real 4-D files, through workflows with results files. None of them has
 * Bragg disks that can be told apart: Prismatic's {@code Si100_4D.emd} has 8 x 8-pixel patterns whose
 * bright-field disk (a 30 mrad probe at 100 kV: radius 4.40 px at 0.184 Å⁻¹ per pixel) fills the
 * detector, with the (022) disks 2.8 px from its centre inside it, so no lattice spacing can be
 * measured there (the accuracy of peaks, lattice and strain is checked on the synthetic crystal,
 * StrainDemoTest). What is checked: the chain runs on the real data; the disk radius the probe
 * operation measures agrees with the simulation's probe semi-angle (the detector clips it); the file's
 * calibration reaches the outputs; the results (Bragg peaks as emdfile's PointListArray) open in h5py.
 */
class RealFilesTest {
	private static final String SI100 = "emd_ncem/prismatic/Si100_4D.emd";
	private static final String PY4DSTEM = "py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5";

	private static LoaderRegistry loaders() {
		return Services.loaders(RealFilesTest.class, "org.ronchi.io.emd.internal.NcemLoader", "org.ronchi.io.emd.internal.Emd1Loader",
				"org.ronchi.hdf5.Hdf5Loader");
	}

	/** Runs a workflow on a real file with results in a temporary folder; returns what done saw. */
	private static Path run(String input, String dataset, String steps, WorkflowRunner.InputDone done) throws Exception {
		Path dir = TestData.tempDir("real-4d");
		Path wf = dir.resolve("workflow.json");
		Files.writeString(wf, "{\"inputs\": [\"" + TestData.real(input) + "\"], " + (dataset == null ? "" : "\"dataset\": \"" + dataset + "\", ")
				+ "\"steps\": [" + steps + "], \"output\": {\"directory\": \"results\"}}", StandardCharsets.UTF_8);
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), StrainDemoTest.stores())) {
			return new WorkflowRunner(StrainDemoTest.operations(), loaders(), e).run(Workflow.load(wf), ProgressMonitor.NULL, done).inputs().get(0)
					.resultsFile();
		}
	}

	@Test
	void si100TheBrightFieldDiskAgreesWithTheSimulatedProbeAndTheChainRuns() throws Exception {
		double[] radius = new double[1];
		Path results = run(SI100, null, """
				{"name": "probe", "operation": "stem4d.probe", "parameters": {"align": false}},
				{"name": "bragg", "operation": "stem4d.bragg-disks",
				 "parameters": {"template": "@probe.kernel", "min_peak_spacing": 2, "edge_boundary": 1, "sigma_cc": 0}},
				{"name": "origin", "operation": "stem4d.origin", "input": "bragg.peaks", "parameters": {"bvm_shape": [8, 8]}}
				""", (input, steps) -> {
			radius[0] = OperationsTest.values(steps.get("probe").output("size"))[0];
			RunResult bragg = steps.get("bragg");
			Axis q = bragg.output("bvm").axes().get(0);
			assertEquals(0.18416, q.scale(), 1e-5, "the detector's calibration reaches the Bragg vector map");
			assertEquals(3, bragg.output("peaks").rank(), "a point list per position of the (depth, x, y) scan");
			assertTrue(steps.get("origin").output("origin").shape()[3] == 2);
		});
		// Prismatic's metadata: E = 100 kV, probe semi-angle sa = 30 mrad; Q step 1/5.43 Å⁻¹ (labelled nm⁻¹ in the file)
		double lambda = 12.2643 / Math.sqrt(1e5 * (1 + 0.97848e-6 * 1e5)); // Å
		double semiangle = radius[0] * (1 / 5.43) * lambda * 1000;
		System.out.printf("Si100_4D: disk radius %.3f px (expected 4.40 unclipped) = %.1f mrad (nominal 30)%n", radius[0], semiangle);
		assertTrue(semiangle > 25 && semiangle <= 30, "the measured disk is the 30 mrad probe, clipped by the 8-pixel detector: " + semiangle);
		Python.assumeModules("h5py", "numpy");
		assertEquals("ok", Python.check("""
				import sys, h5py
				f = h5py.File(sys.argv[1], 'r')
				g = [k for k in f if 'bragg_disks' in k][0]
				p = f[g + '/peaks']
				assert p.attrs['emd_group_type'] == 'pointlistarray' and p.attrs['python_class'] == 'PointListArray', dict(p.attrs)
				assert h5py.check_vlen_dtype(p['data'].dtype).names == ('qx', 'qy', 'intensity')
				assert p['data'].size == 2 * 11 * 11
				print('ok')
				""", results.toString()));
	}

	@Test
	void aPy4dstemDatacubeGivesPointListsThatReadBack() throws Exception {
		run(PY4DSTEM, "/datacube_root/datacube/data", """
				{"name": "bragg", "operation": "stem4d.bragg-disks", "parameters": {"edge_boundary": 1, "min_peak_spacing": 1, "sigma_cc": 0}}
				""", (input, steps) -> {
			RunResult r = steps.get("bragg");
			assertEquals(2, r.output("peaks").rank());
			int total = 0;
			for (int i = 0; i < 2; i++) {
				for (int j = 0; j < 3; j++) {
					total += r.output("peaks").pointLists().read(i, j).length();
				}
			}
			assertTrue(total > 0, "maxima of the patterns themselves (no template)");
		});
	}
}
