package org.ronchi.io.blockfile.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.blockfile.internal.BlockfileLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Fuzz;
import org.ronchi.tests.support.TestData;

/** Truncated and bit-flipped copies of the real blockfile: each opens and reads whole, or fails as a RonchiException. */
class BlockfileFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path real = TestData.real("raw4d/blockfile/test1.blo");
		Path copy = TestData.tempDir("blo-fuzz").resolve("test1.blo");
		int length = (int) Files.size(real);
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			Files.copy(real, copy, StandardCopyOption.REPLACE_EXISTING);
			try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
				for (int cut : Fuzz.cuts(length, 30, 0, 6, 20, 64, 239, 240, 4096, 4101, 4112, 4118).descendingSet()) {
					f.setLength(cut);
					fuzz.run("cut at " + cut, () -> openAndRead(copy));
				}
			}
			Files.copy(real, copy, StandardCopyOption.REPLACE_EXISTING);
			try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
				for (int pos = 0; pos < 240; pos++) {
					for (int mask : new int[] { 0xff, 0x80, 0x01 }) {
						f.seek(pos);
						int old = f.read();
						f.seek(pos);
						f.write(old ^ mask);
						fuzz.run("byte " + pos + " ^ " + mask, () -> openAndRead(copy));
						f.seek(pos);
						f.write(old);
					}
				}
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.rejected() > 30, "rejected " + fuzz.rejected() + " of " + fuzz.cases());
		}
	}

	private static void openAndRead(Path p) {
		try (DataFile f = new BlockfileLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				if (n.size() < 50_000_000) {
					Arrays2.readAll(n);
				}
			}
		}
	}
}
