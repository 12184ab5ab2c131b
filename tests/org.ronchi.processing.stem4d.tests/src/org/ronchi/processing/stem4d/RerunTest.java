package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.processing.Engine;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.MemorySource;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.Setup;
import org.ronchi.processing.results.Checksums;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.processing.results.StoredRun;
import org.ronchi.processing.workflow.Rerun;
import org.ronchi.processing.workflow.RerunReport;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowException;
import org.ronchi.processing.workflow.WorkflowRunner;
import org.ronchi.tests.support.ResultsCompare;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * Recipes: results files re-create themselves ({@link Rerun}) bit for bit on another engine set-up, and
 * say why when they cannot; recorded workflows pin operation versions and input checksums; a slice of
 * a dataset is processed and recorded.
 */
class RerunTest {
	private static final String STEPS = """
			{"name": "images", "operation": "stem4d.virtual-bf-adf"},
			{"name": "hot", "operation": "stem4d.find-hot-pixels", "parameters": {"threshold": 2}},
			{"name": "clean", "operation": "stem4d.hot-pixels", "parameters": {"mask": "@hot.mask"}},
			{"name": "mean", "operation": "stem4d.virtual-diffraction", "input": "clean.data", "parameters": {"reduce": "mean"}},
			{"name": "com", "operation": "stem4d.com-dpc", "parameters": {"rotation": 10}}
			""";

	private static String workflow(String inputs, Path out, String steps) {
		return """
				{"inputs": [%s], "steps": [%s], "output": {"directory": "%s"}}
				""".formatted(inputs, steps, out.toString().replace('\\', '/'));
	}

