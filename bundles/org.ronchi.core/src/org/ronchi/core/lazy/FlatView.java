package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The source with axes {@code [from, to)} merged into one, C order ({@link Views#flatten}): an N-D
 * signal as the (positions, spectroscopic values) matrix of a USID Main dataset. A range of the merged
 * axis is read as the fewest boxes of the source that cover it: whole rows of the merged axes where the
 * range allows, partial rows at its ends.
 */
final class FlatView extends SlabView {
	private final int from;
	private final int to;
	private final long[] merged;
	private final long[] shape;

	FlatView(ArraySource source, int from, int to) {
		super(source);
		long[] s = source.shape();
		if (from < 0 || to < from || to > s.length) {
			throw new IllegalArgumentException("axes [" + from + ", " + to + ") of an array of rank " + s.length);
		}
		this.from = from;
		this.to = to;
		this.merged = Arrays.copyOfRange(s, from, to);
		this.shape = new long[s.length - (to - from) + 1];
		System.arraycopy(s, 0, shape, 0, from);
		shape[from] = Shapes.size(merged);
		System.arraycopy(s, to, shape, from + 1, s.length - to);
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	void place(long[] start, int[] count, ByteBuffer target, int base) {
		int item = dtype().itemSize();
		long outer = product(count, 0, from);
		long inner = product(count, from + 1, count.length) * item;
		int stride = (int) (count[from] * inner);
		long end = start[from] + count[from];
		int k = merged.length;
		for (long pos = start[from]; pos < end;) {
			// the largest box at pos: whole trailing merged axes while the range allows, then a run along axis j
			long[] idx = unravel(pos);
			int j = k - 1;
			long span = 1;
			while (j > 0 && idx[j] == 0 && end - pos >= span * merged[j]) {
				span *= merged[j];
				j--;
			}
			long n = k == 0 ? 1 : Math.min(merged[j] - idx[j], (end - pos) / span);
			long[] s = new long[source.shape().length];
			int[] c = new int[s.length];
			System.arraycopy(start, 0, s, 0, from);
			System.arraycopy(count, 0, c, 0, from);
			for (int d = 0; d < k; d++) {
				s[from + d] = d <= j ? idx[d] : 0;
				c[from + d] = d < j ? 1 : d == j ? (int) n : (int) merged[d];
			}
			System.arraycopy(start, from + 1, s, to, s.length - to);
			System.arraycopy(count, from + 1, c, to, s.length - to);
			int at = base + (int) ((pos - start[from]) * inner);
			readPart(s, c, outer, (int) (n * span * inner), target, at, stride);
			pos += n * span;
		}
	}

	private long[] unravel(long pos) {
		long[] idx = new long[merged.length];
		for (int d = merged.length - 1; d >= 0; d--) {
			idx[d] = pos % merged[d];
			pos /= merged[d];
		}
		return idx;
	}
}
