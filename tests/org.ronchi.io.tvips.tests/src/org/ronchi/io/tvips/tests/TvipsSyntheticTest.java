package org.ronchi.io.tvips.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tvips.TvipsException;
import org.ronchi.io.tvips.internal.TvipsLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/** TVIPS recordings written here (TvipsWriter): v1/v2, split parts, scans found from frame headers, damage. */
class TvipsSyntheticTest {

	/** Frames 0..4 with the beam parked at (0, 0), a 3 x 4 scan from frame 5, then 2 frames after the scan. */
	static float[] parkedThenScan(long k) {
		long i = k - 5;
		if (i < 0) {
			return new float[] { 0, 0 };
		}
		if (i >= 12) {
			return new float[] { 3, 2 };
		}
		return new float[] { i % 4, i / 4 };
	}

	@Test
	void v2ScanPositionsGiveTheScanAndItsSyncOffset() throws Exception {
		Path dir = TestData.tempDir("tvips");
		List<Path> parts = TvipsWriter.write(dir, "scan", 2, 5, 3, 19, TvipsSyntheticTest::parkedThenScan, Long.MAX_VALUE);
		try (DataFile f = new TvipsLoader().open(parts.get(0), Map.of())) {
			ArrayNode n = f.signals().get(0);
			// frames 0..5 sit at (0, 0): the scan starts at frame 5, the last one before the step to (0, 1)
			assertArrayEquals(new long[] { 3, 4, 3, 5 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			for (int y = 0; y < 3; y++) {
				for (int x = 0; x < 4; x++) {
					assertEquals(TvipsWriter.pixel(5 + y * 4 + x, 2, 3), d.getInt(y, x, 2, 3), y + "," + x);
				}
			}
			assertEquals(5L, n.originalMetadata().at("scan", "sync_offset"));
			assertEquals("y", n.axes().get(0).name());
			assertEquals(false, n.originalMetadata().at("scan", "guessed"));
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("not shown")), f.warnings().toString());
		}
		try (DataFile f = new TvipsLoader().open(parts.get(0), Map.of("sync_offset", 4))) {
			assertEquals(TvipsWriter.pixel(4, 0, 0), Arrays2.readAll(f.signals().get(0)).getInt(0, 0, 0, 0));
		}
	}

	@Test
	void framesStraddlingSplitFilesReadAsOne() throws Exception {
		Path dir = TestData.tempDir("tvips");
		List<Path> parts = TvipsWriter.write(dir, "split", 1, 6, 4, 7, null, 300); // 60-byte frames across 300-byte parts
		assertEquals(3, parts.size());
		try (DataFile f = new TvipsLoader().open(parts.get(0), Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 7, 4, 6 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			for (int k = 0; k < 7; k++) {
				for (int r = 0; r < 4; r++) {
					for (int c = 0; c < 6; c++) {
						assertEquals(TvipsWriter.pixel(k, r, c), d.getInt(k, r, c));
					}
				}
			}
			assertEquals(0.01, n.axes().get(0).scale(), 1e-9); // 10 ms between frames
			assertEquals(0, n.axes().get(0).offset());
			assertEquals("image-stack", n.kind()); // v1 headers have no mode: not diffraction
		}
		try (DataFile f = new TvipsLoader().open(parts.get(0), Map.of("first_frame", 2, "last_frame", -1))) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 4, 4, 6 }, n.shape()); // frames 2..5, shown without a word about the others
			assertEquals(TvipsWriter.pixel(2, 1, 1), Arrays2.readAll(n).getInt(0, 1, 1));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
		TvipsException e = assertThrows(TvipsException.class, () -> new TvipsLoader().open(parts.get(1), Map.of()));
		assertTrue(e.getMessage().contains("split_000.tvips"), e.getMessage());
	}

	@Test
	void aCutLastFrameIsRefused() throws Exception {
		Path dir = TestData.tempDir("tvips");
		List<Path> parts = TvipsWriter.write(dir, "cut", 2, 4, 4, 5, null, 300);
		Path last = parts.get(parts.size() - 1);
		try (RandomAccessFile f = new RandomAccessFile(last.toFile(), "rw")) {
			f.setLength(f.length() - 3);
		}
		TvipsException e = assertThrows(TvipsException.class, () -> new TvipsLoader().open(parts.get(0), Map.of()));
		assertTrue(e.getMessage().contains("TVIPS frame 4") && e.getMessage().contains("truncated"), e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
		Files.delete(last); // a missing last part cuts the series too
		assertThrows(TvipsException.class, () -> new TvipsLoader().open(parts.get(0), Map.of()));
	}

	@Test
	void outOfRangeHeaderFieldsAreNamed() throws Exception {
		Path p = TvipsWriter.write(TestData.tempDir("tvips"), "bad", 2, 4, 4, 2, null, Long.MAX_VALUE).get(0);
		byte[] b = Files.readAllBytes(p);
		b[16] = 12; // bitsperpixel
		Files.write(p, b);
		TvipsException e = assertThrows(TvipsException.class, () -> new TvipsLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("bitsperpixel") && e.getMessage().contains("12"), e.getMessage());
		b[16] = 16;
		b[4] = 7; // version
		Files.write(p, b);
		e = assertThrows(TvipsException.class, () -> new TvipsLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("version"), e.getMessage());
	}
}
