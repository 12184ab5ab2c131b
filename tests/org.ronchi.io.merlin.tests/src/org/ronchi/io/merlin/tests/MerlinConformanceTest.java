package org.ronchi.io.merlin.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.merlin.internal.MerlinLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/**
 * Every real Merlin file against MANIFEST.md (frames, shapes and sums computed from the headers and the
 * big-endian pixels; RAW sums are the set bits), and the orientation RosettaSciIO gives (rows reversed).
 */
class MerlinConformanceTest {
	static final String DIR = "raw4d/merlin/";

	static Stream<Arguments> manifest() {
		String q = "Merlin_Single_Quad/";
		return Stream.of(
				// file, dtype, shape Ronchi shows (a single frame has no navigation axis; RAW quads placed 512 x 512), sum
				Arguments.of(q + "Quad_1_Frame_CounterDepth_12_Rows_256.mib", DType.UINT16, new long[] { 512, 512 }, 845907L),
				Arguments.of(q + "Quad_1_Frame_CounterDepth_1_Rows_256.mib", DType.UINT8, new long[] { 512, 512 }, 10331L),
				Arguments.of(q + "Quad_1_Frame_CounterDepth_1_Rows_256RAW.mib", DType.UINT8, new long[] { 512, 512 }, 10348L),
				Arguments.of(q + "Quad_1_Frame_CounterDepth_24_Rows_256.mib", DType.UINT32, new long[] { 512, 512 }, 778764L),
				Arguments.of(q + "Quad_1_Frame_CounterDepth_6_Rows_256.mib", DType.UINT8, new long[] { 512, 512 }, 115263L),
				Arguments.of(q + "Quad_9_Frame_CounterDepth_12_Rows_256.mib", DType.UINT16, new long[] { 9, 512, 512 }, 7229086L),
				Arguments.of(q + "Quad_9_Frame_CounterDepth_1_Rows_256.mib", DType.UINT8, new long[] { 9, 512, 512 }, 92639L),
				Arguments.of(q + "Quad_9_Frame_CounterDepth_1_Rows_256RAW.mib", DType.UINT8, new long[] { 9, 512, 512 }, 92621L),
				Arguments.of(q + "Quad_9_Frame_CounterDepth_24_Rows_256.mib", DType.UINT32, new long[] { 9, 512, 512 }, 7285037L),
				Arguments.of(q + "Quad_9_Frame_CounterDepth_6_Rows_256.mib", DType.UINT8, new long[] { 9, 512, 512 }, 1032369L),
				Arguments.of(q + "Single_1_Frame_CounterDepth_12_Rows_256.mib", DType.UINT16, new long[] { 256, 256 }, 28911L),
				Arguments.of(q + "Single_1_Frame_CounterDepth_1_Rows_256.mib", DType.UINT8, new long[] { 256, 256 }, 2398L),
				Arguments.of(q + "Single_1_Frame_CounterDepth_1_Rows_256RAW.mib", DType.UINT8, new long[] { 256, 256 }, 2394L),
				Arguments.of(q + "Single_1_Frame_CounterDepth_24_Rows_256.mib", DType.UINT32, new long[] { 256, 256 }, 29416L),
				Arguments.of(q + "Single_1_Frame_CounterDepth_6_Rows_256.mib", DType.UINT8, new long[] { 256, 256 }, 24336L),
				Arguments.of(q + "Single_9_Frame_CounterDepth_12_Rows_256.mib", DType.UINT16, new long[] { 9, 256, 256 }, 260753L),
				Arguments.of(q + "Single_9_Frame_CounterDepth_1_Rows_256.mib", DType.UINT8, new long[] { 9, 256, 256 }, 21614L),
				Arguments.of(q + "Single_9_Frame_CounterDepth_1_Rows_256RAW.mib", DType.UINT8, new long[] { 9, 256, 256 }, 21605L),
				Arguments.of(q + "Single_9_Frame_CounterDepth_24_Rows_256.mib", DType.UINT32, new long[] { 9, 256, 256 }, 258156L),
				Arguments.of(q + "Single_9_Frame_CounterDepth_6_Rows_256.mib", DType.UINT8, new long[] { 9, 256, 256 }, 217684L),
				// no ScanX/ScanY in these .hdr (one frame per trigger): the 4 x 2 scan comes from the flyback in the time stamps
				Arguments.of("Merlin_navigation4x2_ROI/001_4x2_6bit.mib", DType.UINT8, new long[] { 2, 4, 256, 256 }, 3623664L),
				Arguments.of("Merlin_navigation4x2_ROI/002_4x2_6bit_roi128.mib", DType.UINT8, new long[] { 2, 4, 128, 256 }, 3263829L));
	}

	static DataFile open(String relative, Map<String, Object> options) {
		return new MerlinLoader().open(TestData.real(DIR + relative), options);
	}

