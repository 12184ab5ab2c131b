package org.ronchi.hdf5.writer;

import java.util.Arrays;

/**
 * How a dataset is stored: contiguous (space reserved at creation, written in place), or chunked
 * with optional shuffle and deflate filters (chunks written in any order, from any thread).
 * Immutable: {@code DatasetOptions.chunked(1, 64, 256, 256).shuffle().deflate(4)}.
 */
public final class DatasetOptions {
	private final int[] chunk;
	private final boolean shuffle;
	private final int deflate;

	private DatasetOptions(int[] chunk, boolean shuffle, int deflate) {
		this.chunk = chunk;
		this.shuffle = shuffle;
		this.deflate = deflate;
	}

	public static DatasetOptions contiguous() {
		return new DatasetOptions(null, false, -1);
	}

	/** Chunk dimensions larger than the dataset are reduced to it, as libhdf5 requires. */
	public static DatasetOptions chunked(int... chunk) {
		for (int c : chunk) {
			if (c < 1) {
				throw new IllegalArgumentException("chunk dimensions must be positive: " + Arrays.toString(chunk));
			}
		}
		return new DatasetOptions(chunk.clone(), false, -1);
	}

	/** Adds the shuffle filter (applied before deflate). */
	public DatasetOptions shuffle() {
		return new DatasetOptions(chunk, true, deflate);
	}

	/** Adds the deflate (gzip) filter at a level from 0 to 9; h5py's default is 4. */
	public DatasetOptions deflate(int level) {
		if (level < 0 || level > 9) {
			throw new IllegalArgumentException("deflate level must be 0 to 9: " + level);
		}
		return new DatasetOptions(chunk, shuffle, level);
	}

	/** @return the chunk dimensions, or null for contiguous storage */
	public int[] chunk() {
		return chunk == null ? null : chunk.clone();
	}

	boolean isChunked() {
		return chunk != null;
	}

	boolean shuffled() {
		return shuffle;
	}

	/** @return the deflate level, or -1 */
	int deflateLevel() {
		return deflate;
	}

	@Override
	public String toString() {
		return chunk == null ? "contiguous"
				: "chunked " + Arrays.toString(chunk) + (shuffle ? " shuffle" : "") + (deflate >= 0 ? " deflate " + deflate : "");
	}
}
