package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.DType;

/**
 * The layout run reader against arrays written element by element where a naive formula says: C order
 * in both byte orders, frames between headers and footers, rows stored bottom first, frames found
 * through a table (some missing), frames split over several files, boxes big enough to be read in
 * parallel pieces and crops read through gaps, and positions past 2^31 elements.
 */
class LayoutTest {
	@TempDir
	Path dir;

	/** Reads boxes through both paths and compares them with the oracle's bytes. */
	private static void check(Layout layout, ByteSource bytes, long[] start, int[] count, ByteBuffer expected) {
		LayoutSource s = new LayoutSource(bytes, layout, null);
		ByteBuffer got = ByteBuffer.allocateDirect(expected.remaining() + 3);
		got.position(3);
		s.readInto(start, count, got);
		assertEquals(3 + expected.remaining(), got.position());
		got.position(3);
		assertEquals(expected, got.slice(3, expected.remaining()), "readInto " + layout + " box " + java.util.Arrays.toString(start)
				+ " + " + java.util.Arrays.toString(count));
		Dataset d = s.read(start, count);
		assertArrayEquals(count, d.getShapeRef());
		Dataset want = Buffers.decode(layout.dtype(), expected.duplicate().order(ByteOrder.LITTLE_ENDIAN), count);
		assertEquals(want, d, "read " + layout);
	}