	@ParameterizedTest
	@MethodSource("manifest")
	void shapesAndSumsAsTheManifestSays(String file, DType dtype, long[] shape, long sum) {
		try (DataFile f = open(file, Map.of())) {
			assertEquals(1, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertEquals(dtype, n.dtype());
			assertArrayEquals(shape, n.shape());
			assertEquals(sum, Arrays2.sum(Arrays2.readAll(n)), 0.0);
		}
	}

	@Test
	void everyRealFileIsListedAndProbedAsMerlin() throws IOException {
		List<Path> files = TestData.realFiles(DIR, ".mib");
		assertEquals(manifest().count(), files.size(), "a MIB file is not in the table: " + files);
		for (Path p : files) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(FileLoader.SPECIFIC, new MerlinLoader().probe(probe), p.toString());
			}
		}
		Path hdr = TestData.real(DIR + "Merlin_navigation4x2_ROI/001_4x2_6bit.hdr");
		try (FileProbe probe = FileProbe.of(hdr)) {
			assertEquals(FileLoader.SPECIFIC, new MerlinLoader().probe(probe));
		}
		assertTrue(Files.size(hdr) > 0);
	}

	/** RosettaSciIO reverses the rows of every frame: pixel (r, c) is stored at row height - 1 - r. */
	@Test
	void framesAreShownAsRosettaSciIoShowsThem() throws IOException {
		Path p = TestData.real(DIR + "Merlin_navigation4x2_ROI/002_4x2_6bit_roi128.mib");
		byte[] raw = Files.readAllBytes(p);
		int h = 128;
		int w = 256;
		int frame = 384 + h * w;
		try (DataFile f = open("Merlin_navigation4x2_ROI/002_4x2_6bit_roi128.mib", Map.of())) {
			ArrayNode n = f.signals().get(0);
			for (int k : new int[] { 0, 5, 7 }) {
				Dataset d = n.source().read(new long[] { k / 4, k % 4, 0, 0 }, new int[] { 1, 1, h, w });
				for (int r : new int[] { 0, 39, h - 40, h - 1 }) {
					for (int c : new int[] { 0, 52, w - 1 }) {
						int stored = raw[k * frame + 384 + (h - 1 - r) * w + c] & 0xff;
						assertEquals(stored, d.getInt(0, 0, r, c), "frame " + k + " (" + r + ", " + c + ")");
					}
				}
			}
		}
		try (DataFile f = open("Merlin_navigation4x2_ROI/002_4x2_6bit_roi128.mib", Map.of("flip", "none"))) {
			Dataset d = f.signals().get(0).source().read(new long[] { 0, 0, 0, 0 }, new int[] { 1, 1, 1, 1 });
			assertEquals(raw[384] & 0xff, d.getInt(0, 0, 0, 0));
		}
	}

	/** The RAW and processed samples of one chip configuration are two exposures of the same beam. */
	@Test
	void rawQuadChipsArePlacedAsTheProcessedFrame() {
		try (DataFile raw = open("Merlin_Single_Quad/Quad_1_Frame_CounterDepth_1_Rows_256RAW.mib", Map.of());
				DataFile processed = open("Merlin_Single_Quad/Quad_1_Frame_CounterDepth_1_Rows_256.mib", Map.of())) {
			double[] a = blocks(Arrays2.readAll(raw.signals().get(0)));
			double[] b = blocks(Arrays2.readAll(processed.signals().get(0)));
			assertTrue(correlation(a, b) > 0.99, "RAW and processed quads agree: " + correlation(a, b));
		}
	}

	@Test
	void metadataFromTheHeaderAndTheHdr() {
		try (DataFile f = open("Merlin_navigation4x2_ROI/001_4x2_6bit.mib", Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertEquals(6L, n.metadata().get("acquisition.detector.counter_depth"));
			assertEquals(new Quantity(0.1, "s"), n.metadata().get("acquisition.instrument.exposure_time"));
			assertEquals(new Quantity(0.1, "s"), n.metadata().get("acquisition.instrument.dwell_time"));
			assertEquals(new Quantity(40.0, "keV"), n.metadata().get("acquisition.detector.threshold"));
			assertEquals("Merlin Quad", n.metadata().get("acquisition.detector.name"));
			assertEquals("2021-05-07T16:51:10.905800928Z", n.metadata().get("general.date_time"));
			assertEquals("Medipix 3RX", n.originalMetadata().at("hdr", "Chip Type (Medipix 3.0, Medipix 3.1, Medipix 3RX)"));
			assertTrue(String.valueOf(n.originalMetadata().get("header.text")).startsWith("MQ1,000001,00384,01,0256,0256,U08,   1x1,01,"));
			assertEquals(List.of(2L, 4L), n.originalMetadata().get("scan.navigation_shape"));
			assertEquals(true, n.originalMetadata().get("scan.guessed"));
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("guess")), f.warnings().toString());
		}
	}

	@Test
	void optionsChooseTheScanAndTheFrames() {
		try (DataFile f = open("Merlin_Single_Quad/Single_9_Frame_CounterDepth_1_Rows_256.mib", Map.of("navigation_shape", "3,3"))) {
			assertArrayEquals(new long[] { 3, 3, 256, 256 }, f.signals().get(0).shape());
		}
		// RosettaSciIO's interrupted acquisition: (3, 4) needs 12 frames, the 2 whole rows of 4 are shown
		try (DataFile f = open("Merlin_Single_Quad/Single_9_Frame_CounterDepth_1_Rows_256.mib", Map.of("navigation_shape", "3,4"))) {
			assertArrayEquals(new long[] { 3, 4, 256, 256 }, f.signals().get(0).shape());
		}
		try (DataFile f = open("Merlin_Single_Quad/Single_9_Frame_CounterDepth_1_Rows_256.mib", Map.of("first_frame", 1))) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 8, 256, 256 }, n.shape());
		}
	}

	private static double[] blocks(Dataset d) {
		int k = 16;
		int side = d.getShape()[0] / k;
		double[] out = new double[side * side];
		for (int r = 0; r < d.getShape()[0]; r++) {
			for (int c = 0; c < d.getShape()[1]; c++) {
				out[(r / k) * side + c / k] += d.getDouble(r, c);
			}
		}
		return out;
	}

	private static double correlation(double[] a, double[] b) {
		double ma = 0;
		double mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i] / a.length;
			mb += b[i] / b.length;
		}
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += (a[i] - ma) * (b[i] - mb);
			aa += (a[i] - ma) * (a[i] - ma);
			bb += (b[i] - mb) * (b[i] - mb);
		}
		return ab / Math.sqrt(aa * bb);
	}
}
