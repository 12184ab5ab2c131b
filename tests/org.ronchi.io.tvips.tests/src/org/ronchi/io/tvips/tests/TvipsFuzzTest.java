package org.ronchi.io.tvips.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tvips.internal.TvipsLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Fuzz;
import org.ronchi.tests.support.TestData;

/** Truncated and bit-flipped copies of a v2 scan recording: each opens and reads whole, or fails as a RonchiException. */
class TvipsFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path dir = TestData.tempDir("tvips-fuzz");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			List<Path> parts = TvipsWriter.write(dir, "fz", 2, 5, 3, 19, TvipsSyntheticTest::parkedThenScan, Long.MAX_VALUE);
			Path p = parts.get(0);
			byte[] good = Files.readAllBytes(p);
			try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
				for (int cut : Fuzz.cuts(good.length, 40, 0, 51, 52, 255, 256, 257, 335, 336).descendingSet()) {
					f.setLength(cut);
					fuzz.run("cut at " + cut, () -> openAndRead(p));
				}
			}
			Files.write(p, good);
			try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
				for (int pos = 0; pos < 256 + 2 * 110; pos++) {
					for (int mask : new int[] { 0xff, 0x80, 0x01 }) {
						f.seek(pos);
						f.write(good[pos] ^ mask);
						fuzz.run("byte " + pos + " ^ " + mask, () -> openAndRead(p));
						f.seek(pos);
						f.write(good[pos]);
					}
				}
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.rejected() > 30, "rejected " + fuzz.rejected() + " of " + fuzz.cases());
		}
	}

	private static void openAndRead(Path p) {
		try (DataFile f = new TvipsLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				if (n.size() < 50_000_000) {
					Arrays2.readAll(n);
				}
			}
		}
	}
}
