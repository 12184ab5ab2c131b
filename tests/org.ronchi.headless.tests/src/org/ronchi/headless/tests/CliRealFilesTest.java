package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/** `ronchi info --json` and `ronchi export` on real files, against MANIFEST.md and h5py. */
class CliRealFilesTest {

	@Test
	void infoJsonOnSimulatedStemImage() {
		Path f = TestData.real("usid/pyUSID/simulated_STEM_Image.h5");
		Cli.Run r = Cli.run("info", f.toString(), "--json");
		assertEquals(0, r.exit(), r.err());
		JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
		assertEquals(f.toString(), o.get("file").getAsString());
		assertTrue(o.has("format") && o.has("format_version"));
		JsonObject raw = find(o.getAsJsonArray("datasets"), "/Measurement_000/Channel_000/Raw_Data");
		assertEquals("[65536,1]", raw.get("shape").toString());
		assertEquals("uint8", raw.get("dtype").getAsString());
		assertEquals(2, raw.getAsJsonArray("axes").size());
		for (String key : List.of("path", "title", "kind", "shape", "dtype", "axes")) {
			assertTrue(raw.has(key), key);
		}
	}

	@Test
	void exportWritesWhatH5pyReads() throws Exception {
		Path f = TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5");
		Path out = TestData.tempDir("cli").resolve("dc.npy");
		Cli.Run r = Cli.run("export", f.toString(), "/datacube_root/datacube/data", "--npy", out.toString());
		assertEquals(0, r.exit(), r.err());
		NpyReader.Npy npy = NpyReader.read(out);
		assertEquals("float32", npy.dtype().numpyName());
		Dataset d = npy.data();
		assertEquals("[2, 3, 4, 5]", java.util.Arrays.toString(d.getShape()));
		assertEquals(472.5212, d.getElementDoubleAbs(0), 1e-3);
		assertEquals(28255.87625, ((Number) d.cast(DoubleDataset.class).sum()).doubleValue(), 1e-2);
		Python.assumeModules("h5py", "numpy");
		String same = Python.check("""
				import h5py, numpy as np, sys
				a = np.load(sys.argv[1])
				b = h5py.File(sys.argv[2], 'r')['/datacube_root/datacube/data'][()]
				print(a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b))
				""", out.toString(), f.toString());
		assertEquals("True", same);
	}

	@Test
	void exportSliceReadsOnlyThatPartExactlyAsNumpy() throws Exception {
		Path f = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		String ds = "/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube";
		Path out = TestData.tempDir("cli").resolve("s.npy");
		Cli.Run r = Cli.run("export", f.toString(), ds, "--npy", out.toString(), "--slice", "0:2,::-3,5");
		assertEquals(0, r.exit(), r.err());
		Python.assumeModules("h5py", "numpy");
		String same = Python.check("""
				import h5py, numpy as np, sys
				a = np.load(sys.argv[1])
				b = h5py.File(sys.argv[2], 'r')[sys.argv[3]][()][0:2, ::-3, 5]
				print(a.shape == b.shape and np.array_equal(a, b))
				""", out.toString(), f.toString(), ds);
		assertEquals("True", same);
	}

	static Stream<Path> allHdf5() {
		return Stream.of("usid", "py4dstem", "emd_ncem", "velox_emd")
				.flatMap(d -> TestData.realFiles(d, ".h5", ".emd").stream());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allHdf5")
	void infoAndTreeWorkOnEveryHdf5File(Path f) {
		Cli.Run info = Cli.run("info", f.toString(), "--json");
		assertEquals(0, info.exit(), info.err());
		assertTrue(JsonParser.parseString(info.out()).getAsJsonObject().getAsJsonArray("datasets").size() > 0);
		Cli.Run tree = Cli.run("tree", f.toString(), "--attrs");
		assertEquals(0, tree.exit(), tree.err());
	}

	private static JsonObject find(JsonArray ds, String path) {
		for (var e : ds) {
			if (e.getAsJsonObject().get("path").getAsString().equals(path)) {
				return e.getAsJsonObject();
			}
		}
		throw new AssertionError(path + " not in " + ds);
	}
}
