package org.ronchi.io.tiff.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.internal.TiffLoader;

/** Pages, stacks, palettes, probing, concurrency, and what malformed or unsupported files report. */
class TiffStructureTest {
	@TempDir
	Path dir;

	@Test
	void equalPagesStackUnequalPagesSplitThumbnailsAreSkipped() throws Exception {
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		List<byte[]> frames = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			byte[] px = Fixtures.pixels(8 * 6 * 2, 10 + i);
			frames.add(px);
			TiffBuilder.Page p = b.page(8, 6, px);
			p.bits = 16;
			p.compression = i == 1 ? TiffBuilder.LZW : TiffBuilder.NONE; // compression may differ between pages
			if (i == 0) {
				b.page(4, 3, new byte[12]).subfileType = 1; // a thumbnail after the first page
			}
		}
		b.page(5, 5, Fixtures.pixels(25, 20));
		Path f = b.write(dir, "pages.tif");
		try (DataFile d = Fixtures.open(f)) {
			assertEquals(2, d.signals().size());
			ArrayNode stack = d.signals().get(0);
			assertArrayEquals(new long[] { 3, 6, 8 }, stack.shape());
			assertEquals("image-stack", stack.kind());
			assertEquals("frame", stack.axes().get(0).name());
			assertTrue(stack.axes().get(0).navigate());
			assertArrayEquals(new int[] { 0, 2, 3 }, (int[]) stack.attribute("pages"));
			Dataset all = Fixtures.readAll(stack);
			for (int i = 0; i < 3; i++) {
				assertEquals(Fixtures.expected(DType.UINT16, frames.get(i), ByteOrder.LITTLE_ENDIAN, 6, 8),
						all.getSlice(new int[] { i, 0, 0 }, new int[] { i + 1, 6, 8 }, null).squeeze());
			}
			// a box spanning two pages
			Dataset box = stack.source().read(new long[] { 1, 2, 3 }, new int[] { 2, 3, 4 });
			assertEquals(all.getSlice(new int[] { 1, 2, 3 }, new int[] { 3, 5, 7 }, null), box);
			assertArrayEquals(new long[] { 5, 5 }, d.signals().get(1).shape());
			assertTrue(d.warnings().stream().anyMatch(w -> w.contains("reduced-resolution")), d.warnings().toString());
		}
		try (DataFile d = Fixtures.open(f, Map.of("pages_as_signals", true))) {
			assertEquals(4, d.signals().size());
		}
	}

	@Test
	void paletteImagesGiveIndicesAndKeepTheColourMap() throws Exception {
		byte[] px = Fixtures.pixels(12 * 4, 30);
		short[] map = new short[768];
		for (int i = 0; i < 768; i++) {
			map[i] = (short) (i * 85);
		}
		TiffBuilder b = new TiffBuilder(ByteOrder.BIG_ENDIAN, false);
		b.page(12, 4, px).tag(320, map).photometric = 3;
		try (DataFile d = Fixtures.open(b.write(dir, "pal.tif"))) {
			ArrayNode n = d.signals().get(0);
			assertEquals(DType.UINT8, n.dtype());
			assertEquals(Fixtures.expected(DType.UINT8, px, ByteOrder.BIG_ENDIAN, 4, 12), Fixtures.readAll(n));
			long[] cm = (long[]) n.originalMetadata().at("TIFF", "ColorMap");
			assertEquals(768, cm.length);
			assertEquals(85 * 5 & 0xffff, cm[5]);
		}
	}

	@Test
	void probeIsCheapAndNeverThrows() throws Exception {
		TiffLoader l = new TiffLoader();
		assertEquals(FileLoader.SPECIFIC, l.probe(FileProbe.of(dir.resolve("a.tif"), 100, new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 })));
		assertEquals(FileLoader.SPECIFIC, l.probe(FileProbe.of(dir.resolve("a.tif"), 100, new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8 })));
		assertEquals(0, l.probe(FileProbe.of(dir.resolve("a.tif"), 100, new byte[] { 'M', 'M', 0, 42, 0, 0, 1, 8 })), "IFD past the end");
		assertEquals(0, l.probe(FileProbe.of(dir.resolve("a.tif"), 100, new byte[] { 'I', 'I', 43, 0 })));
		assertEquals(0, l.probe(FileProbe.of(dir.resolve("a.dm3"), 100, new byte[] { 0, 0, 0, 3, 0, 0, 0, 0 })));
		assertEquals(0, l.probe(FileProbe.of(dir.resolve("a.tif"), 0, new byte[0])));
	}

	@Test
	void concurrentSlicesOfACompressedImageAgree() throws Exception {
		int w = 64, h = 64;
		byte[] px = Fixtures.pixels(w * h * 2, 40);
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		TiffBuilder.Page p = b.page(w, h, px);
		p.bits = 16;
		p.compression = TiffBuilder.DEFLATE;
		p.predictor = 2;
		p.tileWidth = 16;
		p.tileLength = 16;
		Dataset expected = Fixtures.expected(DType.UINT16, px, ByteOrder.LITTLE_ENDIAN, h, w);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try (DataFile d = Fixtures.open(b.write(dir, "mt.tif"))) {
			ArrayNode n = d.signals().get(0);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 64; t++) {
				int row = t % h;
				results.add(pool.submit(() -> expected.getSlice(new int[] { row, 0 }, new int[] { row + 1, w }, null)
						.equals(n.source().read(new long[] { row, 0 }, new int[] { 1, w }))));
			}
			for (Future<Boolean> r : results) {
				assertTrue(r.get());
			}
		} finally {
			pool.shutdown();
		}
	}

	@Test
	void readingAfterCloseFailsClearly() throws Exception {
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		b.page(4, 4, new byte[16]);
		DataFile d = Fixtures.open(b.write(dir, "closed.tif"));
		ArrayNode n = d.signals().get(0);
		d.close();
		RonchiException e = assertThrows(RonchiException.class, () -> Fixtures.readAll(n));
		assertTrue(e.getMessage().contains("closed.tif"), e.getMessage());
	}

	@Test
	void outOfRangeSlicesAreInvalidRequests() throws Exception {
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		b.page(4, 4, new byte[16]);
		try (DataFile d = Fixtures.open(b.write(dir, "r.tif"))) {
			assertThrows(org.ronchi.core.io.InvalidRequestException.class,
					() -> d.signals().get(0).source().read(new long[] { 2, 0 }, new int[] { 3, 4 }));
		}
	}

	/** Forged sizes and unsupported features: each a TiffException naming the structure, before any allocation. */
	@Test
	void forgedSizesAndUnsupportedFeaturesAreTypedErrors() throws Exception {
		expectError(p -> p.tag(999, "x"), 256, 0x7fffffffL, "one strip or tile of");
		expectError(p -> p.tag(999, "x"), 279, 0x7fffffffL, null); // uncompressed: counts do not decide, stays readable
		expectError(p -> p.compression = TiffBuilder.DEFLATE, 257, 0x7ffffffL, "1 offsets for 8388608 blocks");
		expectError(p -> {
			p.compression = TiffBuilder.DEFLATE;
			p.rowsPerStrip = 1 << 20; // one strip claiming 16 MB from a few hundred compressed bytes
		}, 257, 1 << 20, "declares");
		expectError(p -> p.compression = TiffBuilder.DEFLATE, 279, 0x7fffffffL, "bytes needed");
		expectError(p -> p.tag(999, "x"), 259, 34712, "unsupported compression: 34712 (JPEG 2000)");
		expectError(p -> p.tag(999, "x"), 259, 6, "unsupported compression: 6 (old-style JPEG)");
		expectError(p -> p.tag(999, "x"), 258, 12, "unsupported bits per sample: 12");
		expectError(p -> p.predictor = 2, 317, 5, "unsupported predictor: 5");
		expectError(p -> p.tag(999, "x"), 278, 0, "invalid RowsPerStrip 0");
	}

	private interface Setup {
		void apply(TiffBuilder.Page p);
	}

	/** Writes a 16x16 page, forges the inline value of {@code tag}, opens and reads: expects a message or success. */
	private void expectError(Setup setup, int tag, long value, String message) throws Exception {
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		TiffBuilder.Page p = b.page(16, 16, Fixtures.pixels(256, 50));
		setup.apply(p);
		byte[] file = b.build();
		ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
		int ifd = buf.getInt(4);
		int n = buf.getShort(ifd);
		boolean found = false;
		for (int i = 0; i < n; i++) {
			int e = ifd + 2 + 12 * i;
			if (buf.getShort(e) == tag) {
				buf.putShort(e + 2, (short) 4); // LONG, so that any value fits
				buf.putInt(e + 8, (int) value);
				found = true;
			}
		}
		assertTrue(found, "tag " + tag);
		Path f = dir.resolve("forged.tif");
		Files.write(f, file);
		if (message == null) {
			try (DataFile d = Fixtures.open(f)) {
				Fixtures.readAll(d.signals().get(0));
			}
			return;
		}
		TiffException e = assertThrows(TiffException.class, () -> {
			try (DataFile d = Fixtures.open(f)) {
				Fixtures.readAll(d.signals().get(0));
			}
		});
		assertTrue(e.getMessage().contains(message), e.getMessage());
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
	}

	@Test
	void truncatedChainKeepsEarlierPagesAndLoopsStop() throws Exception {
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		b.page(4, 4, Fixtures.pixels(16, 1));
		b.page(4, 4, Fixtures.pixels(16, 2));
		byte[] file = b.build();
		ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
		int first = buf.getInt(4);
		int n = buf.getShort(first);
		buf.putInt(first + 2 + 12 * n, first); // the first IFD points back at itself
		Path f = dir.resolve("loop.tif");
		Files.write(f, file);
		try (DataFile d = Fixtures.open(f)) {
			assertArrayEquals(new long[] { 4, 4 }, d.signals().get(0).shape());
			assertTrue(d.warnings().stream().anyMatch(w -> w.contains("loops")), d.warnings().toString());
		}
	}
}
