package org.ronchi.io.dectris.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.dectris.internal.DectrisLoader;
import org.ronchi.tests.support.Fuzz;
import org.ronchi.tests.support.TestData;

/**
 * Damaged copies of each file of a synthetic acquisition (master, a data file with its bitshuffle + LZ4
 * chunks, the sidecar): truncated at spread offsets and with single bytes flipped; each copy is probed,
 * opened and read whole, and must succeed or throw a RonchiException (Fuzz's contract), never another
 * exception or an allocation sized by a damaged field.
 */
class ArinaFuzzTest {

	@Test
	void damagedFilesFailCleanly() throws Exception {
		Acquisitions.assumeWritable();
		Path src = TestData.tempDir("arina-fuzz-src");
		Acquisitions.write(src, "f", "u2", 2, 3, 37, 29, 4, true, 6);
		Random rnd = new Random(11);
		DectrisLoader loader = new DectrisLoader();
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (String damaged : new String[] { "f_master.h5", "f_data_000001.h5", "f.h5" }) {
				byte[] bytes = Files.readAllBytes(src.resolve(damaged));
				for (int k = 0; k < 40; k++) {
					byte[] copy;
					String label;
					if (k < 12) {
						int cut = (int) ((long) bytes.length * (k + 1) / 13);
						copy = Arrays.copyOf(bytes, cut);
						label = damaged + " cut at " + cut;
					} else {
						int at = k < 30 ? rnd.nextInt(Math.min(bytes.length, 4096)) : rnd.nextInt(bytes.length);
						copy = bytes.clone();
						copy[at] ^= (byte) (1 + rnd.nextInt(255));
						label = damaged + " byte " + at + " flipped";
					}
					Path dir = TestData.tempDir("arina-fuzz");
					for (String f : new String[] { "f_master.h5", "f_data_000001.h5", "f_data_000002.h5", "f.h5" }) {
						Files.write(dir.resolve(f), f.equals(damaged) ? copy : Files.readAllBytes(src.resolve(f)));
					}
					Path master = dir.resolve("f_master.h5");
					fuzz.run(label, () -> {
						try (FileProbe p = FileProbe.of(master)) {
							loader.probe(p);
						}
						try (DataFile f = loader.open(master, Map.of())) {
							ArraySource s = f.signals().get(0).source();
							ByteBuffer b = ByteBuffer.allocate((int) (Shapes.size(s.shape()) * s.dtype().itemSize()));
							s.readInto(new long[s.shape().length], Shapes.toInt(s.shape()), b);
						}
					});
				}
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.rejected() > 20, "only " + fuzz.rejected() + " of " + fuzz.cases() + " damaged acquisitions were refused");
		}
	}
}
