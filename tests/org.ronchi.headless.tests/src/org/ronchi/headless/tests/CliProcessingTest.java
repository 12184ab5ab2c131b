package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.ResultsCompare;
import org.ronchi.tests.support.TestData;

/** `ronchi ops`, `ronchi run` and `ronchi demo` with the operation services of the product (OSGi). */
class CliProcessingTest {

	@BeforeEach
	void needsOsgi() {
		Assumptions.assumeTrue(Cli.osgiRegistry() != null, "needs the OSGi service registry (runs under tycho-surefire)");
	}

	@Test
	void opsListsRegisteredOperationsWithSchemas() {
		Cli.Run r = Cli.run("ops", "--json");
		assertEquals(0, r.exit(), r.err());
		String all = r.out();
		JsonArray ops = JsonParser.parseString(all).isJsonArray() ? JsonParser.parseString(all).getAsJsonArray()
				: JsonParser.parseString(all).getAsJsonObject().getAsJsonArray("operations");
		assertTrue(ops.size() >= 10, all);
		assertTrue(all.contains("stem4d.virtual-bf-adf") && all.contains("stem4d.com-dpc"), all);
		assertTrue(all.contains("bf_radius"), "parameter schemas listed: " + all);
	}

	private static Path workflow(Path dir, String steps) throws Exception {
		String root = TestData.root().toString();
		Path w = dir.resolve("w.json");
		Files.writeString(w, """
				{"inputs": ["%s/emd_ncem/prismatic/Si100_4D.emd", "%s/py4dstem/rsciio/*.h5"],
				 "steps": [%s],
				 "output": {"directory": "%s"}}
				""".formatted(root, root, steps, dir.resolve("out")));
		return w;
	}

	@Test
	void runsABatchWorkflowOverRealFilesWithProvenance() throws Exception {
		Path dir = TestData.tempDir("run");
		Path w = workflow(dir, """
				{"name": "images", "operation": "stem4d.virtual-bf-adf"},
				{"name": "mean", "operation": "stem4d.virtual-diffraction", "parameters": {"reduce": "mean"}}""");
		Cli.Run r = Cli.run("run", w.toString());
		assertEquals(0, r.exit(), r.err());
		Path results = dir.resolve("out/py4DSTEM_size2x3x4x5_results.h5");
		assertTrue(Files.isRegularFile(results), r.out());
		try (Stream<Path> s = Files.list(dir.resolve("out"))) {
			assertEquals(2, s.filter(p -> p.toString().endsWith("_results.h5")).count());
		}
		Python.assumeModules("h5py");
		String prov = Python.check("""
				import sys, h5py
				f = h5py.File(sys.argv[1], 'r')
				g = [k for k in f if 'virtual_bf_adf' in k][0]
				a = f[g].attrs
				print(all(k in a for k in ('source_dataset',)), len([k for k in a.keys()]) >= 5)
				""", results.toString());
		assertEquals("True True", prov);
	}

	@Test
	void rerunRecreatesAResultsFileAndComparesEveryDataset() throws Exception {
		Path dir = TestData.tempDir("rerun");
		Path w = workflow(dir, """
				{"name": "images", "operation": "stem4d.virtual-bf-adf"},
				{"name": "hot", "operation": "stem4d.find-hot-pixels", "parameters": {"threshold": 2}},
				{"name": "clean", "operation": "stem4d.hot-pixels", "parameters": {"mask": "@hot.mask"}},
				{"name": "mean", "operation": "stem4d.virtual-diffraction", "input": "clean.data"}""");
		assertEquals(0, Cli.run("run", w.toString()).exit());
		Path results = dir.resolve("out/Si100_4D_results.h5");
		Cli.Run r = Cli.run("rerun", results.toString(), "--out", dir.resolve("again").toString());
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().startsWith("rerun of " + results + " (emd1) into " + dir.resolve("again/Si100_4D_results.h5")), r.out());
		assertTrue(r.out().contains("data-stem4d.virtual_diffraction_000  stem4d.virtual-diffraction version 1"), r.out());
		assertTrue(r.out().matches("(?s).*\\n    pattern +\\(8, 8\\) +float64 +identical\\n.*"), r.out());
		assertTrue(r.out().endsWith("identical: 6 of 6 datasets identical\n"), r.out());
		assertTrue(ResultsCompare.sameDatasets(results, dir.resolve("again/Si100_4D_results.h5")) >= 6);

		Cli.Run twice = Cli.run("rerun", results.toString(), "--out", dir.resolve("again").toString());
		assertEquals(1, twice.exit());
		assertTrue(twice.err().startsWith("ronchi: ") && twice.err().contains("never replaces one") && twice.err().lines().count() == 1, twice.err());
		Cli.Run notResults = Cli.run("rerun", TestData.real("emd_ncem/prismatic/Si100_4D.emd").toString());
		assertEquals(1, notResults.exit());
		assertTrue(notResults.err().contains("is not a results file of an installed results store"), notResults.err());
	}

	@Test
	void aBadParameterIsNamedBeforeAnyWork() throws Exception {
		Path dir = TestData.tempDir("run");
		Path w = workflow(dir, """
				{"name": "wide", "operation": "stem4d.virtual-bf-adf", "parameters": {"bf_radius": 40}}""");
		Cli.Run r = Cli.run("run", w.toString());
		assertEquals(2, r.exit(), r.out() + r.err());
		assertTrue(r.err().contains("bf_radius"), r.err());
		assertTrue(!Files.exists(dir.resolve("out")) || Files.list(dir.resolve("out")).findAny().isEmpty(), "no work done");
		Cli.Run unknown = Cli.run("run", workflow(dir, "{\"name\": \"x\", \"operation\": \"nope.nothing\"}").toString());
		assertEquals(2, unknown.exit());
		assertTrue(unknown.err().contains("nope.nothing"), unknown.err());
	}

	@Test
	void demoRunsTheDefaultWorkflowAndWritesPreviews() throws Exception {
		Path dir = TestData.tempDir("demo");
		Cli.Run r = Cli.run("demo", "--out", dir.toString());
		assertEquals(0, r.exit(), r.err());
		try (Stream<Path> s = Files.list(dir)) {
			assertTrue(s.anyMatch(p -> p.toString().endsWith(".png")), r.out());
		}
		assertTrue(r.out().toLowerCase().contains("bf"), r.out());
	}
}
