package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.headless.demo.StrainDemoJob;
import org.ronchi.processing.Engine;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.processing.workflow.WorkflowReport;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * {@code ronchi demo strain} end to end: the synthetic crystal written as EMD 1.0, the strain workflow
 * through the engine, the truth check meeting its targets, the results readable by h5py (Bragg peaks as
 * emdfile's PointListArray), and a second run reusing every step.
 */
class StrainDemoJobTest {

	@Test
	void theStrainDemoMeetsItsTargetsAndASecondRunReusesEverything() throws Exception {
		Path dir = TestData.tempDir("strain-demo");
		OperationRegistry ops = OperationRegistry.of(Services.all(StrainDemoJobTest.class, Operation.class,
				"org.ronchi.processing.diffraction.ops.Probe", "org.ronchi.processing.diffraction.ops.BraggDisksOperation",
				"org.ronchi.processing.diffraction.ops.Origin", "org.ronchi.processing.diffraction.ops.LatticeOperation",
				"org.ronchi.processing.diffraction.ops.StrainOperation"));
		WriterRegistry writers = WriterRegistry.of(Services.all(StrainDemoJobTest.class, FileWriter.class, "org.ronchi.io.emd.internal.Emd1FileWriter"));
		ResultsStores stores = ResultsStores.of(Services.all(StrainDemoJobTest.class, ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore"));
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), stores)) {
			StrainDemoJob job = new StrainDemoJob(ops, Services.loaders(StrainDemoJobTest.class, "org.ronchi.io.emd.internal.Emd1Loader"), writers);
			StrainDemoJob.Result r = job.run(dir, e, ProgressMonitor.NULL);
			assertTrue(r.report().passes(), r.text());
			assertTrue(r.report().braggPositionRmsPx() < 0.02 && r.report().strainRmsError() < 1e-4, r.text());
			assertTrue(r.json().contains("\"bragg_position_rms_px\": ") && r.json().contains("\"strain_rms_error\": ")
					&& r.json().contains("\"pass\": true"), r.json());
			StrainDemoJob.Result again = job.run(dir, e, ProgressMonitor.NULL);
			for (WorkflowReport.StepReport s : again.workflow().inputs().get(0).steps()) {
				assertEquals("REUSED", s.status(), again.text());
			}
			assertEquals(r.report(), again.report(), "the reused results give the same measurements");
			Python.assumeModules("h5py", "numpy");
			String out = Python.check("""
					import sys, h5py, numpy as np
					f = h5py.File(sys.argv[1], 'r')
					g = [k for k in f if 'bragg_disks' in k][0]
					p = f[g + '/peaks']
					assert p.attrs['emd_group_type'] == 'pointlistarray' and p.attrs['python_class'] == 'PointListArray'
					d = p['data']
					assert d.shape == (20, 16), d.shape
					assert h5py.check_vlen_dtype(d.dtype).names == ('qx', 'qy', 'intensity')
					assert len(d[10, 5]) == 25 and len(d[0, 0]) == 1, (len(d[10, 5]), len(d[0, 0]))
					s = [k for k in f if 'strain' in k and 'bragg' not in k][0]
					e = f[s + '/e_xx/data'][...]
					assert e.shape == (20, 16) and np.isnan(e[:4]).all() and np.isfinite(e[4:]).all()
					print('ok')
					""", r.resultsFile().toString());
			assertEquals("ok", out);
		}
	}
}
