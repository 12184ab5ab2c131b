package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.eclipse.january.dataset.DatasetUtils;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5Exception;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.tests.support.TestData;

class Hdf5BadInputTest {

	@Test
	void truncatedFileIsNamedTruncated() throws Exception {
		Path src = TestData.real("usid/pyUSID/simulated_STEM_Image.h5");
		byte[] all = Files.readAllBytes(src);
		Path cut = TestData.tempDir("h5").resolve("cut.h5");
		Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
		Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> new Hdf5Loader().open(cut, Map.of()));
		assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void nonHdf5ContentIsNotProbed() throws Exception {
		Path fake = TestData.tempDir("h5").resolve("fake.h5");
		Files.writeString(fake, "this is not HDF5 at all");
		try (FileProbe p = FileProbe.of(fake)) {
			assertEquals(0, new Hdf5Loader().probe(p));
		}
		assertTrue(assertThrows(RonchiException.class, () -> new Hdf5Loader().open(fake, Map.of())).getMessage()
				.contains("not an HDF5 file"));
	}

	/** Cut a real file at many offsets: every case opens and reads, or fails with a RonchiException, quickly. */
	@Test
	void truncationAtManyOffsetsNeverHangsOrEscapes() throws Exception {
		Path src = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		byte[] all = Files.readAllBytes(src);
		Path dir = TestData.tempDir("h5fuzz");
		for (int k = 1; k < 24; k++) {
			int len = (int) ((long) all.length * k / 24);
			Path cut = dir.resolve("cut" + k + ".emd");
			Files.write(cut, java.util.Arrays.copyOf(all, len));
			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
				try (DataFile f = new Hdf5Loader().open(cut, Map.of())) {
					for (ArrayNode a : f.signals()) {
						if (a.dtype().isNumeric()) {
							DatasetUtils.sliceAndConvertLazyDataset(a.lazy());
						}
					}
				} catch (RonchiException expected) {
					assertTrue(expected.getMessage().startsWith(cut.toString()), expected.getMessage());
				} catch (org.eclipse.january.DatasetException wrapped) {
					assertTrue(wrapped.getCause() instanceof java.io.IOException, wrapped.toString());
				}
			}, "cut at " + len);
		}
	}
}
