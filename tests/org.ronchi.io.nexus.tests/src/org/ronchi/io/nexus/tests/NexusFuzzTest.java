package org.ronchi.io.nexus.tests;

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
import org.ronchi.io.nexus.internal.NexusLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Fuzz;
import org.ronchi.tests.support.TestData;

/**
 * Truncated and byte-flipped copies of the real NeXus files: each case opens the copy, reads every
 * signal whole and its metadata, and must succeed or fail with a RonchiException within 10 s (a hang
 * guard). Bytes are flipped densely over the head (superblock, root group, the first object headers:
 * entries, NXdata groups, their attributes) and at a stride through the rest.
 */
class NexusFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("nexus-fuzz");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (String rel : new String[] { "nexus/rsciio/nexus_dls_example.nxs", "nexus/rsciio/saved_multi_signal.nxs" }) {
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
		try (DataFile f = new NexusLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
				n.metadata().toString();
			}
		}
	}
}
