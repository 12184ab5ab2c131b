package org.ronchi.io.blockfile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.blockfile.internal.BlockfileLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/** The real blockfile against MANIFEST.md (HyperSpy 1.7.3's reading: shape, dtype, sum, axes, date). */
class BlockfileConformanceTest {

	static void assertAxis(Axis a, String name, String units, long size, double scale, boolean navigate) {
		assertEquals(name, a.name(), "name of " + a);
		assertEquals(units, a.units(), "units of " + a);
		assertEquals(size, a.size(), "size of " + a);
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-5, "scale of " + a);
		assertEquals(0, a.offset(), "offset of " + a);
		assertEquals(navigate, a.navigate(), "navigate of " + a);
	}

	@Test
	void astarTestFile() throws Exception {
		try (FileProbe p = FileProbe.of(TestData.real("raw4d/blockfile/test1.blo"))) {
			assertEquals(BlockfileLoader.SPECIFIC, new BlockfileLoader().probe(p));
		}
		try (DataFile f = new BlockfileLoader().open(TestData.real("raw4d/blockfile/test1.blo"), Map.of())) {
			assertEquals("Blockfile", f.format());
			assertEquals(2, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertEquals(DType.UINT8, n.dtype());
			assertArrayEquals(new long[] { 3, 2, 144, 144 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			assertEquals(5164570, Arrays2.sum(d));
			// HyperSpy 1.7.3: data[0, 0, 70, 70] = 252, pattern (2, 1) sums to 870149, (1, 0) to 861801
			assertEquals(252, d.getInt(0, 0, 70, 70));
			assertEquals(870149, Arrays2.sum(n.source().read(new long[] { 2, 1, 0, 0 }, new int[] { 1, 1, 144, 144 })));
			assertEquals(861801, Arrays2.sum(n.source().read(new long[] { 1, 0, 0, 0 }, new int[] { 1, 1, 144, 144 })));
			assertAxis(n.axes().get(0), "y", "nm", 3, 12.8, true);
			assertAxis(n.axes().get(1), "x", "nm", 2, 12.8, true);
			assertAxis(n.axes().get(2), "dy", "cm", 144, 0.0160617, false);
			assertAxis(n.axes().get(3), "dx", "cm", 144, 100.0 / 6226, false);
			assertEquals("diffraction", n.kind());
			assertEquals(200.0, ((Quantity) n.metadata().get("acquisition.instrument.beam_energy")).value(), 1e-9);
			assertEquals(200.0, ((Quantity) n.metadata().get("acquisition.instrument.camera_length")).value(), 1e-9);
			assertEquals("2015-12-01T15:40:59.812", n.metadata().get("general.date_time"));
			assertEquals(2, n.originalMetadata().at("blockfile_header", "NX"));
			assertEquals(2500, n.originalMetadata().at("blockfile_header", "Scan_rotation"));
			assertTrue(String.valueOf(n.originalMetadata().at("blockfile_header", "Note")).startsWith("Precession angle : "));

			ArrayNode vbf = f.signals().get(1);
			assertArrayEquals(new long[] { 3, 2 }, vbf.shape());
			assertEquals("image", vbf.kind());
			assertAxis(vbf.axes().get(0), "y", "nm", 3, 12.8, false);
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}
}
