package org.ronchi.io.usid.tests;

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
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.UsidException;
import org.ronchi.io.usid.internal.UsidLoader;
import org.ronchi.tests.support.TestData;

/**
 * Truncated and byte-flipped copies of the real h5USID files: each case opens the copy, reads every
 * signal and its N-dimensional form in full, and must succeed or fail with a RonchiException within
 * 1 s. Bytes are flipped over the first KiBs (superblock, root group, first object headers) and at
 * intervals through the rest, where the ancillaries' headers and attributes live.
 * <p>
 * AFM_Force_Curve.h5 is flipped only before its first global heap (0x800): a forged collection size
 * there makes jhdf re-parse a 60 KB heap for each of the file's ~1000 string attributes (its
 * VariableLengthDatasetReader caches heaps per read only), about 0.7 s warm, a reader cost outside
 * this bundle that sparse_sampling.h5 exercises on a small scale.
 */
class UsidFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("usid-fuzz");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			// file, end of the densely flipped head, stride there, stride in the rest (0: none)
			Object[][] plan = { { "usid/pyUSID/sparse_sampling.h5", 4096, 13, 397 }, { "usid/pyUSID/AFM_Force_Curve.h5", 2048, 19, 0 },
					{ "usid/pyUSID/simulated_STEM_Image.h5", 4096, 61, 0 } };
			for (Object[] f : plan) {
				String rel = (String) f[0];
				int head = (Integer) f[1];
				int dense = (Integer) f[2];
				int sparse = (Integer) f[3];
				Path real = TestData.real(rel);
				byte[] good = Files.readAllBytes(real);
				Path copy = tmp.resolve(real.getFileName());
				for (int cut : Fuzz.cuts(good.length, 20, 8, 64, 200, 800, 2000, 4096)) {
					byte[] b = Arrays.copyOf(good, cut);
					fuzz.run(real.getFileName() + " cut at " + cut, () -> openAndRead(write(copy, b)));
				}
				int end = sparse == 0 ? head : good.length;
				for (int pos = 0; pos < end; pos += pos < head ? dense : sparse) {
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
		try (DataFile f = new UsidLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
				try {
					Arrays2.readAll(MainDataset.of(p, n).ndim(false));
				} catch (UsidException e) {
					// sparse or damaged indices: refused with a reason, which is what we check
				}
			}
		}
	}
}
