package org.ronchi.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.StringDataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * An HDF5 dataset as an {@link ArraySource}. Contiguous data is read with positional reads straight
 * from the file, big boxes in pieces read in parallel; chunked data decodes only the chunks a box
 * touches, in parallel ({@link ChunkDecoder}), through a per-dataset {@link ChunkCache} for small reads.
 * Both copy in runs of the trailing dimensions that are whole in the box and in the stored block
 * ({@link BoxRuns}). jhdf does the parsing (and the less common filters) but its slice API returns
 * nested Java arrays and decodes one chunk after another, which is what this class avoids.
 */
final class Hdf5ArraySource implements ArraySource {
	private static final long CACHE_BYTES = 128L << 20;
	/** Contiguous boxes are read in pieces of this size: in parallel, through bounded temporary buffers. */
	private static final int PIECE_BYTES = 4 << 20;
	private static final byte[] ZEROS = new byte[64 << 10];

	private final Hdf5File file;
	private final Dataset dataset;
	private final String objectPath;
	private final DType dtype;
	private final ByteOrder order;
	private final long[] shape;
	private final int[] chunk;
	private final ChunkCache cache;
	private final ChunkDecoder decoder;
	/** Strides of the chunk grid, for exact cache keys; null when the grid has no valid long index. */
	private final long[] gridStrides;

	Hdf5ArraySource(Hdf5File file, Dataset dataset) {
		this.file = file;
		this.dataset = dataset;
		this.objectPath = dataset.getPath();
		this.dtype = HdfTypes.dtype(dataset.getDataType());
		this.order = HdfTypes.order(dataset.getDataType());
		this.shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
		if (dataset instanceof ChunkedDataset c) {
			this.chunk = c.getChunkDimensions();
			this.cache = new ChunkCache(CACHE_BYTES);
			this.decoder = new ChunkDecoder(file, c, objectPath, Shapes.size(chunk) * dtype.itemSize());
			this.gridStrides = gridStrides(shape, chunk);
		} else {
			this.chunk = null;
			this.cache = null;
			this.decoder = null;
			this.gridStrides = null;
		}
	}

	private static long[] gridStrides(long[] shape, int[] chunk) {
		if (chunk.length != shape.length) {
			return null;
		}
		long[] grid = new long[shape.length];
		try {
			for (int d = 0; d < shape.length; d++) {
				if (chunk[d] <= 0) {
					return null;
				}
				grid[d] = (shape[d] + chunk[d] - 1) / chunk[d];
			}
			long[] strides = new long[shape.length];
			long s = 1;
			for (int d = shape.length - 1; d >= 0; d--) {
				strides[d] = s;
				s = Math.multiplyExact(s, Math.max(1, grid[d]));
			}
			return strides;
		} catch (ArithmeticException e) {
			return null; // a forged shape: read without the cache
		}
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		return chunk == null ? null : chunk.clone();
	}

	String objectPath() {
		return objectPath;
	}

