package org.ronchi.io.hspy.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.hspy.internal.HspyLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Fuzz;
import org.ronchi.tests.support.TestData;

/**
 * Truncated and byte-flipped copies of the real HyperSpy files: each case opens the copy, reads every
 * signal whole and its metadata, and must succeed or fail with a RonchiException within 10 s (a hang
 * guard). Bytes are flipped densely over the head (superblock, root group, the first object headers:
 * Experiments, axis groups, attributes) and at a stride through the rest.
 */
class HspyFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("hspy-fuzz");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (String rel : new String[] { "hspy/rsciio/example1_v1.2.hdf5", "hspy/rsciio/with_lists_etc.hdf5", "hspy/rsciio/test_rgba16.hdf5" }) {
				Path real = TestData.real(rel);
				byte[] good = Files.readAllBytes(real);
				Path copy = tmp.resolve(real.getFileName());
				for (int cut : Fuzz.cuts(good.length, 20, 8, 64, 200, 800, 2000, 4096)) {
					byte[] b = Arrays.copyOf(good, cut);
					fuzz.run(real.getFileName() + " cut at " + cut, () -> openAndRead(write(copy, b)));
				}
				for (int pos = 0; pos < good.length; pos += pos < 4096 ? 17 : 611) {
					byte[] b = good.clone();
					b[pos] ^= (byte) 0xff;
					int p = pos;
					fuzz.run(real.getFileName() + " byte " + p, () -> openAndRead(write(copy, b)));
				}
				Files.deleteIfExists(copy);
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.cases() > 500, "ran " + fuzz.cases());
			assertTrue(fuzz.rejected() > 50, "rejected " + fuzz.rejected() + " of " + fuzz.cases());
		}
	}

	private static Path write(Path p, byte[] b) throws IOException {
		Files.write(p, b);
		return p;
	}

	private static void openAndRead(Path p) {
		try (DataFile f = new HspyLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
				n.metadata().toString();
			}
		}
	}
}
