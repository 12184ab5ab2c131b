package org.ronchi.io.emd.tests;

import org.ronchi.tests.support.Arrays2;

import org.ronchi.tests.support.Fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.internal.Emd1Loader;
import org.ronchi.io.emd.internal.NcemLoader;
import org.ronchi.tests.support.TestData;

/**
 * Truncated and byte-flipped copies of real EMD files (NCEM, Prismatic, EMD 1.0): each case opens the
 * copy and reads every signal in full, and must succeed or fail with a RonchiException within 1 s.
 */
class EmdFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("emd-fuzz");
		Object[][] plan = { { "emd_ncem/rsciio_hyperspy_written/example_metadata.emd", new NcemLoader(), 11, 401 },
				{ "emd_ncem/rsciio_hyperspy_written/example_bytes_string_metadata.emd", new NcemLoader(), 13, 0 },
				{ "emd_ncem/prismatic/Si100_4D.emd", new NcemLoader(), 41, 4001 },
				{ Emd1ConformanceTest.FILE, new Emd1Loader(), 9, 211 } };
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (Object[] p : plan) {
				Path real = TestData.real((String) p[0]);
				FileLoader loader = (FileLoader) p[1];
				int dense = (Integer) p[2];
				int sparse = (Integer) p[3];
				byte[] good = Files.readAllBytes(real);
				Path copy = tmp.resolve(real.getFileName());
				for (int cut : Fuzz.cuts(good.length, 20, 8, 64, 200, 800, 2000, 4096)) {
					byte[] b = Arrays.copyOf(good, cut);
					fuzz.run(real.getFileName() + " cut at " + cut, () -> openAndRead(loader, write(copy, b)));
				}
				int head = Math.min(4096, good.length);
				int end = sparse == 0 ? head : good.length;
				for (int pos = 0; pos < end; pos += pos < head ? dense : sparse) {
					byte[] b = good.clone();
					b[pos] ^= (byte) 0xff;
					int at = pos;
					fuzz.run(real.getFileName() + " byte " + at, () -> openAndRead(loader, write(copy, b)));
				}
				Files.deleteIfExists(copy);
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.cases() > 800, "ran " + fuzz.cases());
			assertTrue(fuzz.rejected() > 100, "rejected " + fuzz.rejected() + " of " + fuzz.cases());
		}
	}

	private static Path write(Path p, byte[] b) throws IOException {
		Files.write(p, b);
		return p;
	}

	private static void openAndRead(FileLoader loader, Path p) {
		try (DataFile f = loader.open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
			}
		}
	}
}