	@Override
	public org.eclipse.january.dataset.Dataset read(long[] start, int[] count) {
		checkBounds(start, count);
		try {
			if (dtype == DType.STRING) {
				return readStrings(start, count);
			}
			if (dtype.januaryClass() == null || dtype == DType.OTHER) {
				throw new Hdf5Exception(file.path(), objectPath, "datatype " + dataset.getDataType().getClass().getSimpleName()
						+ " cannot be read as numbers");
			}
			if (Shapes.size(count) == 0) {
				return Buffers.allocate(dtype, count);
			}
			if (dataset instanceof ContiguousDataset c && shape.length > 0) {
				return readContiguous(c, start, count);
			}
			if (dataset instanceof ChunkedDataset && shape.length > 0) {
				return readChunked(start, count);
			}
			return readWhole(start, count);
		} catch (HdfException e) {
			throw new Hdf5Exception(file.path(), objectPath, "cannot read: " + e.getMessage(), e);
		} catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
			// jhdf meets corrupt structures with these too (a global heap without the object, a forged size)
			throw new Hdf5Exception(file.path(), objectPath, "corrupt data: " + e, e);
		}
	}

	/**
	 * Raw elements straight into target: contiguous data by positional reads into it, chunked data by
	 * inflating whole chunks into it or copying runs of decoded chunks (decoded in parallel, through the
	 * cache for small reads). Big-endian data is swapped in place; compact and scalar data take the
	 * decoding default.
	 */
	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		checkBounds(start, count);
		long bytes = Shapes.size(count) * dtype.itemSize();
		if (!dtype.isNumeric() || dtype.itemSize() == 0 || shape.length == 0
				|| !(dataset instanceof ContiguousDataset || dataset instanceof ChunkedDataset)) {
			ArraySource.super.readInto(start, count, target);
			return;
		}
		if (bytes > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		target.order(ByteOrder.LITTLE_ENDIAN);
		int base = target.position();
		try {
			if (bytes > 0 && dataset instanceof ContiguousDataset c) {
				contiguousInto(c, start, count, target, base);
			} else if (bytes > 0) {
				chunkedInto(start, count, target, base);
			}
		} catch (HdfException e) {
			throw new Hdf5Exception(file.path(), objectPath, "cannot read: " + e.getMessage(), e);
		} catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
			throw new Hdf5Exception(file.path(), objectPath, "corrupt data: " + e, e);
		}
		if (order == ByteOrder.BIG_ENDIAN && dtype.itemSize() > 1) {
			swap(target, base, (int) bytes);
		}
		target.position(base + (int) bytes);
	}

	private void checkBounds(long[] start, int[] count) {
		if (start.length != shape.length || count.length != shape.length) {
			throw new Hdf5Exception(file.path(), objectPath, "slice of rank " + start.length + " for a dataset of rank " + shape.length);
		}
		for (int i = 0; i < shape.length; i++) {
			if (start[i] < 0 || count[i] < 0 || start[i] + count[i] > shape[i]) {
				throw new Hdf5Exception(file.path(), objectPath, "slice [" + start[i] + ", " + (start[i] + count[i])
						+ ") is outside dimension " + i + " of size " + shape[i]);
			}
		}
	}

	/** Runs n tasks, in parallel when there are several. */
	private static void forEach(int n, IntConsumer task) {
		IntStream range = IntStream.range(0, n);
		(n > 1 ? range.parallel() : range).forEach(task);
	}

	// -- contiguous: the box as pieces of at most PIECE_BYTES in C order, each read run by run

	/** Reads one piece: elements [from, to) of the box in C order, into dest (positioned, with room). */
	private void readPiece(ContiguousDataset c, BoxRuns runs, long from, long to, ByteBuffer dest) {
		long address = c.getDataAddress();
		int item = dtype.itemSize();
		long run = runs.runLength();
		for (long e = from; e < to;) {
			long r = e / run;
			long within = e % run;
			int n = (int) Math.min(run - within, to - e);
			dest.limit(dest.position() + n * item);
			readFully(dest, address + (runs.blockOffset(r) + within) * item);
			e += n;
		}
	}

	private boolean unwritten(ContiguousDataset c) {
		return c.getDataAddress() < 0 || dataset.getStorageInBytes() == 0; // never written: the fill value, zero
	}

	private org.eclipse.january.dataset.Dataset readContiguous(ContiguousDataset c, long[] start, int[] count) {
		org.eclipse.january.dataset.Dataset out = Buffers.allocate(dtype, count);
		if (unwritten(c)) {
			return out;
		}
		BoxRuns runs = new BoxRuns(new long[shape.length], shape, start, count);
		long total = Shapes.size(count);
		long piece = Math.max(1, PIECE_BYTES / dtype.itemSize());
		forEach((int) ((total + piece - 1) / piece), p -> {
			long from = p * piece;
			long to = Math.min(total, from + piece);
			ByteBuffer buf = ByteBuffer.allocate((int) ((to - from) * dtype.itemSize())).order(order);
			readPiece(c, runs, from, to, buf);
			buf.flip();
			Buffers.decodeInto(dtype, buf, out, (int) from, (int) (to - from));
		});
		return out;
	}

	private void contiguousInto(ContiguousDataset c, long[] start, int[] count, ByteBuffer target, int base) {
		long total = Shapes.size(count);
		int item = dtype.itemSize();
		if (unwritten(c)) {
			zero(target, base, total * item);
			return;
		}
		BoxRuns runs = new BoxRuns(new long[shape.length], shape, start, count);
		long piece = Math.max(1, PIECE_BYTES / item);
		forEach((int) ((total + piece - 1) / piece), p -> {
			long from = p * piece;
			ByteBuffer dest = target.duplicate().position(base + (int) (from * item));
			readPiece(c, runs, from, Math.min(total, from + piece), dest);
		});
	}

	/** Positional read of buf's remaining bytes at pos, reporting truncation with the offset. */
	private void readFully(ByteBuffer buf, long pos) {
		long at = pos - buf.position();
		try {
			while (buf.hasRemaining()) {
				if (file.channel().read(buf, at + buf.position()) < 0) {
					throw new Hdf5Exception(file.path(), objectPath, "truncated: data at 0x" + Long.toHexString(pos)
							+ " runs past the end of the file");
				}
			}
		} catch (IOException e) {
			throw new Hdf5Exception(file.path(), objectPath, "read failed at 0x" + Long.toHexString(pos) + ": " + e.getMessage(), e);
		}
	}

	private static void zero(ByteBuffer target, int at, long bytes) {
		for (long done = 0; done < bytes; done += ZEROS.length) {
			target.put((int) (at + done), ZEROS, 0, (int) Math.min(ZEROS.length, bytes - done));
		}
	}

	// -- chunked: the chunks the box touches, decoded in parallel

	/** @return the origins of the chunks the box touches, in C order */
	private List<long[]> touchedChunks(long[] start, int[] count) {
		int rank = shape.length;
		long[] first = new long[rank];
		long[] nChunks = new long[rank];
		for (int d = 0; d < rank; d++) {
			first[d] = start[d] / chunk[d];
			nChunks[d] = (start[d] + count[d] - 1) / chunk[d] - first[d] + 1;
		}
		List<long[]> touched = new ArrayList<>();
		long total = Shapes.size(nChunks);
		long[] idx = new long[rank];
		for (long k = 0; k < total; k++) {
			long[] origin = new long[rank];
			for (int d = 0; d < rank; d++) {
				origin[d] = (first[d] + idx[d]) * chunk[d];
			}
			touched.add(origin);
			for (int d = rank - 1; d >= 0; d--) {
				if (++idx[d] < nChunks[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
		return touched;
	}

	/** @return the chunk's index in the chunk grid (the cache key), or -1 if the grid has none */
	private long key(long[] origin) {
		if (gridStrides == null) {
			return -1;
		}
		long key = 0;
		for (int d = 0; d < origin.length; d++) {
			key += origin[d] / chunk[d] * gridStrides[d];
		}
		return key;
	}

	/**
	 * @param keep whether to put what is decoded into the cache
	 * @return the decoded chunk (from the cache, new, or a scratch array of this thread), null if unwritten
	 */
	private byte[] decodedChunk(long[] origin, boolean keep) {
		long key = key(origin);
		byte[] cached = key < 0 ? null : cache.get(key);
		if (cached != null) {
			return cached;
		}
		keep &= key >= 0;
		byte[] bytes = decoder.decode(origin, keep);
		if (keep && bytes != null) {
			cache.put(key, bytes);
		}
		return bytes;
	}

	private org.eclipse.january.dataset.Dataset readChunked(long[] start, int[] count) {
		List<long[]> touched = touchedChunks(start, count);
		boolean keep = cache.admits(touched.size() * (long) decoder.chunkBytes());
		org.eclipse.january.dataset.Dataset out = Buffers.allocate(dtype, count);
		int item = dtype.itemSize();
		long[] chunkShape = Shapes.toLong(chunk);
		forEach(touched.size(), i -> {
			long[] origin = touched.get(i);
			byte[] bytes = decodedChunk(origin, keep);
			if (bytes == null) {
				return; // unwritten chunk: the fill value, zero
			}
			BoxRuns runs = new BoxRuns(origin, chunkShape, start, count);
			ByteBuffer src = ByteBuffer.wrap(bytes).order(order);
			int n = (int) runs.runLength();
			for (long r = 0; r < runs.runCount(); r++) {
				src.position((int) (runs.blockOffset(r) * item));
				Buffers.decodeInto(dtype, src, out, (int) runs.boxOffset(r), n);
			}
		});
		return out;
	}

	private void chunkedInto(long[] start, int[] count, ByteBuffer target, int base) {
		List<long[]> touched = touchedChunks(start, count);
		boolean keep = cache.admits(touched.size() * (long) decoder.chunkBytes());
		int item = dtype.itemSize();
		long[] chunkShape = Shapes.toLong(chunk);
		long chunkElements = Shapes.size(chunk);
		forEach(touched.size(), i -> {
			long[] origin = touched.get(i);
			BoxRuns runs = new BoxRuns(origin, chunkShape, start, count);
			int n = (int) runs.runLength() * item;
			if (!keep && runs.runCount() == 1 && runs.runLength() == chunkElements && cachedOrNull(origin) == null) {
				// the whole chunk is one run of the box: decode straight into target
				ByteBuffer dest = target.duplicate().position(base + (int) (runs.boxOffset(0) * item));
				if (!decoder.decodeInto(origin, dest)) {
					zero(target, base + (int) (runs.boxOffset(0) * item), n);
				}
				return;
			}
			byte[] bytes = decodedChunk(origin, keep);
			for (long r = 0; r < runs.runCount(); r++) {
				int at = base + (int) (runs.boxOffset(r) * item);
				if (bytes == null) {
					zero(target, at, n); // unwritten chunk: the fill value, zero
				} else {
					target.put(at, bytes, (int) (runs.blockOffset(r) * item), n);
				}
			}
		});
	}

	private byte[] cachedOrNull(long[] origin) {
		long key = key(origin);
		return key < 0 ? null : cache.get(key);
	}

	private void swap(ByteBuffer b, int from, int length) {
		int item = dtype.isComplex() ? dtype.itemSize() / 2 : dtype.itemSize();
		for (int i = from; i < from + length; i += item) {
			for (int j = 0; j < item / 2; j++) {
				byte t = b.get(i + j);
				b.put(i + j, b.get(i + item - 1 - j));
				b.put(i + item - 1 - j, t);
			}
		}
	}

	/** Compact and scalar datasets: small by definition, read through jhdf's flat API. */
	private org.eclipse.january.dataset.Dataset readWhole(long[] start, int[] count) {
		ByteBuffer all;
		if (dataset instanceof ContiguousDataset c) {
			all = c.getBuffer();
		} else {
			Object flat = dataset.getDataFlat();
			org.eclipse.january.dataset.Dataset d = DatasetFactory.createFromObject(flat);
			d = d.reshape(Shapes.toInt(shape.length == 0 ? new long[] { 1 } : shape));
			return shape.length == 0 ? d.reshape() : slice(d.cast(dtype.januaryClass()), start, count);
		}
		org.eclipse.january.dataset.Dataset d = Buffers.decode(dtype, all.order(order), Shapes.toInt(shape));
		return slice(d, start, count);
	}

	private static org.eclipse.january.dataset.Dataset slice(org.eclipse.january.dataset.Dataset d, long[] start, int[] count) {
		int[] s = new int[start.length];
		int[] e = new int[start.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = (int) start[i];
			e[i] = s[i] + count[i];
		}
		return s.length == 0 ? d : d.getSlice(s, e, null);
	}

	private org.eclipse.january.dataset.Dataset readStrings(long[] start, int[] count) {
		Object flat = dataset.isScalar() ? new String[] { String.valueOf(dataset.getData()) } : dataset.getDataFlat();
		String[] strings;
		if (flat instanceof String[] s) {
			strings = s;
		} else {
			throw new Hdf5Exception(file.path(), objectPath, "string data of an unexpected layout");
		}
		StringDataset d = DatasetFactory.createFromObject(StringDataset.class, (Object) strings);
		if (shape.length == 0) {
			return d.reshape();
		}
		return slice(d.reshape(Shapes.toInt(shape)), start, count);
	}
}