	@Test
	void aResultsFileIsRecreatedBitForBitOnAnotherEngineSetUp() throws Exception {
		Path out = TestData.tempDir("rerun");
		Path input = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		Workflow w = Workflow.parse(workflow("\"" + input.toString().replace('\\', '/') + "\"", out, STEPS), out, "w.json");
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), WorkflowTest.stores())) {
			new WorkflowRunner(WorkflowTest.OPS, new Loaders(), e).run(w, ProgressMonitor.NULL);
		}
		Path results = out.resolve("Si100_4D_results.h5");
		Path again = TestData.tempDir("rerun-out");
		RerunReport r;
		// one thread, tiles of one frame: other partitions, other grains per partition than the recording
		try (Engine e = new Engine(Engine.Config.defaults().threads(1).tileBytes(1).memoryBudget(32 << 20), WorkflowTest.stores())) {
			r = new Rerun(WorkflowTest.OPS, new Loaders(), e).run(results, again, ProgressMonitor.NULL);
		}
		assertTrue(r.identical(), r.text());
		assertEquals(5, r.runs().size(), r.text());
		int datasets = r.runs().stream().mapToInt(c -> c.datasets().size()).sum();
		assertTrue(r.text().contains("identical: " + datasets + " of " + datasets + " datasets identical"), r.text());
		assertTrue(r.runs().stream().allMatch(c -> c.notes().isEmpty()), r.text());
		assertEquals(again.resolve("Si100_4D_results.h5"), r.rerunFile());
		assertTrue(datasets >= 10, r.text());
		// h5py sees the same: every dataset of every run (outputs, coordinates, stored mask) byte for byte
		assertTrue(ResultsCompare.sameDatasets(results, r.rerunFile()) > datasets);

		// the chained step records where its input and its mask came from; the file input its checksum
		List<StoredRun> runs = WorkflowTest.stores().get("emd1").runs(results);
		assertEquals(Checksums.sha256(input), run(runs, "stem4d.virtual-bf-adf").provenance().sourceChecksum());
		StoredRun clean = run(runs, "stem4d.hot-pixels");
		assertTrue(clean.provenance().parameterSources().get("mask").endsWith("/mask/data"), clean.provenance().parameterSources().toString());
		StoredRun mean = run(runs, "stem4d.virtual-diffraction");
		assertEquals("", mean.provenance().sourceChecksum(), "a chained step's identity is its upstream run");

		// without --out: verified in a temporary file, nothing left behind; an existing file is never replaced
		try (Engine e = new Engine(Engine.Config.defaults().threads(3), WorkflowTest.stores())) {
			RerunReport tmp = new Rerun(WorkflowTest.OPS, new Loaders(), e).run(results, null, ProgressMonitor.NULL);
			assertTrue(tmp.identical(), tmp.text());
			assertNull(tmp.rerunFile());
			ProcessingException x = assertThrows(ProcessingException.class,
					() -> new Rerun(WorkflowTest.OPS, new Loaders(), e).run(results, again, ProgressMonitor.NULL));
			assertTrue(x.getMessage().contains("never replaces one"), x.getMessage());
			x = assertThrows(ProcessingException.class, () -> new Rerun(WorkflowTest.OPS, new Loaders(), e).run(input, null, ProgressMonitor.NULL));
			assertTrue(x.getMessage().contains("is not a results file of an installed results store (installed: emd1"), x.getMessage());
		}
	}

	@Test
	void aNexusResultsFileIsRecreatedBitForBit() throws Exception {
		Path out = TestData.tempDir("rerun-nexus");
		Path input = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		String json = workflow("\"" + input.toString().replace('\\', '/') + "\"", out, STEPS).replace("\"output\": {", "\"output\": {\"store\": \"nexus\", ");
		ResultsStores stores = nexusStores();
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), stores)) {
			new WorkflowRunner(WorkflowTest.OPS, new Loaders(), e).run(Workflow.parse(json, out, "w.json"), ProgressMonitor.NULL);
		}
		Path results = out.resolve("Si100_4D_results.h5");
		assertTrue(stores.get("nexus").owns(results));
		assertFalse(stores.get("emd1").owns(results));
		// the NeXus store keeps what a rerun needs as the EMD 1.0 store does: checksum, where the mask came from
		List<StoredRun> runs = stores.get("nexus").runs(results);
		assertEquals(Checksums.sha256(input), run(runs, "stem4d.virtual-bf-adf").provenance().sourceChecksum());
		String mask = run(runs, "stem4d.hot-pixels").provenance().parameterSources().get("mask");
		assertTrue(mask != null && mask.endsWith("/mask/data"), String.valueOf(mask));

		Path again = TestData.tempDir("rerun-nexus-out");
		RerunReport r;
		try (Engine e = new Engine(Engine.Config.defaults().threads(1).tileBytes(1).memoryBudget(32 << 20), stores)) {
			r = new Rerun(WorkflowTest.OPS, new Loaders(), e).run(results, again, ProgressMonitor.NULL);
		}
		assertTrue(r.identical(), r.text());
		assertEquals("nexus", r.store());
		assertEquals(5, r.runs().size(), r.text());
		assertTrue(r.runs().stream().allMatch(c -> c.notes().isEmpty()), r.text());
		assertTrue(stores.get("nexus").owns(r.rerunFile()), "re-created by the store that wrote it");
		int datasets = r.runs().stream().mapToInt(c -> c.datasets().size()).sum();
		assertTrue(datasets >= 10, r.text());
		assertTrue(ResultsCompare.sameDatasets(results, r.rerunFile()) > datasets);
	}

	/** @return the EMD 1.0 and the NeXus results stores */
	private static ResultsStores nexusStores() {
		return ResultsStores.of(Services.all(RerunTest.class, ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore",
				"org.ronchi.io.nexus.internal.NexusResultsStore"));
	}

	@Test
	void aChangedInputOrOperationVersionIsNamed() throws Exception {
		Path dir = TestData.tempDir("rerun-changes");
		Path input = dir.resolve("scan.h5");
		writeScan(input, 1);
		Workflow w = Workflow.parse(workflow("\"scan.h5\"", dir.resolve("results"), STEPS), dir, "w.json");
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), WorkflowTest.stores())) {
			new WorkflowRunner(WorkflowTest.OPS, new Loaders(), e).run(w, ProgressMonitor.NULL);
		}
		Path results = dir.resolve("results/scan_results.h5");

		// another version of one operation (same computation here): said, and the data still compared
		List<Operation> ops = new ArrayList<>(WorkflowTest.OPS.operations());
		ops.replaceAll(o -> o.id().equals("stem4d.virtual-bf-adf") ? new Versioned(o, "2") : o);
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), WorkflowTest.stores())) {
			RerunReport r = new Rerun(OperationRegistry.of(ops), new Loaders(), e).run(results, null, ProgressMonitor.NULL);
			RerunReport.RunCheck images = check(r, "stem4d.virtual-bf-adf");
			assertEquals(List.of("operation version changed: 1 recorded, 2 installed"), images.notes(), r.text());
			assertTrue(images.identical(), r.text());
		}

		// the input rewritten with other counts: every run differs, and says why
		writeScan(input, 2);
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), WorkflowTest.stores())) {
			RerunReport r = new Rerun(WorkflowTest.OPS, new Loaders(), e).run(results, null, ProgressMonitor.NULL);
			assertFalse(r.identical(), r.text());
			RerunReport.RunCheck images = check(r, "stem4d.virtual-bf-adf");
			assertTrue(images.notes().get(0).startsWith("input changed: scan.h5 has checksum sha256:"), r.text());
			assertFalse(images.datasets().get(0).identical());
			assertTrue(images.datasets().get(0).detail().matches("\\d+ of 42 values, max \\|difference\\| .*"), r.text());
			RerunReport.RunCheck mean = check(r, "stem4d.virtual-diffraction");
			assertEquals(List.of("the run its input comes from differs"), mean.notes(), r.text());
			assertTrue(r.text().contains("NOT identical"), r.text());
		}
	}

	@Test
	void recordedWorkflowsPinVersionsAndChecksums() throws Exception {
		Path dir = TestData.tempDir("pinned");
		Path input = dir.resolve("scan.h5");
		writeScan(input, 1);
		String sum = Checksums.sha256(input).substring(Checksums.SHA256.length());
		String pinned = """
				{"description": "recorded", "inputs": [{"file": "scan.h5", "sha256": "%s"}], "dataset": "/data/cube", "navigation_rank": 2,
				 "steps": [{"name": "bf", "operation": "stem4d.virtual-image", "version": "1",
				            "parameters": {"detector": "circle", "center": [3.5, 2.5], "radius": 2.5}}],
				 "output": {"directory": "out"}}
				""".formatted(sum);
		Workflow w = Workflow.parse(pinned, dir, "pinned.json");
		assertEquals(w.toJson(), Workflow.parse(w.toJson(), dir, "again.json").toJson(), "written JSON reads back to the same workflow");
		assertEquals("sha256:" + sum, w.checksums().get("scan.h5"));
		assertEquals("1", w.steps().get(0).version());
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), WorkflowTest.stores())) {
			WorkflowRunner runner = new WorkflowRunner(WorkflowTest.OPS, new Loaders(), e);
			assertEquals("COMPUTED", runner.run(w, ProgressMonitor.NULL).inputs().get(0).steps().get(0).status());
			WorkflowException x = assertThrows(WorkflowException.class,
					() -> runner.run(Workflow.parse(pinned.replace("\"version\": \"1\"", "\"version\": \"0\""), dir, "old.json"), ProgressMonitor.NULL));
			assertEquals("old.json: step 'bf': was recorded with stem4d.virtual-image version 0; the installed version is 1 and may give other "
					+ "results (remove \"version\" from the step to run it anyway)", x.getMessage());
			writeScan(input, 3);
			x = assertThrows(WorkflowException.class, () -> runner.run(w, ProgressMonitor.NULL));
			assertTrue(x.getMessage().contains("has changed since the workflow was recorded: its checksum is sha256:"), x.getMessage());
			assertFalse(Files.exists(dir.resolve("out/scan_results.h5.partial")));
		}
		WorkflowException x = assertThrows(WorkflowException.class,
				() -> Workflow.parse(pinned.replace(sum, "abc"), dir, "bad.json"));
		assertEquals("bad.json: input scan.h5: 'sha256' must be 64 hexadecimal digits", x.getMessage());
	}

	@Test
	void aSliceOfADatasetIsProcessedRecordedAndRerun() throws Exception {
		Path dir = TestData.tempDir("slice");
		Path input = dir.resolve("series.h5");
		long[] shape = { 3, 5, 6, 7, 8 };
		MemorySource src = random(shape, 9);
		Hdf5Writer.write(input, root -> root.group("data").dataset("series", DType.FLOAT32, shape, DatasetOptions.chunked(1, 1, 6, 7, 8))
				.writeFrom(src, null));
		String json = """
				{"inputs": ["series.h5"], "dataset": "/data/series", "slice": "2, ...", "navigation_rank": 2,
				 "steps": [{"name": "bf", "operation": "stem4d.virtual-image", "parameters": {"detector": "circle", "radius": 2}}],
				 "output": {"directory": "out"}}
				""";
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), WorkflowTest.stores())) {
			var rep = new WorkflowRunner(WorkflowTest.OPS, new Loaders(), e).run(Workflow.parse(json, dir, "s.json"), ProgressMonitor.NULL);
			assertEquals("/data/series", rep.inputs().get(0).dataset());
		}
		Path results = dir.resolve("out/series_results.h5");
		StoredRun run = WorkflowTest.stores().get("emd1").runs(results).get(0);
		assertEquals("2, ...", run.provenance().sourceSlice());
		assertArrayEquals(new long[] { 5, 6, 7, 8 }, run.provenance().sourceShape());
		// the same as the operation on that 4-D cube directly
		long[] cube = { 5, 6, 7, 8 };
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(5 * 6 * 7 * 8 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		src.readInto(new long[] { 2, 0, 0, 0, 0 }, new int[] { 1, 5, 6, 7, 8 }, b);
		ArrayNode direct = new ArrayNode("cube", new MemorySource(DType.FLOAT32, cube, b.flip(), null));
		double[] expected;
		try (Engine e = Engine.inline()) {
			expected = values(e.run(RunRequest.of(new VirtualImage(), direct).params(Map.of("detector", "circle", "radius", 2)).navRank(2))
					.output("image"));
		}
		try (var opened = WorkflowTest.stores().get("emd1").open(results, run.name())) {
			assertArrayEquals(expected, values(opened.outputs().get(0)), 0.0);
		}
		try (Engine e = new Engine(Engine.Config.defaults().threads(1), WorkflowTest.stores())) {
			RerunReport r = new Rerun(WorkflowTest.OPS, new Loaders(), e).run(results, null, ProgressMonitor.NULL);
			assertTrue(r.identical(), r.text());
		}
	}

	private static StoredRun run(List<StoredRun> runs, String operation) {
		return runs.stream().filter(s -> s.provenance().operation().equals(operation)).findFirst().orElseThrow();
	}

	private static RerunReport.RunCheck check(RerunReport r, String operation) {
		return r.runs().stream().filter(c -> c.operation().equals(operation)).findFirst().orElseThrow();
	}

	/** A (6, 7) scan of (6, 7) float32 patterns at /data/cube, different counts for each seed. */
	private static void writeScan(Path f, long seed) throws Exception {
		long[] shape = { 6, 7, 6, 7 };
		MemorySource src = random(shape, seed);
		Path tmp = f.resolveSibling(f.getFileName() + ".new");
		Files.deleteIfExists(tmp);
		Hdf5Writer.write(tmp, root -> root.group("data").dataset("cube", DType.FLOAT32, shape, DatasetOptions.chunked(2, 7, 6, 7))
				.writeFrom(src, null));
		Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + seed * 2000));
	}

	private static MemorySource random(long[] shape, long seed) {
		int n = Math.toIntExact(Shapes.size(shape));
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		SplittableRandom r = new SplittableRandom(seed);
		for (int i = 0; i < n; i++) {
			b.putFloat((float) (r.nextDouble() * (i % 13 == 0 ? 50 : 1)));
		}
		return new MemorySource(DType.FLOAT32, shape, b.flip(), null);
	}

	private static double[] values(ArrayNode a) {
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		double[] out = new double[(int) d.getSize()];
		for (int i = 0; i < out.length; i++) {
			out[i] = d.getElementDoubleAbs(i);
		}
		return out;
	}

	/** An operation as installed in another version: the same computation under another version string. */
	private record Versioned(Operation op, String version) implements Operation {
		@Override
		public String id() {
			return op.id();
		}

		@Override
		public String name() {
			return op.name();
		}

		@Override
		public String description() {
			return op.description();
		}

		@Override
		public List<Parameter> parameters() {
			return op.parameters();
		}

		@Override
		public InputSpec input() {
			return op.input();
		}

		@Override
		public Kernel prepare(Setup setup) {
			return op.prepare(setup);
		}
	}
}
