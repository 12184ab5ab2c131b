package org.ronchi.io.dectris.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.io.dectris.DectrisException;
import org.ronchi.io.dectris.internal.DectrisLoader;
import org.ronchi.tests.support.TestData;

/**
 * Synthetic Arina acquisitions ({@link Acquisitions}): u8/u16/u32 frames of odd sizes over two or three
 * data files read as h5py wrote them; the scan options against the frame index arithmetic they stand
 * for; missing, truncated and partial acquisitions.
 */
class ArinaSyntheticTest {
	private static Path dir;

	@BeforeAll
	static void write() {
		Acquisitions.assumeWritable();
		dir = TestData.tempDir("arina");
		Acquisitions.write(dir, "u8", "u1", 3, 5, 97, 131, 8, true, 15);
		Acquisitions.write(dir, "u16", "u2", 4, 3, 33, 45, 5, true, 12);
		Acquisitions.write(dir, "u32", "u4", 2, 7, 20, 19, 6, true, 14);
		Acquisitions.write(dir, "nosidecar", "u2", 3, 3, 16, 16, 4, false, 9);
	}

	private static DataFile open(String name, Map<String, Object> options) {
		return new DectrisLoader().open(dir.resolve(name + "_master.h5"), options);
	}

	@Test
	void everyTypeReadsAsH5pyWroteIt() {
		for (String[] c : new String[][] { { "u8", "3,5,97,131" }, { "u16", "4,3,33,45" }, { "u32", "2,7,20,19" } }) {
			try (DataFile f = open(c[0], Map.of()); Hdf5File ref = Hdf5File.open(dir.resolve(c[0] + "_ref.h5"))) {
				ArrayNode s = f.signals().get(0);
				assertEquals("(" + c[1].replace(",", ", ") + ")", Shapes.format(s.shape()), c[0]);
				assertEquals(ref.array("/ref").dtype(), s.dtype(), c[0]);
				assertArrayEquals(all(ref.array("/ref").source()), all(s.source()), c[0]);
				assertEquals(false, s.originalMetadata().at("scan", "guessed"), c[0]);
				assertTrue(f.warnings().isEmpty(), f.warnings().toString());
			}
		}
	}

	@Test
	void metadataFromMasterAndSidecar() {
		try (DataFile f = open("u16", Map.of())) {
			var m = f.metadata();
			assertEquals(new Quantity(200, "kV"), m.get("acquisition.instrument.beam_energy"));
			assertEquals(200, ((Quantity) m.get("acquisition.instrument.camera_length")).value(), 1e-9);
			assertEquals(new Quantity(4, "keV"), m.get("acquisition.detector.threshold"));
			assertEquals(new Quantity(16, "bit"), m.get("acquisition.detector.counter_depth"));
			assertEquals(75, ((Quantity) m.get("acquisition.detector.pixel_size")).value(), 1e-9);
			assertEquals(new Quantity(0.001, "s"), m.get("acquisition.instrument.exposure_time"));
			assertEquals("Dectris ARINA Si", m.get("acquisition.detector.name"));
			assertEquals("<float32 array (33, 45) at /entry/instrument/detector/detectorSpecific/flatfield>",
					f.originalMetadata().at("entry", "instrument", "detector", "detectorSpecific", "flatfield"));
			assertEquals(0.5, f.signals().get(0).axes().get(1).scale());
		}
	}

	/** Options against the index arithmetic of ScanOptions' documentation, frame by frame. */
	@Test
	void scanOptionsPlaceTheFramesTheySay() {
		int n = 12; // u16: 4 x 3 frames of 33 x 45
		check(Map.of("navigation_shape", "2,6"), new long[] { 2, 6 }, k -> k, false, false);
		check(Map.of("first_frame", 2, "last_frame", 11, "navigation_shape", "3,3"), new long[] { 3, 3 }, k -> k + 2, false, false);
		check(Map.of("sync_offset", -2, "navigation_shape", "4,3"), new long[] { 4, 3 }, k -> k - 2, false, false);
		check(Map.of("sync_offset", 3, "navigation_shape", "3,3"), new long[] { 3, 3 }, k -> k + 3, false, false);
		check(Map.of("flip", "y"), new long[] { 4, 3 }, k -> k, true, false);
		check(Map.of("flip", "xy", "first_frame", -6), new long[] { 2, 3 }, k -> k + n - 6, true, true);
	}

