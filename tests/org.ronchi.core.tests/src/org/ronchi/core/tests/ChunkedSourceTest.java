package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.ChunkCache;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.ChunkLoader;
import org.ronchi.core.lazy.ChunkedSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * Chunked arrays: chunks overhanging the edges, never-written chunks reading as zeros, big-endian
 * chunks, whole chunks decoded straight into the target, and the cache's rule (small reads fill it,
 * reads of many chunks only take from it).
 */
class ChunkedSourceTest {
	private static final long[] SHAPE = { 7, 10, 13 };
	private static final int[] CHUNK = { 2, 4, 5 };

	/** A loader building each chunk from the oracle's elements, counting its loads; chunk (2, *, *) was never written. */
	private static final class Loader implements ChunkLoader {
		final DType dtype;
		final ByteOrder order;
		final AtomicInteger loads = new AtomicInteger();
		final AtomicInteger direct = new AtomicInteger();

		Loader(DType dtype, ByteOrder order) {
			this.dtype = dtype;
			this.order = order;
		}

		static boolean unwritten(long[] origin) {
			return origin[0] == 4;
		}

		@Override
		public byte[] load(long[] origin, boolean keep) {
			loads.incrementAndGet();
			if (unwritten(origin)) {
				return null;
			}
			long[] strides = Shapes.strides(SHAPE);
			int item = dtype.itemSize();
			byte[] out = new byte[(int) Shapes.size(CHUNK) * item];
			long[] idx = new long[3];
			long[] c = Shapes.toLong(CHUNK);
			for (int k = 0; k < out.length / item; k++) {
				boolean inside = true;
				long flat = 0;
				for (int d = 0; d < 3; d++) {
					long i = origin[d] + idx[d];
					inside &= i < SHAPE[d];
					flat += i * strides[d];
				}
				if (inside) {
					System.arraycopy(Stored.stored(dtype, flat, order), 0, out, k * item, item);
				} else {
					java.util.Arrays.fill(out, k * item, (k + 1) * item, (byte) 0x5a); // overhang: must never be read
				}
				Stored.next(idx, c);
			}
			return out;
		}

		@Override
		public boolean loadInto(long[] origin, ByteBuffer target) {
			direct.incrementAndGet();
			return ChunkLoader.super.loadInto(origin, target);
		}
	}

	private static ByteBuffer expected(DType t, long[] start, int[] count) {
		return Stored.box(t, SHAPE, start, count, k -> k / (SHAPE[1] * SHAPE[2]) / 2 == 2 ? -1 : k);
	}

	private static void check(ChunkedSource s, DType t, long[] start, int[] count) {
		ByteBuffer want = expected(t, start, count);
		ByteBuffer got = ByteBuffer.allocate(want.remaining() + 2);
		got.position(2);
		s.readInto(start, count, got);
		assertEquals(want, got.flip().position(2), "readInto " + java.util.Arrays.toString(start) + " " + java.util.Arrays.toString(count));
		Dataset d = s.read(start, count);
		assertEquals(Buffers.decode(t, want.order(ByteOrder.LITTLE_ENDIAN), count), d);
	}

	@Test
	void boxesAcrossChunksInBothByteOrders() {
		Random rnd = new Random(11);
		for (DType t : new DType[] { DType.UINT16, DType.FLOAT32, DType.COMPLEX128 }) {
			for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
				Loader loader = new Loader(t, order);
				ChunkedSource s = new ChunkedSource(Path.of("mem"), t, order, new ChunkGrid(SHAPE, CHUNK), loader, new ChunkCache(1 << 20));
				assertArrayEquals(CHUNK, s.chunkShape());
				check(s, t, new long[3], Shapes.toInt(SHAPE));
				for (int k = 0; k < 25; k++) {
					long[][] box = Stored.randomBox(rnd, SHAPE);
					check(s, t, box[0], Shapes.toInt(box[1]));
				}
			}
		}
	}

	@Test
	void wholeChunksGoStraightIntoTheTargetWhenNotKept() {
		Loader loader = new Loader(DType.INT32, ByteOrder.BIG_ENDIAN);
		// a cache too small to keep anything: every chunk that is one run of the box is loaded into the target
		ChunkedSource s = new ChunkedSource(Path.of("mem"), DType.INT32, ByteOrder.BIG_ENDIAN, new ChunkGrid(SHAPE, CHUNK), loader, new ChunkCache(64));
		check(s, DType.INT32, new long[] { 0, 4, 5 }, new int[] { 6, 4, 5 }); // a column of 3 chunks, each one run of the box
		assertEquals(3, loader.direct.get());
		check(s, DType.INT32, new long[] { 0, 0, 0 }, new int[] { 6, 8, 10 }); // chunks are rows of runs here: copied
		assertEquals(3, loader.direct.get());
	}

	@Test
	void smallReadsFillTheCacheBigOnesDoNot() {
		Loader loader = new Loader(DType.UINT8, ByteOrder.LITTLE_ENDIAN);
		int chunkBytes = 2 * 4 * 5;
		ChunkCache cache = new ChunkCache(4L * 4 * chunkBytes); // a quarter: 4 chunks
		ChunkedSource s = new ChunkedSource(Path.of("mem"), DType.UINT8, ByteOrder.LITTLE_ENDIAN, new ChunkGrid(SHAPE, CHUNK), loader, cache);
		check(s, DType.UINT8, new long[] { 0, 0, 0 }, new int[] { 2, 4, 10 }); // 2 chunks: kept
		assertEquals(2, loader.loads.get());
		check(s, DType.UINT8, new long[] { 1, 1, 1 }, new int[] { 1, 3, 8 });
		assertEquals(2, loader.loads.get(), "served by the cache");
		check(s, DType.UINT8, new long[] { 0, 0, 0 }, Shapes.toInt(SHAPE)); // 4 x 3 x 3 chunks: taken from, not filled
		assertEquals(2 + 2 * 34, loader.loads.get(), "both reads of check() load the 34 chunks not cached");
		check(s, DType.UINT8, new long[] { 2, 4, 5 }, new int[] { 2, 4, 5 });
		assertEquals(2 + 2 * 34 + 1, loader.loads.get(), "the big reads did not fill the cache; this one chunk did");
		assertNull(cache.get(new Object(), 0), "arrays sharing a cache are told apart");
	}

	@Test
	void boxesOutsideTheShapeAreRefused() {
		ChunkedSource s = new ChunkedSource(Path.of("mem"), DType.UINT8, ByteOrder.LITTLE_ENDIAN, new ChunkGrid(SHAPE, CHUNK),
				new Loader(DType.UINT8, ByteOrder.LITTLE_ENDIAN), null);
		assertThrows(InvalidRequestException.class, () -> s.read(new long[] { 6, 0, 0 }, new int[] { 2, 1, 1 }));
		assertThrows(IllegalArgumentException.class, () -> new ChunkGrid(SHAPE, new int[] { 2, 0, 5 }));
		assertEquals(-1, new ChunkGrid(new long[] { Long.MAX_VALUE, Long.MAX_VALUE }, new int[] { 1, 1 }).index(new long[] { 5, 5 }));
	}
}
