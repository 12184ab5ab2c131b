package org.ronchi.io.mrc.tests;

import org.ronchi.tests.support.Arrays2;

import org.ronchi.tests.support.Fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableSet;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.mrc.internal.MrcLoader;
import org.ronchi.tests.support.TestData;

/**
 * Truncated and bit-flipped copies of every real MRC file: each case opens the copy and reads the whole
 * array, and must succeed or fail with a RonchiException, within 1 s. The copy is made once per file
 * and damaged in place (truncated ever shorter, one byte flipped and restored), so that the 0.9 MB
 * Velox file costs no more than the small ones.
 */
class MrcFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("mrc-fuzz");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (Path real : TestData.realFiles("mrc", ".mrc", ".map")) {
				Path copy = tmp.resolve(real.getFileName());
				byte[] head = new byte[1024];
				try (RandomAccessFile in = new RandomAccessFile(real.toFile(), "r")) {
					in.readFully(head);
				}
				long length = Files.size(real);
				int nsymbt = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(92);
				long data = 1024L + nsymbt;
				Files.copy(real, copy, StandardCopyOption.REPLACE_EXISTING);
				NavigableSet<Integer> cuts = Fuzz.cuts((int) length, 20, 0, 4, 12, 92, 100, 210, 700, 1023, 1024, 1030, (int) data - 1,
						(int) data + 1);
				try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
					for (int cut : cuts.descendingSet()) {
						f.setLength(cut);
						fuzz.run(real.getFileName() + " cut at " + cut, () -> openAndRead(copy));
					}
				}
				Files.copy(real, copy, StandardCopyOption.REPLACE_EXISTING);
				try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
					// every byte of the header words and the label count, the first label, and the FEI record
					for (int pos = 0; pos < 400; pos++) {
						for (int v : new int[] { 0xff, 0x80, 0x01 }) {
							flip(fuzz, f, copy, real, pos, v);
						}
					}
					for (int pos = 1024; pos < Math.min(data, 1024 + 900); pos += 3) {
						flip(fuzz, f, copy, real, pos, 0xff);
					}
				}
				Files.delete(copy);
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.cases() > 3000, "ran " + fuzz.cases());
			assertTrue(fuzz.rejected() > 100, "rejected " + fuzz.rejected() + " of " + fuzz.cases());
		}
	}

	private static void flip(Fuzz fuzz, RandomAccessFile f, Path copy, Path real, int pos, int mask) throws IOException {
		f.seek(pos);
		int old = f.read();
		f.seek(pos);
		f.write(old ^ mask);
		fuzz.run(real.getFileName() + " byte " + pos + " ^ 0x" + Integer.toHexString(mask), () -> openAndRead(copy));
		f.seek(pos);
		f.write(old);
	}

	private static void openAndRead(Path p) {
		try (DataFile f = new MrcLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
				n.lazy();
			}
		}
	}
}
