package org.ronchi.io.empad.tests;

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
import org.ronchi.io.empad.internal.EmpadLoader;
import org.ronchi.tests.support.Arrays2;

/**
 * The real EMPAD XMLs with their .raw written as RosettaSciIO's test_empad.py writes it, against what that
 * test expects (values, axes, date); the 1.2.2 XML against its recorded scan.
 */
class EmpadConformanceTest {

	static void assertAxis(Axis a, String name, String units, long size, double scale, double offset) {
		assertEquals(name, a.name(), "name of " + a);
		assertEquals(units, a.units(), "units of " + a);
		assertEquals(size, a.size(), "size of " + a);
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-6, "scale of " + a);
		assertEquals(offset, a.offset(), Math.abs(offset) * 1e-6, "offset of " + a);
	}

	@Test
	void map4x4() throws Exception {
		Path xml = EmpadFiles.realXml("map4x4.xml");
		EmpadFiles.writeArangeRaw(xml, "scan_x4_y4.raw", 16);
		try (FileProbe p = FileProbe.of(xml)) {
			assertEquals(EmpadLoader.SPECIFIC, new EmpadLoader().probe(p));
		}
		try (DataFile f = new EmpadLoader().open(xml, Map.of())) {
			assertEquals("EMPAD", f.format());
			assertEquals("0.51 211118", f.formatVersion());
			ArrayNode n = f.signals().get(0);
			assertEquals(DType.FLOAT32, n.dtype());
			assertArrayEquals(new long[] { 4, 4, 128, 128 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			for (int y = 0; y < 4; y++) {
				for (int x = 0; x < 4; x++) {
					for (int r : new int[] { 0, 1, 64, 127 }) {
						for (int c : new int[] { 0, 5, 127 }) {
							assertEquals(EmpadFiles.value(y * 4 + x, r, c), d.getFloat(y, x, r, c), 0, y + "," + x + "," + r + "," + c);
						}
					}
				}
			}
			// RosettaSciIO: scan axes 1.1415856 µm, pattern axes 0.1826537 1/nm from -11.689837
			assertAxis(n.axes().get(0), "scan_y", "nm", 4, 1141.5856, 0);
			assertAxis(n.axes().get(1), "scan_x", "nm", 4, 1141.5856, 0);
			assertAxis(n.axes().get(2), "height", "1/nm", 128, 0.1826537, -11.689837);
			assertAxis(n.axes().get(3), "width", "1/nm", 128, 0.1826537, -11.689837);
			assertTrue(n.axes().get(0).navigate() && !n.axes().get(2).navigate());
			assertEquals("2019-06-06T13:30:00.164675", n.metadata().get("general.date_time"));
			assertEquals(300.0, ((Quantity) n.metadata().get("acquisition.instrument.beam_energy")).value(), 1e-9);
			assertEquals(722.5, ((Quantity) n.metadata().get("acquisition.instrument.camera_length")).value(), 1e-9);
			assertEquals("EMPAD", n.metadata().get("acquisition.detector.name"));
			assertEquals("the XML's pix_x, pix_y", n.originalMetadata().at("scan", "from"));
			assertEquals("scan_x4_y4.raw", n.originalMetadata().at("root", "raw_file", "filename"));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}

	@Test
	void stackOfImages() throws Exception {
		Path xml = EmpadFiles.realXml("stack_images.xml");
		EmpadFiles.writeArangeRaw(xml, "series_x10.raw", 10);
		try (DataFile f = new EmpadLoader().open(xml, Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 10, 128, 128 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			assertEquals(EmpadFiles.value(9, 127, 127), d.getFloat(9, 127, 127));
			assertEquals(EmpadFiles.value(3, 17, 4), d.getFloat(3, 17, 4));
			assertEquals("series_count", n.axes().get(0).name());
			assertAxis(n.axes().get(1), "height", "", 128, 1, -64);
			assertEquals("2019-06-07T13:17:22.590279", n.metadata().get("general.date_time"));
		}
	}

	@Test
	void version122RecordsItsScanInScanParameters() throws Exception {
		Path xml = EmpadFiles.realXml("EMPAD_v1.2.2_x32_y64_size0.8.xml");
		// the whole 32 x 64 scan would be 136 MB: two rows of it are enough to place frames
		EmpadFiles.writeArangeRaw(xml, "scan_x32_y64.raw", 64);
		try (DataFile f = new EmpadLoader().open(xml, Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 32, 128, 128 }, n.shape());
			assertEquals(EmpadFiles.value(32 + 5, 3, 4), Arrays2.readAll(n).getFloat(1, 5, 3, 4));
			assertEquals("the XML's acquire scan_resolution_x, _y", n.originalMetadata().at("scan", "from"));
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("whole rows")), f.warnings().toString());
			// full_scan_field_of_view x, y = 1.2724 µm over 32 and 64 positions
			assertAxis(n.axes().get(1), "scan_x", "nm", 32, 1272.412341559544 / 32, 0);
			assertAxis(n.axes().get(0), "scan_y", "nm", 2, 1272.412341559544 / 64, 0);
			assertEquals(300.0, ((Quantity) n.metadata().get("acquisition.instrument.beam_energy")).value(), 1e-9);
			assertEquals(369.0, ((Quantity) n.metadata().get("acquisition.instrument.camera_length")).value(), 1e-9);
		}
	}
}
