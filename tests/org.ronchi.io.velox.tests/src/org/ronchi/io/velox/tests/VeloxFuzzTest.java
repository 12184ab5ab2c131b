package org.ronchi.io.velox.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.velox.internal.VeloxLoader;
import org.ronchi.tests.support.TestData;

/**
 * Damaged copies of every real Velox file: truncated at 20 offsets (a dozen inside the first 4 KB,
 * where the superblock and root group live) and with single bytes flipped, mostly among the HDF5
 * headers at the start, some anywhere. Each copy is probed, opened and every signal read whole; each
 * case must succeed or throw a {@link RonchiException} within 1 s, never another exception, never run
 * out of memory (the suite runs with -Xmx2g).
 */
class VeloxFuzzTest {
	private static final long LIMIT_MS = 1000;

	@Test
	void damagedFilesFailCleanly() throws Exception {
		Path dir = TestData.tempDir("velox-fuzz");
		Random rnd = new Random(20240229);
		List<String> failures = new ArrayList<>();
		int cases = 0;
		int rejected = 0;
		ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "velox-fuzz");
			t.setDaemon(true);
			return t;
		});
		try {
			for (Path real : TestData.realFiles("velox_emd", ".emd")) {
				byte[] bytes = Files.readAllBytes(real);
				String name = real.getFileName().toString();
				openAndReadAll(real); // untimed: class loading and JIT belong to no damaged case
				TreeSet<Integer> cuts = new TreeSet<>();
				for (int i = 0; i < 12; i++) {
					cuts.add(rnd.nextInt(4096));
				}
				for (int i = 1; i <= 8; i++) {
					cuts.add((int) ((long) bytes.length * i / 9));
				}
				List<byte[]> copies = new ArrayList<>();
				List<String> labels = new ArrayList<>();
				for (int cut : cuts) {
					copies.add(java.util.Arrays.copyOf(bytes, cut));
					labels.add(name + " cut at " + cut);
				}
				for (int i = 0; i < 24; i++) {
					int at = i < 18 ? rnd.nextInt(Math.min(bytes.length, 8192)) : rnd.nextInt(bytes.length);
					byte[] c = bytes.clone();
					c[at] ^= (byte) (1 + rnd.nextInt(255));
					copies.add(c);
					labels.add(name + " byte " + at + " flipped");
				}
				for (int i = 0; i < copies.size(); i++) {
					Path p = dir.resolve("case.emd");
					Files.write(p, copies.get(i));
					cases++;
					Future<?> f = pool.submit(() -> {
						openAndReadAll(p);
						return null;
					});
					try {
						f.get(LIMIT_MS, TimeUnit.MILLISECONDS);
					} catch (TimeoutException e) {
						f.cancel(true);
						failures.add(labels.get(i) + ": took more than " + LIMIT_MS + " ms");
					} catch (ExecutionException e) {
						Throwable t = e.getCause();
						if (t instanceof RonchiException) {
							rejected++;
						} else {
							failures.add(labels.get(i) + ": " + t + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
						}
					}
				}
			}
		} finally {
			pool.shutdownNow();
		}
		if (!failures.isEmpty()) {
			fail(failures.size() + " of " + cases + " damaged files broke the contract:\n" + String.join("\n", failures));
		}
		assertTrue(rejected > cases / 3, "most damage should be detected: " + rejected + " of " + cases + " rejected");
	}

	private static void openAndReadAll(Path p) throws IOException {
		VeloxLoader loader = new VeloxLoader();
		try (FileProbe probe = FileProbe.of(p)) {
			loader.probe(probe); // must not throw
		}
		try (DataFile f = loader.open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
			}
		}
	}
}
