package org.ronchi.core.lazy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of an array stored in equal chunks (HDF5 chunks, TIFF strips and tiles): which chunks a
 * box touches and each chunk's index in the grid. Only geometry: loading is a {@link ChunkLoader}'s
 * job and keeping decoded chunks a {@link ChunkCache}'s (ImgLib2's {@code CellGrid}). Chunks at the
 * upper edges may overhang the array; a chunk is addressed by its first element (its origin).
 */
public final class ChunkGrid {
	private final long[] shape;
	private final int[] chunk;
	/** C-order strides of the grid of chunks; null when the number of chunks overflows a long. */
	private final long[] gridStrides;

	/** @throws IllegalArgumentException if chunk has another rank or a size below 1 */
	public ChunkGrid(long[] shape, int[] chunk) {
		if (chunk.length != shape.length) {
			throw new IllegalArgumentException("chunk shape " + Arrays.toString(chunk) + " for an array of rank " + shape.length);
		}
		for (int c : chunk) {
			if (c < 1) {
				throw new IllegalArgumentException("chunk shape " + Arrays.toString(chunk) + " has a size below 1");
			}
		}
		this.shape = shape.clone();
		this.chunk = chunk.clone();
		this.gridStrides = strides(shape, chunk);
	}

	private static long[] strides(long[] shape, int[] chunk) {
		long[] strides = new long[shape.length];
		long s = 1;
		try {
			for (int d = shape.length - 1; d >= 0; d--) {
				strides[d] = s;
				s = Math.multiplyExact(s, Math.max(1, (shape[d] + chunk[d] - 1) / chunk[d]));
			}
			return strides;
		} catch (ArithmeticException e) {
			return null; // a forged shape: chunks have no index, reads go without the cache
		}
	}

	public long[] shape() {
		return shape.clone();
	}

	public int[] chunk() {
		return chunk.clone();
	}

	/** @return elements of one (whole) chunk */
	public long chunkElements() {
		return Shapes.size(chunk);
	}

	/**
	 * @return the number of chunks
	 * @throws ArithmeticException if it does not fit in a long (a forged shape)
	 */
	public long count() {
		long n = 1;
		for (int d = 0; d < shape.length; d++) {
			n = Math.multiplyExact(n, (shape[d] + chunk[d] - 1) / chunk[d]);
		}
		return n;
	}

	/** @return the first element of chunk number index (C order over the grid) */
	public long[] origin(long index) {
		long[] o = new long[shape.length];
		for (int d = shape.length - 1; d >= 0; d--) {
			long n = Math.max(1, (shape[d] + chunk[d] - 1) / chunk[d]);
			o[d] = index % n * chunk[d];
			index /= n;
		}
		return o;
	}

	/** @return whether origin is the first element of a chunk inside the array */
	public boolean isOrigin(long[] origin) {
		if (origin.length != shape.length) {
			return false;
		}
		for (int d = 0; d < shape.length; d++) {
			if (origin[d] < 0 || origin[d] >= shape[d] || origin[d] % chunk[d] != 0) {
				return false;
			}
		}
		return true;
	}

	/** @return the extent of the chunk at origin that lies inside the array (edge chunks overhang) */
	public int[] clipped(long[] origin) {
		int[] c = new int[shape.length];
		for (int d = 0; d < shape.length; d++) {
			c[d] = (int) Math.min(chunk[d], shape[d] - origin[d]);
		}
		return c;
	}

	/** @return the chunk's index in C order over the grid, or -1 if the grid is too large to number */
	public long index(long[] origin) {
		if (gridStrides == null) {
			return -1;
		}
		long k = 0;
		for (int d = 0; d < origin.length; d++) {
			k += origin[d] / chunk[d] * gridStrides[d];
		}
		return k;
	}

	/** @return the origins of the chunks the (non-empty) box touches, in C order */
	public List<long[]> touched(long[] start, int[] count) {
		int rank = shape.length;
		long[] first = new long[rank];
		long[] n = new long[rank];
		for (int d = 0; d < rank; d++) {
			first[d] = start[d] / chunk[d];
			n[d] = (start[d] + count[d] - 1) / chunk[d] - first[d] + 1;
		}
		List<long[]> out = new ArrayList<>();
		long total = Shapes.size(n);
		long[] idx = new long[rank];
		for (long k = 0; k < total; k++) {
			long[] origin = new long[rank];
			for (int d = 0; d < rank; d++) {
				origin[d] = (first[d] + idx[d]) * chunk[d];
			}
			out.add(origin);
			for (int d = rank - 1; d >= 0; d--) {
				if (++idx[d] < n[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
		return out;
	}
}
