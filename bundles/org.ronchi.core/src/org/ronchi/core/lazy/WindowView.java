package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

/**
 * A window of {@code size} positions along one axis starting at {@code from} ({@link Views#window}):
 * position i of the view is the source's {@code from + i}; positions before 0 or past the source's end
 * read as 0. The frames of a scan with a sync offset (blank positions first) or an acquisition that
 * stopped early (blank positions last). A box inside the source passes straight through.
 */
final class WindowView extends SlabView {
	private final int axis;
	private final long from;
	private final long size;

	WindowView(ArraySource source, int axis, long from, long size) {
		super(source);
		long[] s = source.shape();
		if (axis < 0 || axis >= s.length) {
			throw new IllegalArgumentException("axis " + axis + " of an array of rank " + s.length);
		}
		if (size < 0) {
			throw new IllegalArgumentException("a window of " + size + " positions");
		}
		this.axis = axis;
		this.from = from;
		this.size = size;
	}

	@Override
	public long[] shape() {
		long[] s = source.shape();
		s[axis] = size;
		return s;
	}

	@Override
	public int[] chunkShape() {
		return source.chunkShape();
	}

	@Override
	void place(long[] start, int[] count, ByteBuffer target, int base) {
		long n = source.shape()[axis];
		long lo = start[axis] + from;
		long hi = lo + count[axis];
		long in0 = Math.max(lo, 0);
		long in1 = Math.min(hi, n);
		long outer = product(count, 0, axis);
		int inner = (int) (product(count, axis + 1, count.length) * dtype().itemSize());
		int stride = count[axis] * inner;
		if (in0 > lo || in1 < hi) {
			Buffers.zero(target, base, outer * stride); // positions without a source element
		}
		if (in1 <= in0) {
			return;
		}
		long[] s = start.clone();
		int[] c = count.clone();
		s[axis] = in0;
		c[axis] = (int) (in1 - in0);
		readPart(s, c, outer, c[axis] * inner, target, base + (int) ((in0 - lo) * inner), stride);
	}
}
