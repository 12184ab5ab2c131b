package org.ronchi.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.StringDataset;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.ChunkCache;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.ChunkedSource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * An HDF5 dataset as an {@link ArraySource}, reading through the core byte backend: contiguous data is a
 * {@link Layout} at the dataset's address (positional reads straight from the file, big boxes in pieces
 * read in parallel), chunked data a {@link ChunkedSource} whose chunks {@link ChunkDecoder} decodes (in
 * parallel, through a per-dataset {@link ChunkCache} for small reads). jhdf does the parsing (and the less
 * common filters) but its slice API returns nested Java arrays and decodes one chunk after another, which
 * is what this class avoids. Compact, scalar and string data, small by nature, go through jhdf.
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
	/** The contiguous layout or the chunked array: made on first read, so a forged shape fails a read, not the open. */
	private volatile ArraySource stored;

	Hdf5ArraySource(Hdf5File file, Dataset dataset) {
		this.file = file;
		this.dataset = dataset;
		this.objectPath = dataset.getPath();
		this.dtype = HdfTypes.dtype(dataset.getDataType());
		this.order = HdfTypes.order(dataset.getDataType());
		this.shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
		this.chunk = dataset instanceof ChunkedDataset c ? c.getChunkDimensions() : null;
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

	/** @return whether the data is read through the byte backend (numeric, contiguous or chunked, not scalar) */
	private boolean raw() {
		return dtype.isNumeric() && dtype.itemSize() > 0 && shape.length > 0
				&& (dataset instanceof ContiguousDataset || dataset instanceof ChunkedDataset);
	}

	private ArraySource stored() {
		ArraySource s = stored;
		if (s == null) {
			if (dataset instanceof ContiguousDataset c) {
				FileBytes bytes = FileBytes.of(file.path(), file.channel(), Hdf5Exception::new);
				s = new LayoutSource(bytes, Layout.of(dtype, order, c.getDataAddress(), shape).named(objectPath), null);
			} else {
				ChunkedDataset c = (ChunkedDataset) dataset;
				ChunkDecoder decoder = new ChunkDecoder(file, c, objectPath, Shapes.size(chunk) * dtype.itemSize());
				s = new ChunkedSource(file.path(), dtype, order, new ChunkGrid(shape, chunk), decoder, new ChunkCache(CACHE_BYTES));
			}
			stored = s;
		}
		return s;
	}

	/** Contiguous data never written (no address, or no storage) reads as the fill value, zero. */
	private boolean unwritten() {
		return dataset instanceof ContiguousDataset c && (c.getDataAddress() < 0 || dataset.getStorageInBytes() == 0);
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
			if (Shapes.size(count) == 0 || raw() && unwritten()) {
				return Buffers.allocate(dtype, count);
			}
			return raw() ? stored().read(start, count) : readWhole(start, count);
		} catch (RuntimeException e) {
			throw wrapped(e);
		}
	}

	/**
	 * Raw elements straight into target: contiguous data by positional reads into it, chunked data by
	 * inflating whole chunks into it or copying runs of decoded chunks; big-endian data is swapped in
	 * place. Compact and scalar data take the decoding default.
	 */
	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		checkBounds(start, count);
		if (!raw()) {
			ArraySource.super.readInto(start, count, target);
			return;
		}
		long bytes = Shapes.size(count) * dtype.itemSize();
		if (bytes > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		try {
			if (unwritten()) {
				target.order(ByteOrder.LITTLE_ENDIAN).put(new byte[(int) bytes]);
				return;
			}
			stored().readInto(start, count, target);
		} catch (RuntimeException e) {
			throw wrapped(e);
		}
	}

	/** jhdf meets corrupt structures with its own and the JDK's exceptions; every one leaves as this bundle's error. */
	private RonchiException wrapped(RuntimeException e) {
		if (e instanceof RonchiException r) {
			return r;
		}
		if (e instanceof HdfException) {
			return new Hdf5Exception(file.path(), objectPath, "cannot read: " + e.getMessage(), e);
		}
		return new Hdf5Exception(file.path(), objectPath, "corrupt data: " + e, e);
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
