package org.ronchi.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * An HDF5 dataset as an {@link ArraySource}. Contiguous data is read with positional reads of whole
 * runs straight from the file; chunked data decodes only the chunks a hyperslab touches, in parallel,
 * through a per-dataset {@link ChunkCache}. jhdf does the parsing and the filters (deflate, shuffle,
 * lzf, lz4, bitshuffle) but its slice API returns nested Java arrays one chunk after another, which is
 * what this class avoids.
 */
final class Hdf5ArraySource implements ArraySource {
	private static final long CACHE_BYTES = 128L << 20;

	private final Hdf5File file;
	private final Dataset dataset;
	private final String objectPath;
	private final DType dtype;
	private final ByteOrder order;
	private final long[] shape;
	private final int[] chunk;
	private final ChunkCache cache;

	Hdf5ArraySource(Hdf5File file, Dataset dataset) {
		this.file = file;
		this.dataset = dataset;
		this.objectPath = dataset.getPath();
		this.dtype = HdfTypes.dtype(dataset.getDataType());
		this.order = HdfTypes.order(dataset.getDataType());
		this.shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
		this.chunk = dataset instanceof ChunkedDataset c ? c.getChunkDimensions() : null;
		this.cache = chunk != null ? new ChunkCache(CACHE_BYTES) : null;
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
			if (dataset instanceof ChunkedDataset c && shape.length > 0) {
				return readChunked(c, start, count);
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
	 * Raw elements straight into target: contiguous data by positional reads of whole runs into it,
	 * chunked data by copying rows of the decoded chunks (decoded in parallel, through the cache).
	 * Big-endian data is swapped in place; compact and scalar data take the decoding default.
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
				chunkedInto((ChunkedDataset) dataset, start, count, target, base);
			}
		} catch (HdfException e) {
			throw new Hdf5Exception(file.path(), objectPath, "cannot read: " + e.getMessage(), e);
		}
		if (order == ByteOrder.BIG_ENDIAN && dtype.itemSize() > 1) {
			swap(target, base, (int) bytes);
		}
		target.position(base + (int) bytes);
	}

	private void contiguousInto(ContiguousDataset c, long[] start, int[] count, ByteBuffer target, int base) {
		long address = c.getDataAddress();
		int item = dtype.itemSize();
		long total = Shapes.size(count) * item;
		if (address < 0 || dataset.getStorageInBytes() == 0) {
			for (int i = 0; i < total; i++) {
				target.put(base + i, (byte) 0); // never written: the fill value, zero
			}
			return;
		}
		int rank = shape.length;
		int inner = rank - 1; // dims [inner, rank) are read in one run
		while (inner > 0 && count[inner] == shape[inner]) {
			inner--;
		}
		long runBytes = item;
		for (int d = inner; d < rank; d++) {
			runBytes *= count[d];
		}
		long[] strides = Shapes.strides(shape);
		long runs = total / runBytes;
		long[] idx = new long[inner];
		ByteBuffer run = target.duplicate();
		for (long r = 0; r < runs; r++) {
			long elem = start[inner] * strides[inner];
			for (int d = 0; d < inner; d++) {
				elem += (start[d] + idx[d]) * strides[d];
			}
			int at = base + (int) (r * runBytes);
			run.limit(at + (int) runBytes).position(at);
			readFully(file.channel(), run, address + elem * item);
			for (int d = inner - 1; d >= 0; d--) {
				if (++idx[d] < count[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
	}

	/** Positional read of buf's remaining bytes at pos, reporting truncation with the offset. */
	private void readFully(FileChannel ch, ByteBuffer buf, long pos) {
		long at = pos - buf.position();
		try {
			while (buf.hasRemaining()) {
				if (ch.read(buf, at + buf.position()) < 0) {
					throw new Hdf5Exception(file.path(), objectPath, "truncated: data at 0x" + Long.toHexString(pos)
							+ " runs past the end of the file");
				}
			}
		} catch (IOException e) {
			throw new Hdf5Exception(file.path(), objectPath, "read failed at 0x" + Long.toHexString(pos) + ": " + e.getMessage(), e);
		}
	}

	private void chunkedInto(ChunkedDataset c, long[] start, int[] count, ByteBuffer target, int base) {
		List<long[]> touched = touchedChunks(start, count);
		IntStream range = IntStream.range(0, touched.size());
		(touched.size() > 1 ? range.parallel() : range).forEach(i -> chunkInto(c, touched.get(i), start, count, target, base));
	}

	/** Copies the rows of one chunk that fall in the box; absolute puts, so chunks may be copied concurrently. */
	private void chunkInto(ChunkedDataset c, long[] origin, long[] start, int[] count, ByteBuffer target, int base) {
		byte[] bytes = decodedChunk(c, origin);
		int rank = shape.length;
		int item = dtype.itemSize();
		long[] lo = new long[rank];
		int[] n = new int[rank];
		for (int d = 0; d < rank; d++) {
			lo[d] = Math.max(origin[d], start[d]);
			n[d] = (int) (Math.min(origin[d] + chunk[d], start[d] + count[d]) - lo[d]);
		}
		long[] chunkStrides = Shapes.strides(Shapes.toLong(chunk));
		long[] outStrides = Shapes.strides(Shapes.toLong(count));
		int rowBytes = n[rank - 1] * item;
		int rows = Math.toIntExact(Shapes.size(n) / n[rank - 1]);
		int[] idx = new int[rank - 1];
		for (int r = 0; r < rows; r++) {
			long inChunk = lo[rank - 1] - origin[rank - 1];
			long inOut = lo[rank - 1] - start[rank - 1];
			for (int d = 0; d < rank - 1; d++) {
				inChunk += (lo[d] - origin[d] + idx[d]) * chunkStrides[d];
				inOut += (lo[d] - start[d] + idx[d]) * outStrides[d];
			}
			int at = base + (int) (inOut * item);
			if (bytes == null) {
				for (int i = 0; i < rowBytes; i++) {
					target.put(at + i, (byte) 0); // unallocated chunk: fill value (zero)
				}
			} else {
				target.put(at, bytes, (int) (inChunk * item), rowBytes);
			}
			for (int d = rank - 2; d >= 0; d--) {
				if (++idx[d] < n[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
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

	/** Reads runs along the innermost dimensions that the box spans completely. */
	private org.eclipse.january.dataset.Dataset readContiguous(ContiguousDataset c, long[] start, int[] count) {
		org.eclipse.january.dataset.Dataset out = Buffers.allocate(dtype, count);
		long address = c.getDataAddress();
		if (address < 0 || address == -1L || dataset.getStorageInBytes() == 0) {
			return out; // never written: the fill value, zero
		}
		int rank = shape.length;
		int inner = rank - 1; // dims [inner, rank) are read in one run
		while (inner > 0 && count[inner] == shape[inner]) {
			inner--;
		}
		long runElems = 1;
		for (int d = inner; d < rank; d++) {
			runElems *= count[d];
		}
		long[] strides = Shapes.strides(shape);
		int item = dtype.itemSize();
		FileChannel ch = file.channel();
		int runs = Math.toIntExact(Shapes.size(count) / runElems);
		int[] outerCount = new int[inner];
		System.arraycopy(count, 0, outerCount, 0, inner);
		ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(runElems * item)).order(order);
		long[] idx = new long[inner];
		for (int r = 0; r < runs; r++) {
			long elem = 0;
			for (int d = 0; d < inner; d++) {
				elem += (start[d] + idx[d]) * strides[d];
			}
			elem += start[inner] * strides[inner];
			buf.clear();
			readFully(ch, buf, address + elem * item);
			buf.flip();
			Buffers.decodeInto(dtype, buf, out, Math.toIntExact(r * runElems), (int) runElems);
			for (int d = inner - 1; d >= 0; d--) {
				if (++idx[d] < outerCount[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
		return out;
	}


	private org.eclipse.january.dataset.Dataset readChunked(ChunkedDataset c, long[] start, int[] count) {
		List<long[]> touched = touchedChunks(start, count);
		org.eclipse.january.dataset.Dataset out = Buffers.allocate(dtype, count);
		IntStream range = IntStream.range(0, touched.size());
		(touched.size() > 1 ? range.parallel() : range).forEach(i -> copyChunk(c, touched.get(i), start, count, out));
		return out;
	}

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

	private void copyChunk(ChunkedDataset c, long[] origin, long[] start, int[] count, org.eclipse.january.dataset.Dataset out) {
		byte[] bytes = decodedChunk(c, origin);
		if (bytes == null) {
			return; // unallocated chunk: fill value (zero)
		}
		int rank = shape.length;
		int item = dtype.itemSize();
		long[] lo = new long[rank];
		int[] n = new int[rank];
		for (int d = 0; d < rank; d++) {
			lo[d] = Math.max(origin[d], start[d]);
			long hi = Math.min(origin[d] + chunk[d], start[d] + count[d]);
			n[d] = (int) (hi - lo[d]);
		}
		long[] chunkStrides = Shapes.strides(Shapes.toLong(chunk));
		long[] outStrides = Shapes.strides(Shapes.toLong(count));
		int rows = Math.toIntExact(Shapes.size(n) / n[rank - 1]);
		ByteBuffer src = ByteBuffer.wrap(bytes).order(order);
		int[] idx = new int[rank - 1];
		for (int r = 0; r < rows; r++) {
			long inChunk = 0;
			long inOut = 0;
			for (int d = 0; d < rank - 1; d++) {
				inChunk += (lo[d] - origin[d] + idx[d]) * chunkStrides[d];
				inOut += (lo[d] - start[d] + idx[d]) * outStrides[d];
			}
			inChunk += lo[rank - 1] - origin[rank - 1];
			inOut += lo[rank - 1] - start[rank - 1];
			ByteBuffer row = src.duplicate().order(order);
			row.position(Math.toIntExact(inChunk * item));
			Buffers.decodeInto(dtype, row, out, Math.toIntExact(inOut), n[rank - 1]);
			for (int d = rank - 2; d >= 0; d--) {
				if (++idx[d] < n[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
	}

	private byte[] decodedChunk(ChunkedDataset c, long[] origin) {
		long key = 0;
		for (int d = 0; d < origin.length; d++) {
			key = key * 1_000_003L + origin[d] / chunk[d];
		}
		byte[] cached = cache.get(key);
		if (cached != null) {
			return cached;
		}
		int[] off = new int[origin.length];
		for (int d = 0; d < origin.length; d++) {
			off[d] = Math.toIntExact(origin[d]);
		}
		byte[] bytes;
		try {
			bytes = c.getDecompressedChunk(off);
		} catch (HdfException e) {
			String m = String.valueOf(e.getMessage());
			if (m.contains("No chunk") || m.contains("not found")) {
				return null;
			}
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + java.util.Arrays.toString(off) + ": " + m, e);
		} catch (RuntimeException e) {
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + java.util.Arrays.toString(off)
					+ " cannot be decoded (truncated or corrupt?): " + e, e);
		}
		long expected = Shapes.size(chunk) * dtype.itemSize();
		if (bytes.length < expected) {
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + java.util.Arrays.toString(off) + " decodes to "
					+ bytes.length + " bytes, expected " + expected);
		}
		cache.put(key, bytes);
		return bytes;
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
