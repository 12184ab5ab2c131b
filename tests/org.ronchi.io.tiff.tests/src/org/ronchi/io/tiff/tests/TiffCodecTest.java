package org.ronchi.io.tiff.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;

/** Pixel decoding on synthetic files: every element type, byte order, layout, compression and predictor. */
class TiffCodecTest {
	@TempDir
	Path dir;

	static Stream<Arguments> types() {
		return Stream.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN).flatMap(o -> Stream.of(
				Arguments.of(o, DType.UINT8, 1), Arguments.of(o, DType.INT8, 2), Arguments.of(o, DType.UINT16, 1),
				Arguments.of(o, DType.INT16, 2), Arguments.of(o, DType.UINT32, 1), Arguments.of(o, DType.INT32, 2),
				Arguments.of(o, DType.UINT64, 1), Arguments.of(o, DType.INT64, 2), Arguments.of(o, DType.FLOAT32, 3),
				Arguments.of(o, DType.FLOAT64, 3), Arguments.of(o, DType.COMPLEX64, 6)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("types")
	void everyElementTypeInBothByteOrders(ByteOrder order, DType dtype, int sampleFormat) throws Exception {
		int w = 13, h = 7;
		byte[] px = dtype.isFloat() ? Fixtures.floats(w * h, dtype.itemSize(), order, 1)
				: dtype == DType.COMPLEX64 ? Fixtures.floats(2 * w * h, 4, order, 2) : Fixtures.pixels(w * h * dtype.itemSize(), 3);
		TiffBuilder b = new TiffBuilder(order, false);
		TiffBuilder.Page p = b.page(w, h, px);
		p.bits = dtype.itemSize() * 8;
		p.sampleFormat = sampleFormat;
		p.rowsPerStrip = 3; // three strips, the last one short
		try (DataFile f = Fixtures.open(b.write(dir, "t.tif"))) {
			ArrayNode n = f.signals().get(0);
			assertEquals(dtype, n.dtype());
			assertArrayEquals(new long[] { h, w }, n.shape());
			Dataset expected = Fixtures.expected(dtype, px, order, h, w);
			assertEquals(expected, Fixtures.readAll(n));
			// a box crossing strip boundaries
			Dataset box = n.source().read(new long[] { 2, 3 }, new int[] { 4, 5 });
			assertEquals(expected.getSlice(new int[] { 2, 3 }, new int[] { 6, 8 }, null), box);
		}
	}

	static Stream<Arguments> compressions() {
		return Stream.of(TiffBuilder.NONE, TiffBuilder.LZW, TiffBuilder.DEFLATE, TiffBuilder.PACKBITS).flatMap(c -> Stream.of(
				Arguments.of(c, 1, DType.UINT8, false), Arguments.of(c, 1, DType.UINT16, true),
				Arguments.of(c, c == TiffBuilder.LZW || c == TiffBuilder.DEFLATE ? 2 : 1, DType.UINT16, false),
				Arguments.of(c, c == TiffBuilder.LZW || c == TiffBuilder.DEFLATE ? 2 : 1, DType.INT32, true),
				Arguments.of(c, c == TiffBuilder.LZW || c == TiffBuilder.DEFLATE ? 3 : 1, DType.FLOAT32, false),
				Arguments.of(c, c == TiffBuilder.LZW || c == TiffBuilder.DEFLATE ? 3 : 1, DType.FLOAT64, true)));
	}

	@ParameterizedTest(name = "compression {0} predictor {1} {2} tiled {3}")
	@MethodSource("compressions")
	void compressionsPredictorsStripsAndTiles(int compression, int predictor, DType dtype, boolean tiled) throws Exception {
		for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
			int w = 53, h = 37;
			byte[] px = dtype.isFloat() ? Fixtures.floats(w * h, dtype.itemSize(), order, 4)
					: Fixtures.pixels(w * h * dtype.itemSize(), 5);
			TiffBuilder b = new TiffBuilder(order, false);
			TiffBuilder.Page p = b.page(w, h, px);
			p.bits = dtype.itemSize() * 8;
			p.sampleFormat = dtype.isFloat() ? 3 : dtype.isUnsigned() ? 1 : 2;
			p.compression = compression;
			p.predictor = predictor;
			if (tiled) {
				p.tileWidth = 16;
				p.tileLength = 32;
			} else {
				p.rowsPerStrip = 5;
			}
			try (DataFile f = Fixtures.open(b.write(dir, "c.tif"))) {
				ArrayNode n = f.signals().get(0);
				Dataset expected = Fixtures.expected(dtype, px, order, h, w);
				assertEquals(expected, Fixtures.readAll(n), order + "");
				Dataset box = n.source().read(new long[] { 4, 15 }, new int[] { 30, 20 });
				assertEquals(expected.getSlice(new int[] { 4, 15 }, new int[] { 34, 35 }, null), box);
				Dataset row = n.source().read(new long[] { 36, 0 }, new int[] { 1, w });
				assertEquals(expected.getSlice(new int[] { 36, 0 }, new int[] { 37, w }, null), row);
			}
		}
	}

	@Test
	void rgbContiguousIsChannelLastAndPlanarIsChannelFirst() throws Exception {
		int w = 11, h = 9;
		byte[] px = Fixtures.pixels(w * h * 3, 6);
		for (boolean planar : new boolean[] { false, true }) {
			TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
			TiffBuilder.Page p = b.page(w, h, px);
			p.samples = 3;
			p.photometric = 2;
			p.planar = planar;
			p.compression = TiffBuilder.LZW;
			p.predictor = 2;
			p.rowsPerStrip = 4;
			try (DataFile f = Fixtures.open(b.write(dir, "rgb.tif"))) {
				ArrayNode n = f.signals().get(0);
				long[] shape = planar ? new long[] { 3, h, w } : new long[] { h, w, 3 };
				assertArrayEquals(shape, n.shape());
				assertEquals(planar ? "channel" : "y", n.axes().get(0).name());
				assertEquals("rgb-image", n.kind());
				Dataset expected = Fixtures.expected(DType.UINT8, px, ByteOrder.LITTLE_ENDIAN,
						planar ? new int[] { 3, h, w } : new int[] { h, w, 3 });
				assertEquals(expected, Fixtures.readAll(n));
				// one channel of a box
				int[] start = planar ? new int[] { 1, 2, 3 } : new int[] { 2, 3, 1 };
				int[] count = planar ? new int[] { 1, 5, 6 } : new int[] { 5, 6, 1 };
				Dataset box = n.source().read(new long[] { start[0], start[1], start[2] }, count);
				int[] stop = { start[0] + count[0], start[1] + count[1], start[2] + count[2] };
				assertEquals(expected.getSlice(start, stop, null), box);
			}
		}
	}

	@Test
	void bigTiffInBothByteOrders() throws Exception {
		for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
			byte[] px = Fixtures.pixels(20 * 10 * 2, 7);
			TiffBuilder b = new TiffBuilder(order, true);
			TiffBuilder.Page p = b.page(20, 10, px);
			p.bits = 16;
			p.rowsPerStrip = 3;
			p.compression = TiffBuilder.DEFLATE;
			try (DataFile f = Fixtures.open(b.write(dir, "big.tif"))) {
				assertTrue(f.formatVersion().startsWith("BigTIFF"), f.formatVersion());
				assertEquals(Fixtures.expected(DType.UINT16, px, order, 10, 20), Fixtures.readAll(f.signals().get(0)));
			}
		}
	}

