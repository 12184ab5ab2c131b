package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.TestData;

/**
 * Under OSGi with every loader of the product registered: the registry picks each format by content,
 * and the CLI reports signals and standard metadata the same way for all of them.
 */
class CliFormatsTest {

	@BeforeEach
	void needsOsgi() {
		Assumptions.assumeTrue(Cli.osgiRegistry() != null, "needs the OSGi service registry (runs under tycho-surefire)");
	}

	private static JsonObject json(String... args) {
		Cli.Run r = Cli.run(args);
		assertEquals(0, r.exit(), r.err());
		return JsonParser.parseString(r.out()).getAsJsonObject();
	}

	@Test
	void tiaEmiOpensBothDetectors() {
		Path f = TestData.real("ser_emi/rsciio_old/16x16_STEM_BF_DF_search.emi");
		JsonObject o = json("info", f.toString(), "--json");
		assertEquals("TIA", o.get("format").getAsString());
		assertEquals(2, o.getAsJsonArray("datasets").size());
		JsonObject x = o.getAsJsonArray("datasets").get(0).getAsJsonObject().getAsJsonArray("axes").get(1).getAsJsonObject();
		assertEquals("nm", x.get("units").getAsString());
		assertEquals(22.026285, x.get("scale").getAsDouble(), 1e-5);
	}

	@Test
	void mrcIsPickedByContent() {
		Path f = TestData.real("mrc/rsciio_DE/HAADFscan.mrc");
		JsonObject o = json("info", f.toString(), "--json");
		assertEquals("MRC", o.get("format").getAsString());
		assertEquals("[16,16]", o.getAsJsonArray("datasets").get(0).getAsJsonObject().get("shape").toString());
	}

	@Test
	void metadataJsonGivesTheStandardTreeWithUnits() {
		Path f = TestData.real("ser_emi/rsciio_old/64x64_TEM_images_acquire.emi");
		JsonObject o = json("metadata", f.toString(), "--json");
		JsonObject beam = o.getAsJsonArray("signals").get(0).getAsJsonObject().getAsJsonObject("metadata")
				.getAsJsonObject("acquisition").getAsJsonObject("instrument").getAsJsonObject("beam_energy");
		assertEquals(200.0, beam.get("value").getAsDouble(), 1e-9);
		assertEquals("kV", beam.get("units").getAsString());
		JsonObject orig = json("metadata", f.toString(), "--original", "--json");
		assertTrue(orig.getAsJsonArray("signals").get(0).getAsJsonObject().getAsJsonObject("metadata").size() > 0);
	}

	@Test
	void convertDmToUsidAndBackThroughTheRegistry() throws Exception {
		Path dm = TestData.real("dm/rsciio/2D/test_STEM_image.dm3");
		Path out = TestData.tempDir("conv").resolve("stem.h5");
		Cli.Run r = Cli.run("convert", dm.toString(), out.toString(), "--to", "usid");
		assertEquals(0, r.exit(), r.err());
		JsonObject o = json("info", out.toString(), "--json");
		assertEquals("h5USID", o.get("format").getAsString());
		JsonObject main = o.getAsJsonArray("datasets").get(0).getAsJsonObject();
		assertEquals("usid-main", main.get("kind").getAsString());
		assertEquals("[1,4624]", main.get("shape").toString()); // one position, the image as spectroscopic values (HyperSpy's USID layout for a signal without navigation)
		Path npy = out.resolveSibling("stem.npy");
		r = Cli.run("export", out.toString(), "signal:0", "--ndim", "--squeeze", "--npy", npy.toString());
		assertEquals(0, r.exit(), r.err());
		org.eclipse.january.dataset.Dataset d = org.ronchi.core.npy.NpyReader.read(npy).data();
		assertEquals("[68, 68]", java.util.Arrays.toString(d.getShape()));
		assertEquals(150998555.0, ((Number) d.cast(org.eclipse.january.dataset.DoubleDataset.class).sum()).doubleValue(), 0.5);
		org.ronchi.tests.support.Python.assumeModules("h5py");
		String refs = org.ronchi.tests.support.Python.check("""
				import h5py, sys
				f = h5py.File(sys.argv[1], 'r')
				def find(name, obj):
				    if isinstance(obj, h5py.Dataset) and 'Position_Indices' in obj.attrs:
				        print(all(f[obj.attrs[k]].shape[0] > 0 for k in ('Position_Indices', 'Position_Values', 'Spectroscopic_Indices', 'Spectroscopic_Values')))
				        return True
				f.visititems(find)
				""", out.toString());
		assertEquals("True", refs);
	}

	@Test
	void convertToEmd1AndNcemKeepsDataAndAxes() {
		Path src = TestData.real("emd_ncem/prismatic/Si100_3D.emd");
		for (String to : new String[] { "emd1", "ncem" }) {
			Path out = TestData.tempDir("conv").resolve("si." + to + ".emd");
			Cli.Run r = Cli.run("convert", src.toString(), out.toString(), "--to", to);
			assertEquals(0, r.exit(), r.err());
			JsonObject a = json("info", src.toString(), "--json").getAsJsonArray("datasets").get(0).getAsJsonObject();
			JsonObject b = json("info", out.toString(), "--json").getAsJsonArray("datasets").get(0).getAsJsonObject();
			assertEquals(a.get("shape"), b.get("shape"), to);
			assertEquals(a.get("dtype"), b.get("dtype"), to);
			assertEquals(a.getAsJsonArray("axes").get(0).getAsJsonObject().get("units"),
					b.getAsJsonArray("axes").get(0).getAsJsonObject().get("units"), to);
		}
		Cli.Run bad = Cli.run("convert", src.toString(), TestData.tempDir("conv").resolve("x.h5").toString(), "--to", "tiff");
		assertEquals(2, bad.exit(), "an unknown --to is a bad request (issue 10: exit 2, naming the installed writers)");
		assertTrue(bad.err().contains("unsupported target format"), bad.err());
		// every writer the runtime holds is named (later format bundles add theirs)
		for (String id : new String[] { "emd1", "ncem", "usid" }) {
			assertTrue(bad.err().matches("(?s).*installed: [^)]*\\b" + id + "\\b.*"), bad.err());
		}
	}

	@Test
	void loaderOptionsReachTheLoader() {
		Path si = TestData.real("velox_emd/hyperspy_history/example_fei_emd_si.emd");
		JsonObject summed = json("info", si.toString(), "--json");
		JsonObject frames = json("info", si.toString(), "--json", "-o", "sum_frames=false");
		String lastSummed = summed.getAsJsonArray("datasets").get(summed.getAsJsonArray("datasets").size() - 1).getAsJsonObject().get("shape").toString();
		String lastFrames = frames.getAsJsonArray("datasets").get(frames.getAsJsonArray("datasets").size() - 1).getAsJsonObject().get("shape").toString();
		assertEquals("[16,16,4096]", lastSummed);
		assertEquals("[5,16,16,4096]", lastFrames);
		Cli.Run bad = Cli.run("info", si.toString(), "-o", "frobnicate=1");
		assertEquals(1, bad.exit());
		assertTrue(bad.err().contains("frobnicate"), bad.err());
	}
}