	@Test
	void cOrderInBothByteOrders() {
		Random rnd = new Random(7);
		long[] shape = { 5, 7, 6, 9 };
		for (DType t : new DType[] { DType.UINT8, DType.UINT16, DType.INT32, DType.FLOAT64, DType.COMPLEX64 }) {
			for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
				long offset = 13;
				byte[] file = new byte[(int) (offset + Shapes.size(shape) * t.itemSize())];
				long[] strides = Shapes.strides(shape);
				Stored.write(file, t, order, shape, i -> offset + flat(i, strides) * t.itemSize());
				Layout l = Layout.of(t, order, offset, shape);
				assertEquals(file.length, l.end());
				ByteSource b = ByteSource.of(Path.of("mem"), ByteBuffer.wrap(file));
				check(l, b, new long[4], Shapes.toInt(shape), Stored.box(t, shape, new long[4], Shapes.toInt(shape)));
				for (int k = 0; k < 20; k++) {
					long[][] box = Stored.randomBox(rnd, shape);
					int[] count = Shapes.toInt(box[1]);
					check(l, b, box[0], count, Stored.box(t, shape, box[0], count));
				}
			}
		}
	}

	@Test
	void framesBetweenHeadersAndFootersNameTheFrameWhenCut() throws IOException {
		long[] nav = { 3, 4 };
		long[] frame = { 5, 6 };
		long[] shape = { 3, 4, 5, 6 };
		int header = 17;
		int footer = 12;
		int frameStride = header + 30 * 2 + footer;
		byte[] file = new byte[100 + 12 * frameStride];
		long[] fs = Shapes.strides(frame);
		Stored.write(file, DType.UINT16, ByteOrder.BIG_ENDIAN, shape,
				i -> 100 + header + (i[0] * 4 + i[1]) * frameStride + (i[2] * fs[0] + i[3]) * 2);
		Layout l = Layout.frames(DType.UINT16, ByteOrder.BIG_ENDIAN, 100, nav, frame, header, footer);
		assertEquals(2, l.frameRank());
		assertEquals(file.length - footer, l.end());
		ByteSource b = ByteSource.of(Path.of("mem"), ByteBuffer.wrap(file));
		Random rnd = new Random(3);
		for (int k = 0; k < 30; k++) {
			long[][] box = Stored.randomBox(rnd, shape);
			int[] count = Shapes.toInt(box[1]);
			check(l, b, box[0], count, Stored.box(DType.UINT16, shape, box[0], count));
		}
		Path cut = dir.resolve("cut.raw");
		Files.write(cut, java.util.Arrays.copyOf(file, file.length - footer - 10));
		try (FileBytes f = FileBytes.open(cut)) {
			LayoutSource s = LayoutSource.frames(f, l);
			assertArrayEquals(new int[] { 1, 1, 5, 6 }, s.chunkShape());
			long[] before = { 2, 2, 0, 0 };
			int[] frameBox = { 1, 1, 5, 6 };
			check(l, f, before, frameBox, Stored.box(DType.UINT16, shape, before, frameBox)); // the frames before the cut read
			FormatException e = assertThrows(FormatException.class, () -> s.read(new long[] { 2, 3, 0, 0 }, new int[] { 1, 1, 5, 6 }));
			assertTrue(e.getMessage().startsWith(cut + ": frame 11 at 0x"), e.getMessage());
			assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		}
	}

	@Test
	void rowsStoredBottomFirst() {
		long[] shape = { 4, 7, 5 };
		byte[] file = new byte[4 * 35 * 4];
		// frame f, row r, column c is stored at row (6 - r) of the frame
		Stored.write(file, DType.FLOAT32, ByteOrder.LITTLE_ENDIAN, shape, i -> (i[0] * 35 + (6 - i[1]) * 5 + i[2]) * 4);
		Layout l = Layout.of(DType.FLOAT32, ByteOrder.LITTLE_ENDIAN, 0, shape).flip(1);
		ByteSource b = ByteSource.of(Path.of("mem"), ByteBuffer.wrap(file));
		Random rnd = new Random(5);
		for (int k = 0; k < 30; k++) {
			long[][] box = Stored.randomBox(rnd, shape);
			int[] count = Shapes.toInt(box[1]);
			check(l, b, box[0], count, Stored.box(DType.FLOAT32, shape, box[0], count));
		}
		// columns reversed too: every run is one element
		byte[] both = new byte[file.length];
		Stored.write(both, DType.INT16, ByteOrder.BIG_ENDIAN, shape, i -> (i[0] * 35 + (6 - i[1]) * 5 + (4 - i[2])) * 2);
		Layout l2 = Layout.of(DType.INT16, ByteOrder.BIG_ENDIAN, 0, shape).flip(1).flip(2);
		check(l2, ByteSource.of(Path.of("mem"), ByteBuffer.wrap(both)), new long[] { 1, 2, 1 }, new int[] { 3, 4, 3 },
				Stored.box(DType.INT16, shape, new long[] { 1, 2, 1 }, new int[] { 3, 4, 3 }));
	}

	@Test
	void framesFromATableSomeMissing() {
		long[] shape = { 3, 3, 4, 5 };
		int frameBytes = 20 * 8;
		// frame k of the grid is stored at slot place[k]; -1: never acquired
		int[] place = { 4, 0, -1, 7, 1, 2, 8, -1, 3 };
		byte[] file = new byte[50 + 9 * (frameBytes + 24) + 8]; // the last 8: where elements of missing frames go
		Stored.write(file, DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, shape, i -> {
			int slot = place[(int) (i[0] * 3 + i[1])];
			return slot < 0 ? file.length - 8 : 50 + slot * (frameBytes + 24) + 24 + (i[2] * 5 + i[3]) * 8;
		});
		AtomicInteger calls = new AtomicInteger();
		Layout l = Layout.of(DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, 50 + 24, shape).framesAt(2, k -> {
			calls.incrementAndGet();
			return place[(int) k] < 0 ? -1 : place[(int) k] * (frameBytes + 24L);
		}).missing(Double.NaN).named(k -> "element " + k);
		ByteSource b = ByteSource.of(Path.of("mem"), ByteBuffer.wrap(file));
		LayoutSource s = new LayoutSource(b, l, null);
		Dataset all = s.read(new long[4], new int[] { 3, 3, 4, 5 });
		assertEquals(9, calls.get(), "one origin per frame");
		for (int f = 0; f < 9; f++) {
			for (int p = 0; p < 20; p++) {
				double v = all.getElementDoubleAbs(f * 20 + p);
				if (place[f] < 0) {
					assertTrue(Double.isNaN(v));
				} else {
					assertEquals(((DoubleDataset) Buffers.decode(DType.FLOAT64,
							ByteBuffer.wrap(Stored.element(DType.FLOAT64, f * 20 + p)).order(ByteOrder.LITTLE_ENDIAN), 1)).get(0), v);
				}
			}
		}
		long[] start = { 0, 1, 1, 2 };
		int[] count = { 3, 2, 2, 3 };
		check(l.missing(0), b, start, count, Stored.box(DType.FLOAT64, shape, start, count, k -> place[(int) (k / 20)] < 0 ? -1 : k));
	}

	@Test
	void framesSplitOverFiles() throws IOException {
		long[] shape = { 10, 6, 7 };
		int frameBytes = 42 * 4 + 8;
		byte[] all = new byte[16 + 10 * frameBytes];
		long[] fs = { 7, 1 };
		Stored.write(all, DType.UINT32, ByteOrder.LITTLE_ENDIAN, shape, i -> 16 + 8 + i[0] * frameBytes + (i[1] * fs[0] + i[2]) * 4);
		// cut at places that split frames and headers: files of 100, 0, 777, and the rest
		int[] cuts = { 0, 100, 100, 877, all.length };
		List<FileBytes> parts = new ArrayList<>();
		try {
			for (int i = 0; i + 1 < cuts.length; i++) {
				Path p = dir.resolve("part" + i);
				Files.write(p, java.util.Arrays.copyOfRange(all, cuts[i], cuts[i + 1]));
				parts.add(FileBytes.open(p));
			}
			ByteSource b = ByteSource.concat(parts);
			assertEquals(all.length, b.size());
			Layout l = Layout.frames(DType.UINT32, ByteOrder.LITTLE_ENDIAN, 16, new long[] { 10 }, new long[] { 6, 7 }, 8, 0);
			check(l, b, new long[3], new int[] { 10, 6, 7 }, Stored.box(DType.UINT32, shape, new long[3], new int[] { 10, 6, 7 }));
			check(l, b, new long[] { 2, 1, 3 }, new int[] { 5, 4, 2 }, Stored.box(DType.UINT32, shape, new long[] { 2, 1, 3 }, new int[] { 5, 4, 2 }));
		} finally {
			parts.forEach(FileBytes::close);
		}
	}

	/** Boxes of several pieces (read in parallel), crops whose rows are gathered across gaps, one run per element. */
	@Test
	void bigBoxesCropsAndColumns() throws IOException {
		long[] shape = { 24, 512, 512 };
		Path p = dir.resolve("big.raw");
		byte[] file = new byte[(int) (Shapes.size(shape) * 2)];
		long[] st = Shapes.strides(shape);
		Stored.write(file, DType.UINT16, ByteOrder.LITTLE_ENDIAN, shape, i -> flat(i, st) * 2);
		Files.write(p, file);
		Layout l = Layout.of(DType.UINT16, ByteOrder.LITTLE_ENDIAN, 0, shape);
		try (FileBytes f = FileBytes.open(p)) {
			long[][] starts = { { 0, 0, 0 }, { 3, 100, 7 }, { 0, 0, 300 }, { 5, 1, 1 } };
			int[][] counts = { { 24, 512, 512 }, { 20, 300, 400 }, { 24, 512, 1 }, { 1, 511, 511 } };
			for (int k = 0; k < starts.length; k++) {
				check(l, f, starts[k], counts[k], Stored.box(DType.UINT16, shape, starts[k], counts[k]));
			}
		}
	}

	@Test
	void positionsPast2GiBInASparseFile() throws IOException {
		long[] shape = { 3, 65536, 16384 }; // 3 x 2^30 uint8 elements
		Path p = dir.resolve("sparse.raw");
		try (RandomAccessFile r = new RandomAccessFile(p.toFile(), "rw")) {
			r.setLength(Shapes.size(shape));
			r.seek(2L * 65536 * 16384 + 65535L * 16384 + 16383);
			r.write(200);
			r.seek(1L * 65536 * 16384 + 5);
			r.write(7);
		}
		Layout l = Layout.of(DType.UINT8, ByteOrder.LITTLE_ENDIAN, 0, shape);
		try (FileBytes f = FileBytes.open(p)) {
			LayoutSource s = new LayoutSource(f, l, null);
			assertEquals(200, s.read(new long[] { 2, 65535, 16383 }, new int[] { 1, 1, 1 }).getInt(0, 0, 0));
			Dataset col = s.read(new long[] { 0, 0, 5 }, new int[] { 3, 2, 1 });
			assertEquals(7, col.getInt(1, 0, 0));
			assertEquals(0, col.getInt(2, 1, 0));
			ByteBuffer t = ByteBuffer.allocate(6);
			s.readInto(new long[] { 0, 0, 5 }, new int[] { 3, 2, 1 }, t);
			assertEquals(7, t.get(2));
			assertThrows(InvalidRequestException.class, () -> s.read(new long[] { 0, 0, 0 }, new int[] { 3, 65536, 16384 }));
			assertThrows(InvalidRequestException.class, () -> s.read(new long[] { 0, 0, 1 }, new int[] { 1, 1, 16384 }));
		}
	}

	/**
	 * A frame stored folded (PNDetector FRMS6: the right half of each stored row is the bottom half of the
	 * image, upside down) is two strided layouts and three views: raw detector layouts need no reader of
	 * their own.
	 */
	@Test
	void foldedFramesAreLayoutsAndViews() {
		int n = 3, h = 4, w = 10, item = 2, header = 6;
		long frameBytes = header + (long) h * w * item;
		long[] shown = { n, 2 * h, w / 2 };
		byte[] file = new byte[(int) (n * frameBytes)];
		// shown (f, r, c): rows r < h are stored row r, left half; rows h + r are stored row h - 1 - r, right half
		Stored.write(file, DType.UINT16, ByteOrder.LITTLE_ENDIAN, shown, i -> {
			long row = i[1] < h ? i[1] : 2 * h - 1 - i[1];
			long col = i[1] < h ? i[2] : w / 2 + i[2];
			return i[0] * frameBytes + header + (row * w + col) * item;
		});
		long[] half = { n, h, w / 2 };
		long[] strides = { frameBytes, (long) w * item, item };
		Layout top = Layout.strided(DType.UINT16, ByteOrder.LITTLE_ENDIAN, header, half, strides);
		Layout bottom = Layout.strided(DType.UINT16, ByteOrder.LITTLE_ENDIAN, header + (long) w / 2 * item, half, strides).flip(1);
		ByteSource b = ByteSource.of(Path.of("mem"), ByteBuffer.wrap(file));
		ArraySource frames = Views.flatten(Views.permute(
				Views.stack(List.of(new LayoutSource(b, top, null), new LayoutSource(b, bottom, null))), 1, 0, 2, 3), 1, 3);
		assertArrayEquals(shown, frames.shape());
		Random rnd = new Random(9);
		for (int k = 0; k < 20; k++) {
			long[][] box = k == 0 ? new long[][] { new long[3], shown } : Stored.randomBox(rnd, shown);
			int[] count = Shapes.toInt(box[1]);
			ByteBuffer want = Stored.box(DType.UINT16, shown, box[0], count);
			ByteBuffer got = ByteBuffer.allocate(want.remaining());
			frames.readInto(box[0], count, got);
			assertEquals(want, got.flip());
		}
	}

	private static long flat(long[] idx, long[] strides) {
		long k = 0;
		for (int d = 0; d < idx.length; d++) {
			k += idx[d] * strides[d];
		}
		return k;
	}
}
