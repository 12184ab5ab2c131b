package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

/**
 * The source read in reverse along one axis ({@link Views#flip}, NumPy's {@code np.flip(a, axis)}):
 * position i is the source's {@code n - 1 - i}. A read fetches the mirrored box and reverses its slabs
 * while placing them. A {@link LayoutSource} is flipped in its layout instead (a negative stride: no
 * copy at all), see {@link Views#flip}.
 */
final class FlippedView extends SlabView {
	private final int axis;

	FlippedView(ArraySource source, int axis) {
		super(source);
		int rank = source.shape().length;
		if (axis < 0 || axis >= rank) {
			throw new IllegalArgumentException("axis " + axis + " of an array of rank " + rank);
		}
		this.axis = axis;
	}

	@Override
	public long[] shape() {
		return source.shape();
	}

	@Override
	public int[] chunkShape() {
		return source.chunkShape();
	}

	@Override
	void place(long[] start, int[] count, ByteBuffer target, int base) {
		long n = source.shape()[axis];
		long[] s = start.clone();
		s[axis] = n - start[axis] - count[axis];
		int c = count[axis];
		long outer = product(count, 0, axis);
		int inner = (int) (product(count, axis + 1, count.length) * dtype().itemSize());
		if (c == 1) {
			readPart(s, count, outer, inner, target, base, inner);
			return;
		}
		ByteBuffer part = ByteBuffer.allocate(Math.toIntExact(outer * c * inner));
		source.readInto(s, count, part);
		byte[] src = part.array();
		for (long o = 0; o < outer; o++) {
			for (int i = 0; i < c; i++) {
				target.put((int) (base + (o * c + i) * inner), src, (int) ((o * c + c - 1 - i) * inner), inner);
			}
		}
	}
}
