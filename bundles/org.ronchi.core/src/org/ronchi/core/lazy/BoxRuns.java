package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

/**
 * The part of a box {@code [start, start + count)} that lies in a block (a whole stored array, one
 * chunk), as runs: elements consecutive in the box (C order) and in the block. Trailing dimensions
 * that the part spans completely, in the block and in the box, and that the block stores contiguously
 * merge into one run: a (rows, cols) image inside a C-order block copies whole rows, or all of it at
 * once, instead of one element per run. The one place boxes are cut into runs: the {@link Layout} run
 * reader, the chunk copies of {@link ChunkedSource} and writers placing boxes into files use it.
 * <p>
 * Block positions are in the caller's unit: elements for C-order blocks ({@link #of}, {@link #inBlock}),
 * bytes for a {@link Layout}'s strides. Box positions are in elements.
 */
public final class BoxRuns {
	private final int inner;
	private final long runLength;
	private final long runCount;
	private final long[] outerCount;
	private final long[] blockFirst;
	private final long[] boxFirst;
	private final long[] blockStrides;
	private final long[] boxStrides;

	/**
	 * @param origin       the block's first element in array coordinates
	 * @param block        the block's shape (a chunk's full shape, even where it overhangs the array)
	 * @param blockStrides distance between neighbours along each dimension of the block, in the caller's unit
	 * @param unit         the distance of two elements stored one after the other (the item size for bytes)
	 * @param fixedOuter   leading dimensions that never merge into runs (frames placed one by one)
	 * @param start        the box's first element
	 * @param count        the box's shape; the box must overlap the block
	 */
	BoxRuns(long[] origin, long[] block, long[] blockStrides, long unit, int fixedOuter, long[] start, int[] count) {
		int rank = origin.length;
		long[] lo = new long[rank];
		long[] n = new long[rank];
		for (int d = 0; d < rank; d++) {
			lo[d] = Math.max(origin[d], start[d]);
			n[d] = Math.min(origin[d] + block[d], start[d] + count[d]) - lo[d];
		}
		// dimensions [k, rank) form a run; k == rank: runs of one element (the last dimension is not contiguous)
		int k = rank;
		long run = 1;
		if (rank > 0 && rank > fixedOuter && blockStrides[rank - 1] == unit) {
			k = rank - 1;
			run = n[k];
			while (k > fixedOuter && n[k] == block[k] && n[k] == count[k] && blockStrides[k - 1] == blockStrides[k] * block[k]) {
				k--;
				run *= n[k];
			}
		}
		this.inner = k;
		this.runLength = run;
		this.outerCount = new long[k];
		long runs = 1;
		for (int d = 0; d < k; d++) {
			outerCount[d] = n[d];
			runs *= n[d];
		}
		this.runCount = runs;
		this.blockStrides = blockStrides.clone();
		this.boxStrides = Shapes.strides(Shapes.toLong(count));
		this.blockFirst = new long[rank];
		this.boxFirst = new long[rank];
		for (int d = 0; d < rank; d++) {
			blockFirst[d] = lo[d] - origin[d];
			boxFirst[d] = lo[d] - start[d];
		}
	}

	/** @return the runs of a box inside a C-order array of the given shape (block positions in elements) */
	public static BoxRuns of(long[] shape, long[] start, int[] count) {
		return new BoxRuns(new long[shape.length], shape, Shapes.strides(shape), 1, 0, start, count);
	}

	/** @return the runs of the part of a box inside a C-order block (a chunk) with its first element at origin */
	public static BoxRuns inBlock(long[] origin, long[] block, long[] start, int[] count) {
		return new BoxRuns(origin, block, Shapes.strides(block), 1, 0, start, count);
	}

	/** @return elements in each run */
	public long runLength() {
		return runLength;
	}

	/** @return the number of runs */
	public long runCount() {
		return runCount;
	}

	/** @return where run r starts, from the block's first element, in the caller's unit */
	public long blockOffset(long r) {
		return offset(r, blockFirst, blockStrides);
	}

	/** @return the element offset of run r's first element from the box's first element */
	public long boxOffset(long r) {
		return offset(r, boxFirst, boxStrides);
	}

	/** Runs are numbered in C order over the dimensions before the merged ones. */
	private long offset(long r, long[] first, long[] strides) {
		long at = 0;
		for (int d = first.length - 1; d >= inner; d--) {
			at += first[d] * strides[d];
		}
		for (int d = inner - 1; d >= 0; d--) {
			long i = r % outerCount[d];
			r /= outerCount[d];
			at += (first[d] + i) * strides[d];
		}
		return at;
	}

	/**
	 * Copies every run between a block and the box, both held as bytes in C order with itemSize bytes per
	 * element, from each buffer's position (positions do not move): block to box when toBox, else box to
	 * block. For runs made by {@link #of} or {@link #inBlock} (block positions in elements).
	 */
	public void copy(ByteBuffer block, ByteBuffer box, int itemSize, boolean toBox) {
		int n = Math.toIntExact(runLength * itemSize);
		int blockBase = block.position();
		int boxBase = box.position();
		Cursor c = cursor(0);
		for (long r = 0; r < runCount; r++, c.next()) {
			int inBlock = blockBase + Math.toIntExact(c.blockOffset() * itemSize);
			int inBox = boxBase + Math.toIntExact(c.boxOffset() * itemSize);
			if (toBox) {
				box.put(inBox, block, inBlock, n);
			} else {
				block.put(inBlock, box, inBox, n);
			}
		}
	}

	/** @return a cursor on run r, for walking runs in order without a division per run */
	public Cursor cursor(long r) {
		return new Cursor(r);
	}

	/** A position among the runs, moved forward one run at a time. Not thread-safe: one per walker. */
	public final class Cursor {
		private final long[] idx = new long[inner];
		private long block;
		private long box;

		private Cursor(long r) {
			for (int d = inner - 1; d >= 0; d--) {
				idx[d] = r % outerCount[d];
				r /= outerCount[d];
			}
			block = 0;
			box = 0;
			for (int d = 0; d < blockFirst.length; d++) {
				long i = blockFirst[d] + (d < inner ? idx[d] : 0);
				block += i * blockStrides[d];
				box += (boxFirst[d] + (d < inner ? idx[d] : 0)) * boxStrides[d];
			}
		}

		/** @return where the current run starts from the block's first element, in the caller's unit */
		public long blockOffset() {
			return block;
		}

		/** @return the element offset of the current run from the box's first element */
		public long boxOffset() {
			return box;
		}

		/** @return the current run's index in dimension d of the block (d before the merged dimensions) */
		public long blockIndex(int d) {
			return blockFirst[d] + (d < inner ? idx[d] : 0);
		}

		/** Moves to the next run (past the last one, the position is undefined). */
		public void next() {
			for (int d = inner - 1; d >= 0; d--) {
				block += blockStrides[d];
				box += boxStrides[d];
				if (++idx[d] < outerCount[d]) {
					return;
				}
				block -= outerCount[d] * blockStrides[d];
				box -= outerCount[d] * boxStrides[d];
				idx[d] = 0;
			}
		}
	}
}
