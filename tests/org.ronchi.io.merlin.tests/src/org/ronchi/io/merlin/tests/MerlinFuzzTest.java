package org.ronchi.io.merlin.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.io.merlin.internal.MerlinLoader;

/**
 * Truncations and flipped header bytes: the loader either opens the file and reads all of it, or fails
 * with one line typed as a Ronchi error; never another exception, never a hang.
 */
class MerlinFuzzTest {
	@TempDir
	Path dir;

	@Test
	void truncationsAndFlippedHeaderBytes() throws IOException {
		for (boolean raw : new boolean[] { false, true }) {
			MibWriter w = new MibWriter(32, 64, false, 12, raw);
			Path good = dir.resolve("good.mib");
			w.write(good, 0, 4, 1);
			byte[] bytes = Files.readAllBytes(good);
			Random random = new Random(11);
			Path f = dir.resolve("fuzz.mib");
			for (int cut : new int[] { 0, 3, 16, 17, 200, 383, 384, 385, bytes.length / 2, bytes.length - 1 }) {
				byte[] b = new byte[cut];
				System.arraycopy(bytes, 0, b, 0, cut);
				Files.write(f, b);
				openAndRead(f);
			}
			for (int i = 0; i < 300; i++) {
				byte[] b = bytes.clone();
				int frame = random.nextInt(4) * (bytes.length / 4);
				for (int k = 0; k < 1 + random.nextInt(3); k++) {
					b[frame + random.nextInt(384)] ^= (byte) (1 << random.nextInt(8));
				}
				Files.write(f, b);
				openAndRead(f);
			}
		}
	}

	private static void openAndRead(Path f) {
		try (DataFile df = new MerlinLoader().open(f, Map.of())) {
			for (ArrayNode n : df.signals()) {
				n.source().read(new long[n.rank()], Shapes.toInt(n.shape()));
			}
		} catch (RonchiException e) {
			assertFalse(e.getMessage().contains("\n"), e.getMessage());
		} catch (RuntimeException e) {
			fail("not a Ronchi error: " + e, e);
		}
	}
}
