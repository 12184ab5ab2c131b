package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The source with one axis split into several, C order ({@link Views#unflatten}): the rows of a USID
 * Main dataset as the position grid they are. A box of the split axes is read as runs of the source
 * axis ({@link BoxRuns}: whole trailing split axes merge into one run).
 */
final class UnflatView extends SlabView {
	private final int axis;
	private final long[] sizes;
	private final long[] shape;

	UnflatView(ArraySource source, int axis, long[] sizes) {
		super(source);
		long[] s = source.shape();
		if (axis < 0 || axis >= s.length || Shapes.size(sizes) != s[axis]) {
			throw new IllegalArgumentException("axis " + axis + " of shape " + Arrays.toString(s) + " cannot be split into "
					+ Arrays.toString(sizes));
		}
		this.axis = axis;
		this.sizes = sizes.clone();
		this.shape = new long[s.length - 1 + sizes.length];
		System.arraycopy(s, 0, shape, 0, axis);
		System.arraycopy(sizes, 0, shape, axis, sizes.length);
		System.arraycopy(s, axis + 1, shape, axis + sizes.length, s.length - axis - 1);
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	void place(long[] start, int[] count, ByteBuffer target, int base) {
		int k = sizes.length;
		long[] subStart = Arrays.copyOfRange(start, axis, axis + k);
		int[] subCount = Arrays.copyOfRange(count, axis, axis + k);
		long outer = product(count, 0, axis);
		long inner = product(count, axis + k, count.length) * dtype().itemSize();
		int stride = (int) (Shapes.size(subCount) * inner);
		int rank = source.shape().length;
		long[] s = new long[rank];
		int[] c = new int[rank];
		System.arraycopy(start, 0, s, 0, axis);
		System.arraycopy(count, 0, c, 0, axis);
		System.arraycopy(start, axis + k, s, axis + 1, rank - axis - 1);
		System.arraycopy(count, axis + k, c, axis + 1, rank - axis - 1);
		BoxRuns runs = BoxRuns.of(sizes, subStart, subCount);
		c[axis] = (int) runs.runLength();
		BoxRuns.Cursor cur = runs.cursor(0);
		for (long r = 0; r < runs.runCount(); r++, cur.next()) {
			s[axis] = cur.blockOffset();
			int at = base + (int) (cur.boxOffset() * inner);
			readPart(s.clone(), c.clone(), outer, (int) (runs.runLength() * inner), target, at, stride);
		}
	}
}
