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
class CliFormatsIT {

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
}
