package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * An array stored in chunks, as an {@link ArraySource}: a {@link ChunkGrid} says which chunks a box
 * touches, a {@link ChunkLoader} decodes them (in parallel) and a {@link ChunkCache} keeps them for the
 * next small read; the runs of the box inside each chunk are copied out ({@link BoxRuns}). HDF5 chunked
 * datasets and compressed or tiled TIFF pages read through this (ImgLib2's {@code LazyCellImg}).
 * <p>
 * {@link #readInto} decodes a chunk that is one run of the box, and not cached, straight into the
 * target (no copy) unless the read fills the cache.
 */
public final class ChunkedSource implements ArraySource {
	private final Path file;
	private final DType dtype;
	private final ByteOrder order;
	private final ChunkGrid grid;
	private final ChunkLoader loader;
	private final ChunkCache cache;
	private final long[] chunkShape;
	private final long chunkBytes;

	/**
	 * @param file  for messages
	 * @param order the byte order of the loaded chunks
	 * @param cache where decoded chunks are kept (may be shared by several arrays), or null
	 */
	public ChunkedSource(Path file, DType dtype, ByteOrder order, ChunkGrid grid, ChunkLoader loader, ChunkCache cache) {
		this.file = file;
		this.dtype = dtype;
		this.order = order;
		this.grid = grid;
		this.loader = loader;
		this.cache = cache;
		this.chunkShape = Shapes.toLong(grid.chunk());
		this.chunkBytes = grid.chunkElements() * dtype.itemSize();
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return grid.shape();
	}

	@Override
	public int[] chunkShape() {
		return grid.chunk();
	}

	/** Runs n tasks, in parallel when there are several. */
	private static void forEach(int n, IntConsumer task) {
		IntStream range = IntStream.range(0, n);
		(n > 1 ? range.parallel() : range).forEach(task);
	}

	/** @return whether a read touching these chunks should fill the cache */
	private boolean keeps(List<long[]> touched) {
		return cache != null && cache.admits(touched.size(), touched.size() * chunkBytes);
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		long total = Shapes.checkBox(file, grid.shape(), start, count, dtype.itemSize());
		Dataset out = Buffers.allocate(dtype, count);
		if (total == 0) {
			return out;
		}
		List<long[]> touched = grid.touched(start, count);
		boolean keep = keeps(touched);
		int item = dtype.itemSize();
		forEach(touched.size(), i -> {
			long[] origin = touched.get(i);
			byte[] bytes = chunk(origin, keep);
			if (bytes == null) {
				return; // never written: zeros, as allocated
			}
			BoxRuns runs = BoxRuns.inBlock(origin, chunkShape, start, count);
			ByteBuffer src = ByteBuffer.wrap(bytes).order(order);
			int n = (int) runs.runLength();
			BoxRuns.Cursor c = runs.cursor(0);
			for (long r = 0; r < runs.runCount(); r++, c.next()) {
				src.position((int) (c.blockOffset() * item));
				Buffers.decodeInto(dtype, src, out, (int) c.boxOffset(), n);
			}
		});
		return out;
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		long total = Shapes.checkBox(file, grid.shape(), start, count, dtype.itemSize());
		int item = dtype.itemSize();
		if (total * item > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		target.order(ByteOrder.LITTLE_ENDIAN);
		int base = target.position();
		if (total > 0) {
			List<long[]> touched = grid.touched(start, count);
			boolean keep = keeps(touched);
			long chunkElements = grid.chunkElements();
			forEach(touched.size(), i -> copyChunk(touched.get(i), start, count, target, base, keep, chunkElements));
		}
		target.position(base + (int) (total * item));
	}

	private void copyChunk(long[] origin, long[] start, int[] count, ByteBuffer target, int base, boolean keep, long chunkElements) {
		int item = dtype.itemSize();
		BoxRuns runs = BoxRuns.inBlock(origin, chunkShape, start, count);
		int n = (int) runs.runLength() * item;
		if (!keep && runs.runCount() == 1 && runs.runLength() == chunkElements && cached(origin) == null) {
			// the whole chunk is one run of the box: decode straight into the target
			int at = base + (int) (runs.boxOffset(0) * item);
			if (loader.loadInto(origin, target.duplicate().limit(at + n).position(at))) {
				Buffers.toLittleEndian(dtype, order, target, at, n);
			} else {
				Buffers.zero(target, at, n);
			}
			return;
		}
		byte[] bytes = chunk(origin, keep);
		BoxRuns.Cursor c = runs.cursor(0);
		for (long r = 0; r < runs.runCount(); r++, c.next()) {
			int at = base + (int) (c.boxOffset() * item);
			if (bytes == null) {
				Buffers.zero(target, at, n); // never written: zeros
			} else {
				target.put(at, bytes, (int) (c.blockOffset() * item), n);
				Buffers.toLittleEndian(dtype, order, target, at, n);
			}
		}
	}

	private byte[] cached(long[] origin) {
		long key = grid.index(origin);
		return cache == null || key < 0 ? null : cache.get(this, key);
	}

	/**
	 * @param keep whether to put what is loaded into the cache
	 * @return the chunk (from the cache, loaded, or a scratch array of this thread), null if never written
	 */
	private byte[] chunk(long[] origin, boolean keep) {
		byte[] b = cached(origin);
		if (b != null) {
			return b;
		}
		long key = grid.index(origin);
		keep &= key >= 0;
		b = loader.load(origin, keep);
		if (keep && b != null) {
			cache.put(this, key, b);
		}
		return b;
	}
}
