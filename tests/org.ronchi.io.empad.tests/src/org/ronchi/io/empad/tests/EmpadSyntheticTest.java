package org.ronchi.io.empad.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.empad.EmpadException;
import org.ronchi.io.empad.internal.EmpadLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/** Which recorded scan size a .raw holds, and bad input: missing or cut .raw, sizes out of range, foreign XML. */
class EmpadSyntheticTest {

	@Test
	void searchModeWhenTheFileSizeSaysSo() throws Exception {
		Path dir = TestData.tempDir("empad");
		Path xml = EmpadFiles.writeXml(dir, "a.xml", "<raw_file filename=\"data.raw\"/>"
				+ "<scan_parameters mode=\"search\"><scan_resolution_x>4</scan_resolution_x><scan_resolution_y>2</scan_resolution_y></scan_parameters>"
				+ "<scan_parameters mode=\"acquire\"><scan_resolution_x>8</scan_resolution_x><scan_resolution_y>8</scan_resolution_y></scan_parameters>");
		EmpadFiles.writeArangeRaw(xml, "data.raw", 8);
		try (DataFile f = new EmpadLoader().open(xml, Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 4, 128, 128 }, n.shape());
			assertEquals(EmpadFiles.value(6, 1, 2), Arrays2.readAll(n).getFloat(1, 2, 1, 2));
			assertEquals("the XML's search scan_resolution_x, _y", n.originalMetadata().at("scan", "from"));
			assertEquals(200.0, ((org.ronchi.core.metadata.Quantity) n.metadata().get("acquisition.instrument.beam_energy")).value(), 1e-9);
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}

	@Test
	void theRawFileNameWhenTheXmlRecordsNoScan() throws Exception {
		Path dir = TestData.tempDir("empad");
		Path xml = EmpadFiles.writeXml(dir, "b.xml", "<raw_file filename=\"scan_x3_y2.raw\"/>");
		EmpadFiles.writeArangeRaw(xml, "scan_x3_y2.raw", 6);
		try (DataFile f = new EmpadLoader().open(xml, Map.of("flip", "x"))) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 3, 128, 128 }, n.shape());
			assertEquals(EmpadFiles.value(5, 7, 127), Arrays2.readAll(n).getFloat(1, 2, 7, 0));
			assertEquals("the raw file's name", n.originalMetadata().at("scan", "from"));
		}
	}

	@Test
	void aMissingRawFileIsNamed() throws Exception {
		Path xml = EmpadFiles.realXml("map4x4.xml");
		EmpadException e = assertThrows(EmpadException.class, () -> new EmpadLoader().open(xml, Map.of()));
		assertTrue(e.getMessage().contains("map4x4.xml") && e.getMessage().contains("scan_x4_y4.raw") && e.getMessage().contains("missing"),
				e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
	}

	@Test
	void aCutLastFrameIsRefusedUnlessLastFrameChoosesTheWholeOnes() throws Exception {
		Path xml = EmpadFiles.realXml("map4x4.xml");
		Path raw = EmpadFiles.writeArangeRaw(xml, "scan_x4_y4.raw", 16);
		try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
			f.setLength(f.length() - 100);
		}
		EmpadException e = assertThrows(EmpadException.class, () -> new EmpadLoader().open(xml, Map.of()));
		assertTrue(e.getMessage().contains("EMPAD frame 15") && e.getMessage().contains("truncated"), e.getMessage());
		try (DataFile f = new EmpadLoader().open(xml, Map.of("last_frame", 12))) {
			assertArrayEquals(new long[] { 3, 4, 128, 128 }, f.signals().get(0).shape());
		}
	}

	@Test
	void badXmlIsRefusedInOneLine() throws Exception {
		Path dir = TestData.tempDir("empad");
		Path zero = EmpadFiles.writeXml(dir, "z.xml", "<raw_file filename=\"z.raw\"/><pix_x>0</pix_x><pix_y>4</pix_y>");
		EmpadException e = assertThrows(EmpadException.class, () -> new EmpadLoader().open(zero, Map.of()));
		assertTrue(e.getMessage().contains("pix_x"), e.getMessage());
		Path noRaw = EmpadFiles.writeXml(dir, "n.xml", "<pix_x>2</pix_x><pix_y>4</pix_y>");
		e = assertThrows(EmpadException.class, () -> new EmpadLoader().open(noRaw, Map.of()));
		assertTrue(e.getMessage().contains("raw_file"), e.getMessage());
		Path broken = dir.resolve("broken.xml");
		java.nio.file.Files.writeString(broken, "<root><raw_file filename=\"x.raw\"></root>");
		e = assertThrows(EmpadException.class, () -> new EmpadLoader().open(broken, Map.of()));
		assertEquals(1, e.getMessage().lines().count(), e.getMessage());
	}
}
