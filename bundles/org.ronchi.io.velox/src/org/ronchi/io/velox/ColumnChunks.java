package org.ronchi.io.velox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.datatype.FixedPoint;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;

/**
 * The columns of an {@code (N, k)} dataset stored in {@code (c, 1)} chunks, read chunk by chunk straight
 * from jhdf (unfiltered chunks as views of jhdf's memory map of the file, without a copy): Velox's spectrum streams ({@code (N, 1)} uint16) and per-frame {@code Metadata}
 * ({@code (60000, frames)} uint8). The generic HDF5 array reader copies a dataset whose last dimension
 * is 1 element by element; streams of hundreds of megabytes and a Metadata column per signal at open
 * cannot afford that.
 */
final class ColumnChunks {
	private final Path file;
	private final String where;
	private final ChunkedDataset dataset;
	private final int rank;
	private final long rows;
	private final int chunkRows;
	private final int itemSize;
	private final ByteOrder order;
	private final boolean raw;

	private ColumnChunks(Path file, String where, ChunkedDataset dataset, int rank, long rows, int chunkRows, int itemSize,
			ByteOrder order, boolean raw) {
		this.file = file;
		this.where = where;
		this.dataset = dataset;
		this.rank = rank;
		this.rows = rows;
		this.chunkRows = chunkRows;
		this.itemSize = itemSize;
		this.order = order;
		this.raw = raw;
	}

	/** @return the column reader, or null if the dataset is not chunked in single columns */
	static ColumnChunks of(Path file, ArrayNode node, Dataset d) {
		long[] s = node.shape();
		if (!(d instanceof ChunkedDataset c) || s.length < 1 || s.length > 2 || node.dtype().itemSize() < 1) {
			return null;
		}
		int[] chunk = c.getChunkDimensions();
		if (chunk.length != s.length || chunk[0] < 1 || s.length == 2 && chunk[1] != 1) {
			return null;
		}
		ByteOrder order = d.getDataType() instanceof FixedPoint f ? f.getByteOrder() : ByteOrder.LITTLE_ENDIAN;
		return new ColumnChunks(file, node.path(), c, s.length, s[0], chunk[0], node.dtype().itemSize(), order, d.getFilters().isEmpty());
	}

	int chunkRows() {
		return chunkRows;
	}

	/** @return the rows of chunk {@code index} of a column, in the file's byte order, limited to the dataset */
	ByteBuffer chunk(long index, int column) {
		long first = index * chunkRows;
		int[] offset = rank == 2 ? new int[] { Math.toIntExact(first), column } : new int[] { Math.toIntExact(first) };
		ByteBuffer bytes;
		try {
			// unfiltered chunks: jhdf's view of the mapped file, no copy
			bytes = raw ? dataset.getRawChunkBuffer(offset) : ByteBuffer.wrap(dataset.getDecompressedChunk(offset));
		} catch (RonchiException e) {
			throw e;
		} catch (RuntimeException e) {
			throw VeloxException.at(file, where + " chunk", first, "cannot be read (truncated or corrupt?): " + e.getMessage());
		}
		long needed = (long) itemSize * Math.min(chunkRows, rows - first);
		if (bytes == null || bytes.remaining() < needed) {
			throw VeloxException.at(file, where + " chunk", first, "holds " + (bytes == null ? 0 : bytes.remaining())
					+ " bytes, expected " + needed);
		}
		return bytes.slice(bytes.position(), (int) needed).order(order);
	}
}
