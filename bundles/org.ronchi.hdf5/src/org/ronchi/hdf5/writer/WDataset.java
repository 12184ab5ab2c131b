package org.ronchi.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.BoxRuns;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * A dataset being written. Chunked datasets take chunks in any order and from any thread
 * ({@link #writeChunk}); each is compressed in the calling thread and appended at once, so memory
 * stays bounded. Contiguous datasets have their space reserved at creation and are written in place.
 * {@link #writeFrom} streams a whole {@link ArraySource} either way, in parallel if given an executor.
 * Chunks never written read as 0.
 */
public final class WDataset extends WNode {
	/** Contiguous data is streamed in slabs of about this size. */
	private static final long SLAB_BYTES = 8L << 20;

	private final Datatype type;
	private final DType dtype;
	private final long[] shape;
	private final ChunkedStorage chunks;
	private final long address;
	private final Value value;
	private ValueBlock valueBlock;

	WDataset(Hdf5Writer writer, WGroup parent, String name, Datatype type, DType dtype, long[] shape, DatasetOptions options) {
		super(writer, parent, name);
		if (!Datatype.isFixed(type)) {
			throw new IllegalArgumentException("strings, sequences and references are written whole: use dataset(name, Value)");
		}
		this.type = type;
		this.dtype = dtype;
		this.shape = checkShape(shape);
		this.value = null;
		if (options.isChunked()) {
			this.chunks = new ChunkedStorage(this.shape, clip(options.chunk(), this.shape), type.size(),
					new ChunkFilters(options.shuffled(), options.deflateLevel(), type.size()));
			this.address = Block.UNDEF;
		} else {
			if (options.shuffled() || options.deflateLevel() >= 0) {
				throw new IllegalArgumentException("filters need chunked storage: " + options);
			}
			this.chunks = null;
			long bytes = Shapes.size(this.shape) * type.size();
			this.address = bytes == 0 ? Block.UNDEF : writer.file().reserve(bytes);
		}
	}

	private WDataset(Hdf5Writer writer, WGroup parent, String name, Value value, long address) {
		super(writer, parent, name);
		this.type = value.type();
		this.dtype = null;
		this.shape = value.shape();
		this.chunks = null;
		this.value = value.isResolvedAtClose() ? value : null;
		this.address = address;
	}

	/** A contiguous dataset holding a value: written now, or at close if it holds heap strings or references. */
	static WDataset of(Hdf5Writer writer, WGroup parent, String name, Value value) throws IOException {
		if (value.isResolvedAtClose() || value.byteSize() == 0) {
			return new WDataset(writer, parent, name, value, Block.UNDEF);
		}
		ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(value.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
		value.encode(b, null);
		return new WDataset(writer, parent, name, value, writer.file().append(b.flip()));
	}

	private static long[] checkShape(long[] shape) {
		if (shape.length > 32) {
			throw new IllegalArgumentException("rank " + shape.length + ": HDF5 allows at most 32 dimensions");
		}
		for (long d : shape) {
			if (d < 0) {
				throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
			}
		}
		Shapes.size(shape); // overflow check
		return shape.clone();
	}

	private static int[] clip(int[] chunk, long[] shape) {
		if (shape.length == 0) {
			throw new IllegalArgumentException("a scalar dataset cannot be chunked");
		}
		if (chunk.length != shape.length) {
			throw new IllegalArgumentException("chunk rank " + chunk.length + " differs from dataset rank " + shape.length);
		}
		int[] c = new int[chunk.length];
		for (int i = 0; i < c.length; i++) {
			c[i] = (int) Math.min(chunk[i], Math.max(1, shape[i]));
		}
		return c;
	}

	@Override
	public WDataset attribute(String attributeName, Object v) {
		super.attribute(attributeName, v);
		return this;
	}

	public long[] shape() {
		return shape.clone();
	}

	public Datatype datatype() {
		return type;
	}

	/** @return the core dtype this dataset was declared with, or null (records, strings, references) */
	public DType dtype() {
		return dtype;
	}

	/** @return the chunk shape, or null for contiguous storage */
	public int[] chunkShape() {
		return chunks == null ? null : chunks.grid().chunk();
	}

	/**
	 * Stores one chunk. offset is the chunk's first element (a multiple of the chunk shape); data holds
	 * the chunk in C order, little-endian, from its position to its limit: either the full chunk or,
	 * for a chunk on the edge, only its part inside the dataset. Thread-safe; any order; once per chunk.
	 */
	public void writeChunk(long[] offset, ByteBuffer data) {
		requireChunked();
		writer.data(path(), false, () -> chunks.write(offset.clone(), data.duplicate(), writer.file()));
	}

	/** Stores one chunk given as a January dataset (of the full or the clipped chunk shape). */
	public void writeChunk(long[] offset, Dataset data) {
		writeChunk(offset, encode(requireDtype(), data));
	}

	/** Writes the whole dataset from memory. */
	public void write(Dataset whole) {
		DType t = requireDtype();
		checkSameShape(Shapes.toLong(whole.getShapeRef()));
		writeBlocks((start, count) -> {
			int[] from = new int[start.length];
			int[] to = new int[start.length];
			for (int i = 0; i < start.length; i++) {
				from[i] = (int) start[i];
				to[i] = from[i] + count[i];
			}
			return encode(t, start.length == 0 ? whole : whole.getSlice(from, to, null));
		}, null);
	}

	/** Writes the whole dataset from little-endian bytes in C order (any fixed-size type). */
	public void write(ByteBuffer whole) {
		if (whole.remaining() != Shapes.size(shape) * type.size()) {
			throw writer.error(path(), "needs " + Shapes.size(shape) * type.size() + " bytes, got " + whole.remaining(), null);
		}
		ByteBuffer src = whole.duplicate();
		writeBlocks((start, count) -> {
			ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(Shapes.size(count) * type.size()));
			BoxRuns.of(shape, start, count).copy(src, b, type.size(), true);
			return b;
		}, null);
	}

	/**
	 * Streams a whole source into this dataset, one chunk (or, if contiguous, one slab of about 8 MiB)
	 * at a time. With an executor, blocks are read and compressed in parallel, a bounded number at a
	 * time; with null, in the calling thread. Values are converted to this dataset's dtype as January
	 * casts. If this fails, the writer is marked failed: {@link Hdf5Writer#close()} then deletes the file.
	 */
	public void writeFrom(ArraySource source, Executor executor) {
		DType t = requireDtype();
		checkSameShape(source.shape());
		writeBlocks((start, count) -> {
			Dataset d = source.read(start, count);
			if (d.getSize() != Shapes.size(count)) {
				throw new IllegalArgumentException("source returned " + d.getSize() + " elements for " + Arrays.toString(count));
			}
			return encode(t, d);
		}, executor);
	}

	private interface BlockSource {
		ByteBuffer read(long[] start, int[] count) throws Exception;
	}

	private void writeBlocks(BlockSource source, Executor executor) {
		writer.data(path(), true, () -> {
			ChunkGrid grid = chunks != null ? chunks.grid() : slabs();
			long blockBytes = grid.chunkElements() * type.size();
			ChunkStream.run(grid.count(), block -> {
				long[] start = grid.origin(block);
				store(start, source.read(start, grid.clipped(start)));
			}, executor, ChunkStream.maxInFlight(blockBytes));
		});
	}

	private void store(long[] start, ByteBuffer bytes) throws IOException {
		if (chunks != null) {
			chunks.write(start, bytes, writer.file());
			return;
		}
		long[] strides = Shapes.strides(shape);
		long element = 0;
		for (int i = 0; i < start.length; i++) {
			element += start[i] * strides[i];
		}
		writer.file().writeAt(address + element * type.size(), bytes);
	}

	/** Blocks of whole trailing dimensions (and part of one more), each contiguous in the file. */
	private ChunkGrid slabs() {
		if (value != null) {
			throw new IllegalArgumentException("this dataset's value is written at close");
		}
		long target = Math.max(1, SLAB_BYTES / type.size());
		int[] block = new int[shape.length];
		Arrays.fill(block, 1);
		long inner = 1;
		int k = shape.length - 1;
		while (k >= 0 && inner * Math.max(1, shape[k]) <= target) {
			block[k] = (int) Math.max(1, shape[k]);
			inner *= block[k];
			k--;
		}
		if (k >= 0) {
			block[k] = (int) Math.max(1, target / inner);
		}
		return new ChunkGrid(shape, block);
	}

	private static ByteBuffer encode(DType t, Dataset d) {
		Dataset c = Buffers.contiguous(t, d);
		int n = c.getSize();
		ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(n, t.itemSize())).order(ByteOrder.LITTLE_ENDIAN);
		Buffers.encode(t, c, 0, n, b);
		return b.flip();
	}

	private void requireChunked() {
		if (chunks == null) {
			throw writer.error(path(), "writeChunk needs a chunked dataset; use write or writeFrom", null);
		}
	}

	private DType requireDtype() {
		if (dtype == null || dtype == DType.STRING) {
			throw writer.error(path(), "a dataset of " + type + " is written from bytes, not January datasets", null);
		}
		return dtype;
	}

	private void checkSameShape(long[] other) {
		if (!Arrays.equals(other, shape)) {
			throw writer.error(path(), "source shape " + Shapes.format(other) + " differs from " + Shapes.format(shape), null);
		}
	}

	/** The dataset's header messages; adds the blocks they point to (chunk B-tree, data of a value). */
	List<HeaderMessage> messages(GlobalHeap heap, List<Block> blocks) {
		List<HeaderMessage> m = new ArrayList<>();
		m.add(new DataspaceMessage(shape));
		m.add(new DatatypeMessage(type));
		if (chunks != null) {
			blocks.addAll(chunks.blocks());
			m.addAll(chunks.messages());
			return m;
		}
		m.add(new FillValueMessage(false));
		long bytes = Shapes.size(shape) * type.size();
		if (value != null && bytes > 0) {
			valueBlock = new ValueBlock(value, heap);
			blocks.add(valueBlock);
			m.add(DataLayoutMessage.contiguous(() -> valueBlock.address, bytes));
		} else {
			m.add(DataLayoutMessage.contiguous(() -> address, bytes));
		}
		return m;
	}
}
