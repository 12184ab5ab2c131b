package org.ronchi.io.tvips.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tvips.internal.TvipsLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/** The real TVIPS files against MANIFEST.md (HyperSpy 1.7.3's readings: shape, dtype, sum, axes). */
class TvipsConformanceTest {

	static void assertAxis(Axis a, String name, String units, long size, double scale, double offset, boolean navigate) {
		assertEquals(name, a.name(), "name of " + a);
		assertEquals(units, a.units(), "units of " + a);
		assertEquals(size, a.size(), "size of " + a);
		assertEquals(scale, a.scale(), 1e-9, "scale of " + a);
		assertEquals(offset, a.offset(), 1e-6, "offset of " + a);
		assertEquals(navigate, a.navigate(), "navigate of " + a);
	}

	static DataFile open(String name) throws Exception {
		Path p = TestData.real("raw4d/tvips/" + name);
		try (FileProbe probe = FileProbe.of(p)) {
			assertEquals(TvipsLoader.SPECIFIC, new TvipsLoader().probe(probe));
		}
		return new TvipsLoader().open(p, Map.of());
	}

	@Test
	void stackOfFourFrames() throws Exception {
		try (DataFile f = open("test_tvips_2233_000.tvips")) {
			assertEquals("TVIPS", f.format());
			assertEquals("2", f.formatVersion());
			ArrayNode n = f.signals().get(0);
			assertEquals(DType.UINT16, n.dtype());
			assertArrayEquals(new long[] { 4, 3, 3 }, n.shape());
			assertEquals(630, Arrays2.sum(Arrays2.readAll(n)));
			// time stamps 740399696 s + 0, 1, 2, 3 ms: RosettaSciIO's step, from 0 rather than the first time stamp
			assertAxis(n.axes().get(0), "time", "s", 4, 0.001, 0, true);
			assertAxis(n.axes().get(1), "dy", "1/nm", 3, 1, 0, false);
			assertAxis(n.axes().get(2), "dx", "1/nm", 3, 1, 0, false);
			assertEquals("diffraction", n.kind());
			assertEquals(200.0, ((Quantity) n.metadata().get("acquisition.instrument.beam_energy")).value());
			assertEquals("1993-06-18T10:34:56Z", n.metadata().get("general.date_time"));
			assertEquals(60L, n.originalMetadata().at("tvips_header", "frameheaderbytes"));
			assertEquals(1L, n.originalMetadata().at("first_frame_header", "rotidx"));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}

	@Test
	void stackOfSixFramesFourByFive() throws Exception {
		try (DataFile f = open("test_tvips_2345_000.tvips")) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 6, 4, 5 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			assertEquals(7140, Arrays2.sum(d));
			assertAxis(n.axes().get(0), "time", "s", 6, 0, 0, true);
			assertAxis(n.axes().get(1), "dy", "1/nm", 4, 1, 0, false);
			assertAxis(n.axes().get(2), "dx", "1/nm", 5, 1, 0, false);
		}
	}
}