	private static void check(Map<String, Object> options, long[] nav, java.util.function.LongUnaryOperator frameAt, boolean flipRows, boolean flipColumns) {
		try (DataFile f = open("u16", options); Hdf5File ref = Hdf5File.open(dir.resolve("u16_ref.h5"))) {
			ArrayNode s = f.signals().get(0);
			assertArrayEquals(new long[] { nav[0], nav[1], 33, 45 }, s.shape(), options.toString());
			ArraySource r = ref.array("/ref").source();
			for (long k = 0; k < nav[0] * nav[1]; k++) {
				long frame = frameAt.applyAsLong(k);
				short[] got = shorts(read(s.source(), new long[] { k / nav[1], k % nav[1], 0, 0 }, new int[] { 1, 1, 33, 45 }));
				short[] want = new short[33 * 45];
				if (frame >= 0 && frame < 12) {
					short[] stored = shorts(read(r, new long[] { frame, 0, 0 }, new int[] { 1, 33, 45 }));
					for (int y = 0; y < 33; y++) {
						for (int x = 0; x < 45; x++) {
							want[y * 45 + x] = stored[(flipRows ? 32 - y : y) * 45 + (flipColumns ? 44 - x : x)];
						}
					}
				}
				assertArrayEquals(want, got, options + " position " + k + " (frame " + frame + ")");
			}
		}
	}

	@Test
	void withoutSidecarTheSquareIsAGuessSaidAsSuch() {
		try (DataFile f = open("nosidecar", Map.of())) {
			assertArrayEquals(new long[] { 3, 3, 16, 16 }, f.signals().get(0).shape());
			assertEquals(true, f.signals().get(0).originalMetadata().at("scan", "guessed"));
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("guess")), f.warnings().toString());
		}
	}

	@Test
	void missingDataFileIsOneLineNamingIt() throws IOException {
		Path d = copy("u32", "missing");
		Files.delete(d.resolve("u32_data_000002.h5"));
		DectrisException e = assertThrows(DectrisException.class, () -> new DectrisLoader().open(d.resolve("u32_master.h5"), Map.of()));
		assertTrue(e.getMessage().contains("u32_master.h5"), e.getMessage());
		assertTrue(e.getMessage().contains("u32_data_000002.h5 is missing"), e.getMessage());
		assertTrue(e.getMessage().contains("/entry/data/data_000002"), e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
	}

	@Test
	void truncatedDataFileIsATypedError() throws IOException {
		Path d = copy("u32", "truncated");
		Path data = d.resolve("u32_data_000003.h5");
		byte[] b = Files.readAllBytes(data);
		Files.write(data, Arrays.copyOf(b, b.length / 2));
		RonchiException e = assertThrows(RonchiException.class, () -> {
			try (DataFile f = new DectrisLoader().open(d.resolve("u32_master.h5"), Map.of())) {
				all(f.signals().get(0).source());
			}
		});
		assertTrue(e.getMessage().contains("u32_data_000003.h5"), e.getMessage());
	}

	/** The master announces more frames than the data files hold: said, and only whole scan rows shown. */
	@Test
	void acquisitionStoppedEarly() {
		Path d = TestData.tempDir("arina-partial");
		Acquisitions.write(d, "p", "u2", 3, 4, 8, 9, 5, false, 16);
		try (DataFile f = new DectrisLoader().open(d.resolve("p_master.h5"), Map.of("navigation_shape", "4,4"))) {
			assertArrayEquals(new long[] { 4, 4, 8, 9 }, f.signals().get(0).shape());
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("announces 16 frames") && w.contains("hold 12")), f.warnings().toString());
		}
	}

	@Test
	void unknownOrBadOptionsAreRefused() {
		assertThrows(InvalidRequestException.class, () -> open("u8", Map.of("navigation_shap", "3,5")));
		assertThrows(InvalidRequestException.class, () -> open("u8", Map.of("flip", "z")));
	}

	private static Path copy(String name, String to) throws IOException {
		Path d = TestData.tempDir("arina-" + to);
		for (Path p : List.of(dir.resolve(name + "_master.h5"), dir.resolve(name + ".h5"), dir.resolve(name + "_data_000001.h5"),
				dir.resolve(name + "_data_000002.h5"), dir.resolve(name + "_data_000003.h5"))) {
			if (Files.exists(p)) {
				Files.copy(p, d.resolve(p.getFileName()));
			}
		}
		return d;
	}

	private static byte[] all(ArraySource s) {
		return read(s, new long[s.shape().length], Shapes.toInt(s.shape()));
	}

	private static byte[] read(ArraySource s, long[] start, int[] count) {
		ByteBuffer b = ByteBuffer.allocate((int) (Shapes.size(count) * s.dtype().itemSize()));
		s.readInto(start, count, b);
		return b.array();
	}

	private static short[] shorts(byte[] b) {
		short[] out = new short[b.length / 2];
		ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
		return out;
	}
}
