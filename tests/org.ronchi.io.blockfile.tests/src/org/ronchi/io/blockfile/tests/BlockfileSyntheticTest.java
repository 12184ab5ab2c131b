package org.ronchi.io.blockfile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.blockfile.BlockfileException;
import org.ronchi.io.blockfile.internal.BlockfileLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/** Blockfiles written here (BlockfileWriter): values, early stops, the scan options, damaged headers. */
class BlockfileSyntheticTest {

	@Test
	void everyPixelWhereTheWriterPutIt() throws Exception {
		Path p = BlockfileWriter.write(TestData.tempDir("blo").resolve("a.blo"), 4, 5, 7, 20);
		try (DataFile f = new BlockfileLoader().open(p, Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 4, 5, 7, 7 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			for (int y = 0; y < 4; y++) {
				for (int x = 0; x < 5; x++) {
					for (int r = 0; r < 7; r++) {
						for (int c = 0; c < 7; c++) {
							assertEquals(BlockfileWriter.pixel(y * 5 + x, r, c), d.getInt(y, x, r, c), y + "," + x + "," + r + "," + c);
						}
					}
				}
			}
			assertEquals(1.5, n.axes().get(1).scale());
			assertEquals(2.5, n.axes().get(0).scale());
			assertEquals(0.02, n.axes().get(3).scale(), 1e-12);
			Dataset vbf = Arrays2.readAll(f.signals().get(1));
			assertEquals(1, vbf.getInt(0, 0));
			assertEquals(7, vbf.getInt(1, 1));
			assertEquals(20, vbf.getInt(3, 4));
			assertEquals("2015-12-01T12:00:00", n.metadata().get("general.date_time"));
			assertEquals("synthetic note", n.originalMetadata().at("blockfile_header", "Note"));
		}
	}

	@Test
	void aScanThatStoppedEarlyShowsItsWholeRows() throws Exception {
		Path p = BlockfileWriter.write(TestData.tempDir("blo").resolve("short.blo"), 4, 5, 3, 13);
		try (DataFile f = new BlockfileLoader().open(p, Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 5, 3, 3 }, n.shape());
			assertEquals(BlockfileWriter.pixel(9, 2, 1), Arrays2.readAll(n).getInt(1, 4, 2, 1));
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("whole rows")), f.warnings().toString());
		}
	}

	@Test
	void scanOptionsApply() throws Exception {
		Path p = BlockfileWriter.write(TestData.tempDir("blo").resolve("opts.blo"), 4, 5, 3, 20);
		try (DataFile f = new BlockfileLoader().open(p, Map.of("navigation_shape", "2,9", "sync_offset", 2, "flip", "y"))) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 9, 3, 3 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			assertEquals(BlockfileWriter.pixel(2, 2, 1), d.getInt(0, 0, 0, 1)); // flipped rows: row 0 shows row 2
			assertEquals(BlockfileWriter.pixel(19, 0, 0), d.getInt(1, 8, 2, 0));
		}
	}

	@Test
	void aCutPatternIsRefusedUnlessLastFrameChoosesTheWholeOnes() throws Exception {
		Path p = BlockfileWriter.write(TestData.tempDir("blo").resolve("cut.blo"), 2, 3, 4, 6);
		try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
			f.setLength(f.length() - 5);
		}
		BlockfileException e = assertThrows(BlockfileException.class, () -> new BlockfileLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("cut.blo") && e.getMessage().contains("blockfile pattern 5") && e.getMessage().contains("truncated"),
				e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
		try (DataFile f = new BlockfileLoader().open(p, Map.of("last_frame", 5))) {
			// 5 whole patterns of a 2 x 3 scan: its first row
			assertArrayEquals(new long[] { 3, 4, 4 }, f.signals().get(0).shape());
		}
	}

	@Test
	void headerSizesThatMissTheMarkersAreRefused() throws Exception {
		Path p = BlockfileWriter.write(TestData.tempDir("blo").resolve("bad.blo"), 2, 3, 4, 6);
		byte[] b = Files.readAllBytes(p);
		b[20] = 3; // DP_SZ 4 -> 3: the pattern records no longer line up with the markers
		Files.write(p, b);
		BlockfileException e = assertThrows(BlockfileException.class, () -> new BlockfileLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("marker") || e.getMessage().contains("truncated"), e.getMessage());
		b[20] = 4;
		b[12] = (byte) 0xff;
		b[13] = (byte) 0xff;
		Files.write(p, b);
		e = assertThrows(BlockfileException.class, () -> new BlockfileLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("Data_offset_2"), e.getMessage());
	}
}