	@Test
	void sparseTilesReadAsZeros() throws Exception {
		int w = 32, h = 32;
		byte[] px = Fixtures.pixels(w * h, 8);
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		TiffBuilder.Page p = b.page(w, h, px);
		p.tileWidth = 16;
		p.tileLength = 16;
		p.compression = TiffBuilder.PACKBITS;
		p.sparse = java.util.Set.of(1);
		try (DataFile f = Fixtures.open(b.write(dir, "sparse.tif"))) {
			Dataset d = Fixtures.readAll(f.signals().get(0));
			Dataset expected = Fixtures.expected(DType.UINT8, px, ByteOrder.LITTLE_ENDIAN, h, w);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int want = y < 16 && x >= 16 ? 0 : expected.getInt(y, x);
					assertEquals(want, d.getInt(y, x), y + "," + x);
				}
			}
		}
	}

	/** JPEG strips and tiles: compared with the JDK's own full decode (colour conversion included) of the same stream. */
	@Test
	void jpegGrayAndColourWithAndWithoutSharedTables() throws Exception {
		int w = 40, h = 24;
		for (int spp : new int[] { 1, 3 }) {
			for (int photometric : spp == 1 ? new int[] { 1 } : new int[] { 2, 6 }) {
				for (boolean tables : new boolean[] { false, true }) {
					byte[] px = smooth(w, h, spp);
					TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
					TiffBuilder.Page p = b.page(w, h, px);
					p.samples = spp;
					p.photometric = photometric;
					p.compression = TiffBuilder.JPEG;
					p.jpegTables = tables;
					p.rowsPerStrip = 16; // two strips; the second is 8 rows
					Path file = b.write(dir, "j.tif");
					try (DataFile f = Fixtures.open(file)) {
						ArrayNode n = f.signals().get(0);
						Dataset got = Fixtures.readAll(n);
						int maxDiff = 0;
						for (int y = 0; y < h; y++) {
							for (int x = 0; x < w; x++) {
								for (int c = 0; c < spp; c++) {
									int want = px[(y * w + x) * spp + c] & 0xff;
									int have = spp == 1 ? got.getInt(y, x) : got.getInt(y, x, c);
									maxDiff = Math.max(maxDiff, Math.abs(want - have));
								}
							}
						}
						// lossy, but a smooth ramp at quality 75 stays within a few levels
						assertTrue(maxDiff <= 12, "spp " + spp + " photometric " + photometric + " tables " + tables + ": " + maxDiff);
					}
				}
			}
		}
	}

	@Test
	void jpegMatchesTheJdkFullDecodeOfTheSameStream() throws Exception {
		int w = 48, h = 32;
		byte[] px = smooth(w, h, 3);
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		TiffBuilder.Page p = b.page(w, h, px);
		p.samples = 3;
		p.photometric = 6;
		p.compression = TiffBuilder.JPEG;
		Path file = b.write(dir, "j1.tif");
		// the single strip is one complete JPEG stream: decode it with ImageIO.read, which converts YCbCr itself
		byte[] all = java.nio.file.Files.readAllBytes(file);
		int soi = 8;
		BufferedImage ref = ImageIO.read(new ByteArrayInputStream(all, soi, all.length - soi));
		try (DataFile f = Fixtures.open(file)) {
			Dataset got = Fixtures.readAll(f.signals().get(0));
			int maxDiff = 0;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int rgb = ref.getRGB(x, y);
					int[] want = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff };
					for (int c = 0; c < 3; c++) {
						maxDiff = Math.max(maxDiff, Math.abs(want[c] - got.getInt(y, x, c)));
					}
				}
			}
			assertTrue(maxDiff <= 1, "max difference to ImageIO's decode: " + maxDiff);
		}
	}

	private static byte[] smooth(int w, int h, int spp) {
		byte[] px = new byte[w * h * spp];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				for (int c = 0; c < spp; c++) {
					px[(y * w + x) * spp + c] = (byte) (20 + 2 * x + 2 * y + 30 * c); // stays below 255: no wrap, no ringing
				}
			}
		}
		return px;
	}
}
