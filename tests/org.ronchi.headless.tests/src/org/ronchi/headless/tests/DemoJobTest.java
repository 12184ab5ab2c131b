package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.headless.demo.DemoJob;
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
 * The demo end to end: EMD 1.0 data, the default workflow, results with provenance, previews, and reuse
 * on a second run. The services are the installed ones (OSGi), or on the flat class path of
 * dev/quicktest the EMD bundle's and the stem4d operations the demo needs.
 */
class DemoJobTest {

	@Test
	void theDemoRunsAndASecondRunReusesEverything() throws Exception {
		Path dir = TestData.tempDir("demo");
		OperationRegistry ops = OperationRegistry.of(Services.all(DemoJobTest.class, Operation.class, "org.ronchi.processing.stem4d.VirtualBfAdf",
				"org.ronchi.processing.stem4d.VirtualDiffraction", "org.ronchi.processing.stem4d.CenterOfMass"));
		LoaderRegistryImpl loaders = new LoaderRegistryImpl();
		Services.all(DemoJobTest.class, FileLoader.class, "org.ronchi.io.emd.internal.Emd1Loader").forEach(loaders::register);
		WriterRegistry writers = WriterRegistry.of(Services.all(DemoJobTest.class, FileWriter.class, "org.ronchi.io.emd.internal.Emd1FileWriter"));
		ResultsStores stores = ResultsStores.of(Services.all(DemoJobTest.class, ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore"));
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), stores)) {
			DemoJob job = new DemoJob(ops, (LoaderRegistry) loaders, writers);
			DemoJob.Report r = job.run(dir, e, ProgressMonitor.NULL);
			assertTrue(Files.isRegularFile(r.dataFile()) && Files.isRegularFile(r.resultsFile()) && Files.isRegularFile(r.workflowFile()));
			for (WorkflowReport.StepReport s : r.workflow().inputs().get(0).steps()) {
				assertEquals("COMPUTED", s.status(), r.text());
			}
			assertEquals(5, r.previews().size());
			for (Path p : r.previews()) {
				BufferedImage img = ImageIO.read(p.toFile());
				assertTrue(img.getWidth() >= 256 && img.getHeight() >= 256, p + " " + img.getWidth());
			}
			assertTrue(r.dpcCorrelation() > 0.95, "DPC follows the synthetic deflection: " + r.dpcCorrelation());
			assertTrue(r.text().contains("check:     the measured DPC follows the synthetic beam deflection"), r.text());
			DemoJob.Report again = job.run(dir, e, ProgressMonitor.NULL);
			assertTrue(again.text().contains("identical file kept"), again.text());
			for (WorkflowReport.StepReport s : again.workflow().inputs().get(0).steps()) {
				assertEquals("REUSED", s.status(), again.text());
			}
			Python.assumeModules("h5py", "numpy");
			String out = Python.check("""
					import sys, json, h5py, numpy as np
					d = h5py.File(sys.argv[1], 'r')
					assert d.attrs['version_major'] == 1 and d.attrs['emd_group_type'] == 'file'
					cube = d['datacube_root/datacube']
					assert cube.attrs['emd_group_type'] == 'array' and cube['data'].shape == (40, 40, 64, 64) and cube['data'].dtype == np.uint16
					assert cube['dim0'].attrs['units'] == 'nm' and cube['dim2'].attrs['units'] == '1/nm'
					data = cube['data'][...].astype(np.float64)
					f = h5py.File(sys.argv[2], 'r')
					assert len(f.keys()) == 3, list(f.keys())
					g = [k for k in f if 'virtual_bf_adf' in k][0]
					a = f[g].attrs
					assert a['ronchi_operation'] == 'stem4d.virtual-bf-adf' and a['source_file'] == sys.argv[1]
					assert a['source_dataset'] == '/datacube_root/datacube/data'
					for k in f:  # every run group links to its input, which h5py opens in the data file
					    assert f[k + '/source'].shape == (40, 40, 64, 64) and f[k + '/source'].file.filename == sys.argv[1], k
					p = json.loads(a['parameters'])
					cy, cx = p['center']
					yy, xx = np.mgrid[0:64, 0:64]
					bf = ((yy - cy) ** 2 + (xx - cx) ** 2 <= p['bf_radius'] ** 2).astype(float)
					assert np.allclose(f[g + '/bf/data'][...], np.tensordot(data, bf, axes=([2, 3], [0, 1])))
					assert f[g + '/bf/dim1'].attrs['units'] == 'nm' and np.isclose(f[g + '/bf/dim1'][1] - f[g + '/bf/dim1'][0], 0.25)
					m = [k for k in f if 'virtual_diffraction' in k][0]
					assert np.allclose(f[m + '/pattern/data'][...], data.mean(axis=(0, 1)))
					print('ok')
					""", r.dataFile().toString(), r.resultsFile().toString());
			assertEquals("ok", out);
		}
	}
}
