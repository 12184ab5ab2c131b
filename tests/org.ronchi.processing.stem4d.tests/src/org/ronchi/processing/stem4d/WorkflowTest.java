package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ronchi.processing.Engine;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowException;
import org.ronchi.processing.workflow.WorkflowReport;
import org.ronchi.processing.workflow.WorkflowRunner;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/** Batch workflows over the real 4-D files: chained steps, output references, reuse, and errors before any work. */
class WorkflowTest {
	static final OperationRegistry OPS = OperationRegistry.of(List.of(new VirtualBfAdf(), new VirtualImage(), new VirtualDiffraction(),
			new CenterOfMass(), new Bin(), new Crop(), new Pad(), new Thin(), new HotPixels(), new FindHotPixels(), new FrameFft()));

	/** The installed results stores: the EMD 1.0 store of org.ronchi.io.emd. */
	static ResultsStores stores() {
		return ResultsStores.of(Services.all(WorkflowTest.class, ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore"));
	}

	private static String workflow(Path out, String steps) {
		String root = TestData.root().toString().replace('\\', '/');
		return """
				{"inputs": ["%s/emd_ncem/prismatic/Si100_4D.emd", "%s/py4dstem/rsciio/*.h5"],
				 "steps": [%s],
				 "output": {"directory": "%s"}}
				""".formatted(root, root, steps, out.toString().replace('\\', '/'));
	}

	private static final String STEPS = """
			{"name": "images", "operation": "stem4d.virtual-bf-adf"},
			{"name": "hot", "operation": "stem4d.find-hot-pixels", "parameters": {"threshold": 1e9}},
			{"name": "clean", "operation": "stem4d.hot-pixels", "parameters": {"mask": "@hot.mask"}},
			{"name": "mean", "operation": "stem4d.virtual-diffraction", "input": "clean.data", "parameters": {"reduce": "mean"}},
			{"name": "com", "operation": "stem4d.com-dpc", "parameters": {"rotation": 10}}
			""";

	@Test
	void aBatchRunsChainedStepsOnEveryInputAndReusesThemOnTheSecondRun() throws Exception {
		Path out = TestData.tempDir("workflow");
		Workflow w = Workflow.parse(workflow(out, STEPS), out, "test.json");
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), stores())) {
			WorkflowRunner runner = new WorkflowRunner(OPS, new Loaders(), e);
			WorkflowReport r = runner.run(w, ProgressMonitor.NULL);
			assertEquals(2, r.inputs().size());
			for (WorkflowReport.InputReport in : r.inputs()) {
				assertEquals(5, in.steps().size());
				assertTrue(in.steps().stream().allMatch(s -> s.status().equals("COMPUTED")), r.text());
				assertTrue(Files.isRegularFile(in.resultsFile()));
				assertEquals(out, in.resultsFile().getParent());
			}
			assertTrue(r.text().contains("datacube-stem4d.virtual_bf_adf_000 -> adf(11, 11), bf(11, 11)"), r.text());
			WorkflowReport again = runner.run(w, ProgressMonitor.NULL);
			for (WorkflowReport.InputReport in : again.inputs()) {
				assertTrue(in.steps().stream().allMatch(s -> s.status().equals("REUSED")), again.text());
			}
			Python.assumeModules("h5py", "numpy");
			String check = Python.check("""
					import sys, h5py, numpy as np
					f = h5py.File(sys.argv[1], 'r')
					d = h5py.File(sys.argv[2], 'r')['/datacube_root/datacube/data'][...].astype(np.float64)
					g = [k for k in f if k.startswith('data-stem4d.virtual_diffraction')][0]
					assert f[g].attrs['source_dataset'].endswith('/data/data'), f[g].attrs['source_dataset']
					assert np.allclose(f[g + '/pattern/data'][...], d.mean(axis=(0, 1)), rtol=1e-6)
					assert len(f.keys()) == 5, list(f.keys())
					print('ok')
					""", out.resolve("py4DSTEM_size2x3x4x5_results.h5").toString(),
					TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5").toString());
			assertEquals("ok", check);
		}
		try (Stream<Path> s = Files.list(TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5").getParent())) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("results")), "nothing written next to the real files");
		}
	}

	@Test
	void errorsNameTheStepAndComeBeforeAnyWork() throws Exception {
		Path out = TestData.tempDir("workflow-errors");
		try (Engine e = new Engine()) {
			WorkflowRunner runner = new WorkflowRunner(OPS, new Loaders(), e);
			WorkflowException x = assertThrows(WorkflowException.class, () -> runner.run(Workflow.parse(workflow(out,
					STEPS + ", {\"name\": \"bad\", \"operation\": \"stem4d.nope\"}"), out, "w.json"), ProgressMonitor.NULL));
			assertTrue(x.getMessage().contains("step 'bad' (stem4d.nope)") && x.getMessage().contains("unknown operation 'stem4d.nope'"),
					x.getMessage());
			x = assertThrows(WorkflowException.class, () -> runner.run(Workflow.parse(workflow(out,
					STEPS + ", {\"name\": \"wide\", \"operation\": \"stem4d.virtual-bf-adf\", \"parameters\": {\"bf_radius\": 40}}"), out, "w.json"),
					ProgressMonitor.NULL));
			assertEquals("w.json: step 'wide' (stem4d.virtual-bf-adf) on Si100_4D.emd: parameter 'bf_radius' must be between 0 and 11.3 px "
					+ "(the frame diagonal), got 40", x.getMessage());
			x = assertThrows(WorkflowException.class, () -> runner.run(Workflow.parse(workflow(out,
					STEPS + ", {\"name\": \"twice\", \"operation\": \"stem4d.virtual-bf-adf\", \"input\": \"images.bf\"}"), out, "w.json"),
					ProgressMonitor.NULL));
			assertEquals("w.json: step 'twice' (stem4d.virtual-bf-adf) on Si100_4D.emd: needs 2 signal and 0 to 4 navigation dimensions, real values; "
					+ "the input has navigation (11, 11), signal ()", x.getMessage());
			x = assertThrows(WorkflowException.class, () -> runner.run(Workflow.parse(workflow(out,
					STEPS + ", {\"name\": \"ref\", \"operation\": \"stem4d.hot-pixels\", \"parameters\": {\"mask\": \"@hot.nothing\"}}"), out, "w.json"),
					ProgressMonitor.NULL));
			assertTrue(x.getMessage().contains("step 'hot' has no output 'nothing'; its outputs are: mean, mask"), x.getMessage());
			try (Stream<Path> s = Files.list(out)) {
				assertFalse(s.findAny().isPresent(), "nothing computed or written before validation passed");
			}
		}
		WorkflowException x = assertThrows(WorkflowException.class, () -> Workflow.parse("{\"inputs\": [\"a\"], \"stepz\": []}", out, "w.json"));
		assertEquals("w.json: unknown member 'stepz'; a workflow has dataset, description, input, inputs, navigation_rank, output, slice, steps",
				x.getMessage());
		x = assertThrows(WorkflowException.class, () -> new WorkflowRunner(OPS, new Loaders(), Engine.inline())
				.run(Workflow.parse("{\"inputs\": [\"nothing-*.h5\"], \"steps\": [{\"operation\": \"x\"}]}", out, "w.json"), ProgressMonitor.NULL));
		assertTrue(x.getMessage().contains("input pattern 'nothing-*.h5' matches no file"), x.getMessage());
	}

	@Test
	void anUnknownResultsStoreIsNamedBeforeAnyWork() throws Exception {
		Path out = TestData.tempDir("workflow-store");
		String json = workflow(out, STEPS).replace("\"output\": {", "\"output\": {\"store\": \"zarr\", ");
		try (Engine e = new Engine(Engine.Config.defaults(), stores())) {
			WorkflowException x = assertThrows(WorkflowException.class,
					() -> new WorkflowRunner(OPS, new Loaders(), e).run(Workflow.parse(json, out, "w.json"), ProgressMonitor.NULL));
			// (installed: emd1) on dev/quicktest's class path, (installed: emd1, nexus) under OSGi, where RerunTest needs the NeXus store
			assertTrue(x.getMessage().startsWith("w.json: output.store: no results store 'zarr' is installed (installed: emd1"), x.getMessage());
			try (Stream<Path> s = Files.list(out)) {
				assertFalse(s.findAny().isPresent(), "nothing computed or written");
			}
		}
	}
}
