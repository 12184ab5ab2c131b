package org.ronchi.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.lazy.BoxRuns;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.Shapes;

/**
 * Chunked data: each chunk is padded to full size if it lies on the edge, filtered, appended to the
 * file and recorded; at close the chunks are indexed by a type 1 version 1 B-tree whose keys are the
 * stored size, the filter mask and the chunk's element offset (plus a 0 for the element dimension).
 */
final class ChunkedStorage {
	private static final int FANOUT = 64; // 2K with K = 32, what libhdf5 assumes for version 0 superblocks

	private final ChunkGrid grid;
	private final int[] chunk;
	private final int elementSize;
	private final int chunkBytes;
	private final ChunkFilters filters;
	private final ChunkIndex index = new ChunkIndex();
	private BTreeV1 btree;

	ChunkedStorage(long[] shape, int[] chunk, int elementSize, ChunkFilters filters) {
		this.grid = new ChunkGrid(shape, chunk);
		this.chunk = chunk.clone();
		this.elementSize = elementSize;
		long bytes = Shapes.size(chunk) * elementSize;
		if (bytes > Integer.MAX_VALUE - 64) {
			throw new IllegalArgumentException("chunk of " + bytes + " bytes: chunks must be smaller than 2 GiB");
		}
		if (grid.count() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(grid.count() + " chunks: use larger chunks (at most 2^31 - 1 of them)");
		}
		this.chunkBytes = (int) bytes;
		this.filters = filters;
	}

	ChunkGrid grid() {
		return grid;
	}

	/**
	 * Filters and appends one chunk. data holds either the full chunk or, for an edge chunk, just its
	 * part inside the dataset; both C order, little-endian.
	 */
	void write(long[] offset, ByteBuffer data, OutputFile file) throws IOException {
		if (!grid.isOrigin(offset)) {
			throw new IllegalArgumentException("offset " + Arrays.toString(offset) + " is not a chunk start of shape "
					+ Shapes.format(grid.shape()) + " in chunks " + Arrays.toString(chunk));
		}
		int linear = (int) grid.index(offset);
		int[] inside = grid.clipped(offset);
		long insideBytes = Shapes.size(inside) * elementSize;
		ByteBuffer full = data;
		if (data.remaining() != chunkBytes) {
			if (data.remaining() != insideBytes) {
				throw new IllegalArgumentException("chunk at " + Arrays.toString(offset) + " needs " + chunkBytes
						+ (insideBytes != chunkBytes ? " or " + insideBytes : "") + " bytes, got " + data.remaining());
			}
			full = ByteBuffer.allocate(chunkBytes);
			BoxRuns.of(Shapes.toLong(chunk), new long[offset.length], inside).copy(full, data, elementSize, false);
		}
		ByteBuffer stored = filters.apply(full.duplicate());
		if (!index.claim(linear)) {
			throw new IllegalArgumentException("chunk at " + Arrays.toString(offset) + " was already written");
		}
		int size = stored.remaining();
		long at = file.append(stored);
		index.record(linear, at, size);
	}

	/** Builds the chunk B-tree (none if no chunk was written) and returns its nodes. */
	List<? extends Block> blocks() {
		ChunkIndex.Sorted s = index.sorted();
		if (s.count() == 0) {
			return List.of();
		}
		btree = new BTreeV1(1, FANOUT, 8 + 8 * (chunk.length + 1), s.count(), (out, e) -> key(out, s, (int) e),
				e -> s.address()[(int) e]);
		return btree.nodes();
	}

	private void key(ByteBuffer out, ChunkIndex.Sorted s, int e) {
		boolean last = e == s.count();
		long[] offset = grid.origin(s.linear()[last ? e - 1 : e]);
		if (last) {
			// upper bound past the last chunk, as libhdf5 writes it: one chunk further in the last dimension
			offset[offset.length - 1] += chunk[chunk.length - 1];
		}
		out.putInt(last ? 0 : s.size()[e]).putInt(0); // stored size; filter mask 0: every filter applied
		for (long o : offset) {
			out.putLong(o);
		}
		out.putLong(0);
	}

	List<HeaderMessage> messages() {
		List<HeaderMessage> m = new ArrayList<>();
		m.add(new FillValueMessage(true));
		if (!filters.isEmpty()) {
			m.add(new FilterPipelineMessage(filters.describe()));
		}
		m.add(DataLayoutMessage.chunked(() -> btree == null ? Block.UNDEF : btree.root().address, chunk, elementSize));
		return m;
	}
}
