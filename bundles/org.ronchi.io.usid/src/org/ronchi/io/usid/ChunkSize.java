package org.ronchi.io.usid;

import java.util.Arrays;

/**
 * pyUSID's {@code calc_chunks}: HDF5 chunk dimensions for a Main dataset, grown from {@code unitChunks}
 * one unit at a time along the dimension that is most under-chunked (dimension / chunk largest, the
 * first such on ties) until the chunk holds more than {@code maxChunkMem} bytes or covers the dataset,
 * then clipped to [1, dimension]. As in pyUSID, the last step may overshoot the limit: calc((16384,
 * 65536), 4) is (26, 100), 10400 bytes.
 */
public final class ChunkSize {
	/** pyUSID's default: 10 KiB, "per h5py recommendations". */
	public static final long DEFAULT_MAX_CHUNK_MEM = 10240;

	private ChunkSize() {
	}

	public static int[] calc(long[] dimensions, int itemSize) {
		return calc(dimensions, itemSize, null, DEFAULT_MAX_CHUNK_MEM);
	}

	/**
	 * @param unitChunks steps in which each chunk dimension grows (null: all 1)
	 * @throws UsidException if unitChunks has a different rank than dimensions
	 */
	public static int[] calc(long[] dimensions, int itemSize, int[] unitChunks, long maxChunkMem) {
		int rank = dimensions.length;
		if (unitChunks != null && unitChunks.length != rank) {
			throw new UsidException(null, "calc_chunks", "Unit chunk size must have the same shape as the input dataset: "
					+ Arrays.toString(unitChunks) + " for " + Arrays.toString(dimensions));
		}
		long[] base = new long[rank];
		long[] chunk = new long[rank];
		for (int i = 0; i < rank; i++) {
			base[i] = unitChunks == null ? 1 : Math.max(0, unitChunks[i]);
			chunk[i] = base[i];
		}
		while (product(chunk) * itemSize <= maxChunkMem && !covers(chunk, dimensions)) {
			int grow = 0;
			double worst = -1;
			for (int i = 0; i < rank; i++) {
				double ratio = chunk[i] == 0 ? Double.POSITIVE_INFINITY : (double) dimensions[i] / chunk[i];
				if (ratio > worst) {
					worst = ratio;
					grow = i;
				}
			}
			if (base[grow] == 0) {
				break; // a zero unit never grows; pyUSID would loop forever here
			}
			chunk[grow] += base[grow];
		}
		int[] out = new int[rank];
		for (int i = 0; i < rank; i++) {
			out[i] = (int) Math.max(1, Math.min(chunk[i], dimensions[i]));
		}
		return out;
	}

	private static boolean covers(long[] chunk, long[] dims) {
		for (int i = 0; i < chunk.length; i++) {
			if (chunk[i] < dims[i]) {
				return false;
			}
		}
		return true;
	}

	private static long product(long[] a) {
		long p = 1;
		for (long v : a) {
			p *= v;
		}
		return p;
	}
}
