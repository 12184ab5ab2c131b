package org.ronchi.hdf5;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.VariableLength;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.hdf5.writer.Datatype;

/**
 * One dataset of an opened {@link Hdf5File} as it is stored: its element type, chunks and filters, and
 * the bytes of one chunk; and whole datasets the core model cannot hold as numbers (variable-length
 * sequences of records). The values of a dataset are read through its {@link ArrayNode} in
 * {@link Hdf5File#tree()}; this is for format readers that must go below that, such as Velox's event
 * streams, which are read chunk by chunk.
 * <p>
 * Obtained from {@link Hdf5File#dataset(String)}; valid while the file is open. Every method throws
 * {@link Hdf5Exception}, naming the file and the dataset, when the structures it reads are damaged.
 */
public final class Hdf5Dataset {
	private final Hdf5File file;
	private final Dataset dataset;
	private final String path;
	/** Whether chunks pass through filters: asked once, as every chunk read needs it. */
	private volatile Boolean filtered;

	/* package */ Hdf5Dataset(Hdf5File file, Dataset dataset, String path) {
		this.file = file;
		this.dataset = dataset;
		this.path = path;
	}

	/** @return the path the dataset was asked for */
	public String path() {
		return path;
	}

	/**
	 * @return the element type as the writer describes types, so that a record type read here is written
	 *         back unchanged; null for types that have no {@link Datatype} (bit fields, opaque, arrays,
	 *         times, integers of other sizes than 1, 2, 4 or 8 bytes). The byte order is
	 *         {@link #byteOrder()}.
	 */
	public Datatype type() {
		return guard("element type", () -> HdfTypes.datatype(dataset.getDataType()));
	}

	/** @return the byte order of numeric elements (of a record's first member; little-endian for others) */
	public ByteOrder byteOrder() {
		return guard("element type", () -> HdfTypes.order(dataset.getDataType()));
	}

	/** @return the chunk shape, or null when the data is not stored in chunks (contiguous, compact) */
	public int[] chunkShape() {
		return guard("layout", () -> dataset instanceof ChunkedDataset c ? c.getChunkDimensions().clone() : null);
	}

	/** @return true if the chunks pass through filters (compression, shuffle, checksums) */
	public boolean isFiltered() {
		Boolean f = filtered;
		if (f == null) {
			f = guard("filter pipeline", () -> !dataset.getFilters().isEmpty());
			filtered = f;
		}
		return f;
	}

	/**
	 * The stored bytes of one chunk, filters undone. An unfiltered chunk is a read-only view of the
	 * memory-mapped file, without a copy. The buffer holds the whole chunk (chunks at the end of a dimension
	 * are stored whole too) and is in big-endian order like every new buffer: set {@link #byteOrder()}.
	 *
	 * @param offset the chunk's first element in each dimension (a multiple of the chunk shape)
	 * @throws Hdf5Exception if the data is not chunked, or the chunk cannot be read
	 */
	public ByteBuffer chunk(long... offset) {
		if (!(dataset instanceof ChunkedDataset c)) {
			throw new Hdf5Exception(file.path(), path, "is not stored in chunks");
		}
		int[] at = new int[offset.length];
		for (int i = 0; i < at.length; i++) {
			if (offset[i] < 0 || offset[i] > Integer.MAX_VALUE) {
				throw new Hdf5Exception(file.path(), path, "chunk offset " + offset[i] + " out of range");
			}
			at[i] = (int) offset[i];
		}
		return guard("chunk at " + java.util.Arrays.toString(offset), () -> isFiltered() ? ByteBuffer.wrap(c.getDecompressedChunk(at))
				: c.getRawChunkBuffer(at));
	}

	/**
	 * Reads a dataset of variable-length sequences of records whole (h5py's {@code vlen_dtype} of a
	 * structured dtype, as emdfile stores PointListArrays).
	 *
	 * @return one cell per element, in C order: each maps the record's member names, in record order, to
	 *         that member's values in the sequence as a primitive array ({@code double[]}, {@code float[]},
	 *         integers as {@code int[]} or {@code long[]}, unsigned ones widened so they keep their value)
	 * @throws Hdf5Exception if the elements are not such sequences, or cannot be read
	 */
	public List<Map<String, Object>> readRecordSequences() {
		boolean records = guard("element type", () -> dataset.getDataType() instanceof VariableLength v
				&& v.getParent() instanceof CompoundDataType);
		if (!records) {
			throw new Hdf5Exception(file.path(), path, "does not hold variable-length sequences of records");
		}
		Object data = guard("data", dataset::getData);
		List<Map<String, Object>> cells = new ArrayList<>();
		flatten(data, cells);
		return cells;
	}

	/**
	 * Reads a dataset of variable-length sequences of numbers whole (h5py's {@code vlen_dtype} of a
	 * numeric dtype: HyperSpy's ragged arrays).
	 *
	 * @return one primitive array per element, in C order ({@code double[]}, {@code float[]}, integers as
	 *         {@code byte[]} ... {@code long[]} as jhdf reads them, unsigned ones as their bits)
	 * @throws Hdf5Exception if the elements are not such sequences, or cannot be read
	 */
	public List<Object> readSequences() {
		boolean numbers = guard("element type", () -> dataset.getDataType() instanceof VariableLength v
				&& (v.getParent() instanceof io.jhdf.object.datatype.FloatingPoint || v.getParent() instanceof io.jhdf.object.datatype.FixedPoint));
		if (!numbers) {
			throw new Hdf5Exception(file.path(), path, "does not hold variable-length sequences of numbers");
		}
		Object data = guard("data", dataset::getData);
		List<Object> cells = new ArrayList<>();
		sequences(data, cells);
		return cells;
	}

	private static void sequences(Object data, List<Object> into) {
		if (data instanceof Object[] a && !(data.getClass().getComponentType().isPrimitive())) {
			boolean leaves = a.length == 0 || a[0] == null || a[0].getClass().getComponentType() != null && a[0].getClass().getComponentType().isPrimitive();
			for (Object o : a) {
				if (leaves) {
					into.add(o);
				} else {
					sequences(o, into);
				}
			}
		} else if (data instanceof List<?> l) {
			for (Object o : l) {
				into.add(o);
			}
		} else {
			into.add(data);
		}
	}

	private static void flatten(Object data, List<Map<String, Object>> into) {
		if (data instanceof Map<?, ?> m) {
			Map<String, Object> cell = new LinkedHashMap<>();
			m.forEach((k, v) -> cell.put(String.valueOf(k), v));
			into.add(cell);
		} else if (data != null && data.getClass().isArray()) {
			for (int i = 0, n = Array.getLength(data); i < n; i++) {
				flatten(Array.get(data, i), into);
			}
		} else {
			into.add(new LinkedHashMap<>()); // an empty sequence
		}
	}

	/** Runs a read of jhdf's structures, turning what jhdf throws on damaged ones into a typed error. */
	private <T> T guard(String what, java.util.function.Supplier<T> read) {
		try {
			return read.get();
		} catch (Hdf5Exception e) {
			throw e;
		} catch (RuntimeException e) {
			throw new Hdf5Exception(file.path(), path, "cannot read the " + what + ": " + e.getMessage(), e);
		}
	}
}
