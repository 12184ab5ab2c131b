package org.ronchi.hdf5;

import org.ronchi.core.lazy.Shapes;

/**
 * Where the part of a box {@code [start, start + count)} that lies in a block (one chunk, or the whole
 * dataset when it is contiguous) sits, in both, as runs of elements consecutive in both. Both are stored
 * in C order, so trailing dimensions that the part spans completely in the block and in the box merge
 * into one run: a (rows, cols, 1) image copies whole rows (or the whole chunk) at once instead of one
 * element per run. Merging stops at the first dimension from the end that is not whole in both.
 */
final class BoxRuns {
	private final int inner;
	private final long runLength;
	private final long runCount;
	private final int[] outerCount;
	private final long[] blockFirst;
	private final long[] boxFirst;
	private final long[] blockStrides;
	private final long[] boxStrides;

	/**
	 * @param origin the block's first element in dataset coordinates
	 * @param block  the block's shape (a chunk's full shape, even where it overhangs the dataset)
	 * @param start  the box's first element
	 * @param count  the box's shape; the box must overlap the block
	 */
	BoxRuns(long[] origin, long[] block, long[] start, int[] count) {
		int rank = origin.length;
		long[] lo = new long[rank];
		long[] n = new long[rank];
		for (int d = 0; d < rank; d++) {
			lo[d] = Math.max(origin[d], start[d]);
			n[d] = Math.min(origin[d] + block[d], start[d] + count[d]) - lo[d];
		}
		int k = rank - 1;
		while (k > 0 && n[k] == block[k] && n[k] == count[k]) {
			k--;
		}
		this.inner = k;
		long run = 1;
		for (int d = k; d < rank; d++) {
			run *= n[d];
		}
		this.runLength = run;
		this.outerCount = new int[k];
		long runs = 1;
		for (int d = 0; d < k; d++) {
			outerCount[d] = Math.toIntExact(n[d]);
			runs *= n[d];
		}
		this.runCount = runs;
		this.blockStrides = Shapes.strides(block);
		this.boxStrides = Shapes.strides(Shapes.toLong(count));
		this.blockFirst = new long[rank];
		this.boxFirst = new long[rank];
		for (int d = 0; d < rank; d++) {
			blockFirst[d] = lo[d] - origin[d];
			boxFirst[d] = lo[d] - start[d];
		}
	}

	/** @return elements in each run */
	long runLength() {
		return runLength;
	}

	/** @return the number of runs */
	long runCount() {
		return runCount;
	}

	/** @return the element offset of run r's first element from the block's first element */
	long blockOffset(long r) {
		return offset(r, blockFirst, blockStrides);
	}

	/** @return the element offset of run r's first element from the box's first element */
	long boxOffset(long r) {
		return offset(r, boxFirst, boxStrides);
	}

	/** Runs are numbered in C order over the dimensions before the merged ones. */
	private long offset(long r, long[] first, long[] strides) {
		long at = first[inner] * strides[inner];
		for (int d = inner - 1; d >= 0; d--) {
			long i = r % outerCount[d];
			r /= outerCount[d];
			at += (first[d] + i) * strides[d];
		}
		return at;
	}
}
