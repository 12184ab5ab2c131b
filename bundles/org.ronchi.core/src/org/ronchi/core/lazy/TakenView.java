package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One axis read through an index table ({@link Views#take}): position i of the view's axis is the
 * source's {@code index[i]}, in any order, repeats allowed (cells of a USID grid found through its
 * ancillary indices). A read sorts the indices it needs and reads runs of consecutive ones in one box
 * each, then places each slab.
 */
final class TakenView extends SlabView {
	private final int axis;
	private final int[] index;

	TakenView(ArraySource source, int axis, int[] index) {
		super(source);
		long[] s = source.shape();
		if (axis < 0 || axis >= s.length) {
			throw new IllegalArgumentException("axis " + axis + " of an array of rank " + s.length);
		}
		for (int i : index) {
			if (i < 0 || i >= s[axis]) {
				throw new IllegalArgumentException("index " + i + " out of 0.." + (s[axis] - 1) + " in dimension " + axis);
			}
		}
		this.axis = axis;
		this.index = index.clone();
	}

	@Override
	public long[] shape() {
		long[] s = source.shape();
		s[axis] = index.length;
		return s;
	}

	@Override
	void place(long[] start, int[] count, ByteBuffer target, int base) {
		int n = count[axis];
		long outer = product(count, 0, axis);
		int inner = (int) (product(count, axis + 1, count.length) * dtype().itemSize());
		Integer[] byValue = new Integer[n];
		Arrays.setAll(byValue, p -> p);
		int first = (int) start[axis];
		Arrays.sort(byValue, (a, b) -> Integer.compare(index[first + a], index[first + b]));
		long[] s = start.clone();
		int[] c = count.clone();
		for (int i = 0; i < n;) {
			int j = i;
			while (j + 1 < n && index[first + byValue[j + 1]] - index[first + byValue[j]] <= 1) {
				j++; // a run of consecutive (or repeated) source indices: one read
			}
			int v0 = index[first + byValue[i]];
			int len = index[first + byValue[j]] - v0 + 1;
			s[axis] = v0;
			c[axis] = len;
			ByteBuffer part = ByteBuffer.allocate(Math.toIntExact(outer * len * inner));
			source.readInto(s, c, part);
			byte[] src = part.array();
			for (int k = i; k <= j; k++) {
				int p = byValue[k];
				int v = index[first + p] - v0;
				for (long o = 0; o < outer; o++) {
					target.put((int) (base + (o * n + p) * inner), src, (int) ((o * len + v) * inner), inner);
				}
			}
			i = j + 1;
		}
	}
}
