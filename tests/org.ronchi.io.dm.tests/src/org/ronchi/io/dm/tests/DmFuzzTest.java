package org.ronchi.io.dm.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.TestData;

/**
 * Damaged copies of real files: truncated at 20 offsets (inside the header, the tag tree and the data)
 * and with single bytes inverted in the header, around the image data's tag and at random places. Each
 * copy is opened and every signal read completely: that must succeed or throw a RonchiException, within a
 * second, never anything else and never run out of memory.
 */
class DmFuzzTest {

	@ParameterizedTest
	@ValueSource(strings = { "rsciio/2D/test_STEM_image.dm3", "rsciio/3D/EELS_SI.dm4", "rsciio/1D/test-EDS_spectrum.dm3",
			"rsciio/2D/test-MonoCL_spectrum-SI.dm4", "rsciio/2D/test-23.dm4", "rsciio/3D/test-13.dm3",
			"openNCEM/dmTest_3D_int16_64,65,66.dm4" })
	void damagedCopiesFailCleanly(String name) throws Exception {
		Path original = TestData.real("dm/" + name);
		byte[] bytes = Files.readAllBytes(original);
		int len = bytes.length;
		int data = dataOffset(original);
		Path dir = TestData.tempDir("dm-fuzz");
		Path copy = dir.resolve(original.getFileName());
		List<String> failures = new ArrayList<>();
		try {
			TreeSet<Integer> cuts = new TreeSet<>(List.of(1, 4, 8, 12, 15, 17, 20, 26, 40, 100, len / 10, len / 5, len / 3, len / 2,
					2 * len / 3, data - 10, data + 3, len - 100, len - 9, len - 1));
			for (int cut : cuts) {
				Files.write(copy, java.util.Arrays.copyOf(bytes, cut));
				check(copy, "truncated at " + cut, failures);
			}
			TreeSet<Integer> flips = new TreeSet<>();
			for (int i = 0; i < 28; i++) {
				flips.add(i);
			}
			for (int i = Math.max(0, data - 48); i < data + 4; i += 2) {
				flips.add(i);
			}
			Random random = new Random(name.hashCode());
			for (int i = 0; i < 30; i++) {
				flips.add(random.nextInt(len));
			}
			for (int at : flips) {
				byte[] damaged = bytes.clone();
				damaged[at] ^= (byte) 0xff;
				Files.write(copy, damaged);
				check(copy, "byte " + at + " inverted", failures);
			}
		} finally {
			Files.deleteIfExists(copy);
			Files.delete(dir);
		}
		if (!failures.isEmpty()) {
			fail(failures.size() + " damaged copies of " + name + " failed badly:\n" + String.join("\n", failures));
		}
	}

	private static void check(Path file, String damage, List<String> failures) {
		try {
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				try (DataFile f = Values.open(file)) {
					for (ArrayNode s : f.signals()) {
						Values.readAll(s);
					}
				} catch (RonchiException expected) {
					// the contract: a clear error naming the file
					String m = expected.getMessage();
					if (!m.startsWith(file.toString()) || m.lines().count() != 1) {
						failures.add(damage + ": not a one-line message naming the file: " + m);
					}
				}
			}, damage + ": took more than a second");
		} catch (Throwable t) {
			failures.add(damage + ": " + t);
		}
	}

	private static int dataOffset(Path file) throws IOException {
		try (DataFile f = Values.open(file)) {
			return (int) (long) (Long) f.signals().get(0).attribute("dm_data_offset");
		}
	}
}
