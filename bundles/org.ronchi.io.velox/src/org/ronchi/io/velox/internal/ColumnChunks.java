package org.ronchi.io.velox.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.hdf5.Hdf5Dataset;
import org.ronchi.hdf5.Hdf5Exception;

/**
 * The columns of an {@code (N, k)} dataset stored in {@code (c, 1)} chunks, read chunk by chunk
 * ({@link Hdf5Dataset#chunk}: unfiltered chunks are views of the memory-mapped file, without a copy):
 * Velox's spectrum streams ({@code (N, 1)} uint16) and per-frame {@code Metadata}
 * ({@code (60000, frames)} uint8). The generic HDF5 array reader copies a dataset whose last dimension
 * is 1 element by element; streams of hundreds of megabytes and a Metadata column per signal at open
 * cannot afford that.
 */
final class ColumnChunks {
	private final Path file;
	private final String where;
	private final Hdf5Dataset dataset;
	private final int rank;
	private final long rows;
	private final int chunkRows;
	private final int itemSize;
	private final ByteOrder order;

	private ColumnChunks(Path file, String where, Hdf5Dataset dataset, int rank, long rows, int chunkRows, int itemSize,
			ByteOrder order) {
		this.file = file;
		this.where = where;
		this.dataset = dataset;
		this.rank = rank;
		this.rows = rows;
		this.chunkRows = chunkRows;
		this.itemSize = itemSize;
		this.order = order;
	}

	/** @return the column reader, or null if the dataset is not chunked in single columns */
	static ColumnChunks of(Path file, ArrayNode node, Hdf5Dataset d) {
		long[] s = node.shape();
		int[] chunk = d.chunkShape();
		if (chunk == null || s.length < 1 || s.length > 2 || node.dtype().itemSize() < 1) {
			return null;
		}
		if (chunk.length != s.length || chunk[0] < 1 || s.length == 2 && chunk[1] != 1) {
			return null;
		}
		return new ColumnChunks(file, node.path(), d, s.length, s[0], chunk[0], node.dtype().itemSize(), d.byteOrder());
	}

	int chunkRows() {
		return chunkRows;
	}

	/** @return the rows of chunk {@code index} of a column, in the file's byte order, limited to the dataset */
	ByteBuffer chunk(long index, int column) {
		long first = index * chunkRows;
		long[] offset = rank == 2 ? new long[] { first, column } : new long[] { first };
		ByteBuffer bytes;
		try {
			bytes = dataset.chunk(offset);
		} catch (Hdf5Exception e) {
			throw VeloxException.at(file, where + " chunk", first, "cannot be read (truncated or corrupt?): " + e.problem());
		}
		long needed = (long) itemSize * Math.min(chunkRows, rows - first);
		if (bytes == null || bytes.remaining() < needed) {
			throw VeloxException.at(file, where + " chunk", first, "holds " + (bytes == null ? 0 : bytes.remaining())
					+ " bytes, expected " + needed);
		}
		return bytes.slice(bytes.position(), (int) needed).order(order);
	}
}
