package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.metadata.Units;

class MetadataTest {

	@Test
	void sharedTreeShowsEditsCopyDoesNot() {
		MetadataTree m = new MetadataTree().set("calibration.Q_pixel_size", new Quantity(0.1, "1/A"));
		MetadataTree shared = m;
		MetadataTree copy = m.copy();
		m.set("calibration.Q_pixel_size", new Quantity(0.2, "1/A"));
		assertEquals(0.2, ((Quantity) shared.get("calibration.Q_pixel_size")).value());
		assertEquals(0.1, ((Quantity) copy.get("calibration.Q_pixel_size")).value());
	}

	@Test
	void findsKeysAnywhereAndKeepsVerbatimKeys() {
		MetadataTree t = new MetadataTree();
		t.branch("ImageList").branch("1").branch("ImageTags").put("align min. correlation coefficient", 0.5);
		assertEquals(0.5, t.find("align min. correlation coefficient").orElseThrow());
		assertEquals(0.5, t.at("ImageList", "1", "ImageTags", "align min. correlation coefficient"));
		assertEquals(1, t.findPaths("align min. correlation coefficient").size());
	}

	@Test
	void mappingAppliesUnitsScalesFallbacksAndDropsNonNumbers() throws Exception {
		String map = """
				# test mapping
				acquisition.instrument.beam_energy <- Beam/HV ; unit=kV ; scale=0.001
				acquisition.instrument.microscope <- System/Type
				acquisition.instrument.microscope <- */Name
				acquisition.instrument.working_distance <- Stage/WD ; unit=mm ; scale=1000
				general.date_time <- **/Time ; as=unixtime
				""";
		MetadataMapping mapping = MetadataMapping.parse(new ByteArrayInputStream(map.getBytes(StandardCharsets.UTF_8)), "test.map");
		MetadataTree orig = new MetadataTree();
		orig.branch("Beam").put("HV", "5000");
		orig.branch("Instrument").put("Name", "Titan");
		orig.branch("Stage").put("WD", "notafloat");
		orig.branch("Acq").branch("Deep").put("Time", 1488794201L);
		MetadataMapping.Result r = mapping.apply(orig);
		assertEquals(new Quantity(5.0, "kV"), r.standard().get("acquisition.instrument.beam_energy"));
		assertEquals("Titan", r.standard().get("acquisition.instrument.microscope"));
		assertNull(r.standard().get("acquisition.instrument.working_distance"));
		assertTrue(r.warnings().get(0).contains("notafloat"), r.warnings().toString());
		assertEquals("2017-03-06T09:56:41Z", r.standard().get("general.date_time"));
		assertSame(null, r.standard().get("sample"));
	}

	@Test
	void unitArithmetic() {
		assertEquals(1e-9, Units.factor("ns", "s"), 1e-24);
		assertEquals(1000.0, Units.factor("K X", ""));
		assertEquals(1.0, Units.factor("°", "deg"));
		assertEquals(Math.toDegrees(1), Units.factor("rad", "deg"), 1e-12);
		assertEquals(1e-3, Units.factor("pA", "nA"), 1e-18);
		assertEquals(1e-6, Units.factor("µm", "m"), 1e-21);
		assertNull(Units.factor("mm", "kV"));
		assertNull(Units.factor("furlong", "m"));
		assertEquals("µm", Units.compact(3.3724e-6, 512).unit());
		assertEquals(3.3724, Units.compact(3.3724e-6, 512).scale(), 1e-12);
		assertEquals("mm", Units.compact(2.64e-4, 768).unit());
		assertEquals("pm", Units.compact(2.3928e-11, 112).unit());
	}
}
