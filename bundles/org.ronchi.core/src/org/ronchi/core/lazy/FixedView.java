package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * The source at a fixed index along one axis, without that axis ({@link Views#fix}). Elements keep their
 * C order, so both read paths pass straight through to the source.
 */
final class FixedView implements ArraySource {
	private final ArraySource source;
	private final int axis;
	private final long index;

	FixedView(ArraySource source, int axis, long index) {
		long[] s = source.shape();
		if (axis < 0 || axis >= s.length) {
			throw new IllegalArgumentException("axis " + axis + " of an array of rank " + s.length);
		}
		if (index < 0 || index >= s[axis]) {
			throw new IllegalArgumentException("index " + index + " out of 0.." + (s[axis] - 1) + " in dimension " + axis);
		}
		this.source = source;
		this.axis = axis;
		this.index = index;
	}

	@Override
	public DType dtype() {
		return source.dtype();
	}

	@Override
	public long[] shape() {
		return drop(source.shape());
	}

	@Override
	public int[] chunkShape() {
		int[] c = source.chunkShape();
		if (c == null) {
			return null;
		}
		int[] out = new int[c.length - 1];
		for (int d = 0, k = 0; d < c.length; d++) {
			if (d != axis) {
				out[k++] = c[d];
			}
		}
		return out;
	}

	private long[] drop(long[] a) {
		long[] out = new long[a.length - 1];
		for (int d = 0, k = 0; d < a.length; d++) {
			if (d != axis) {
				out[k++] = a[d];
			}
		}
		return out;
	}

	private long[] sourceStart(long[] start) {
		long[] s = new long[start.length + 1];
		for (int d = 0, k = 0; d < s.length; d++) {
			s[d] = d == axis ? index : start[k++];
		}
		return s;
	}

	private int[] sourceCount(int[] count) {
		int[] c = new int[count.length + 1];
		for (int d = 0, k = 0; d < c.length; d++) {
			c[d] = d == axis ? 1 : count[k++];
		}
		return c;
	}

	private void checkRank(long[] start, int[] count) {
		if (start.length != source.shape().length - 1 || count.length != start.length) {
			throw new IllegalArgumentException("a read of rank " + start.length + " from a view of rank " + (source.shape().length - 1));
		}
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		checkRank(start, count);
		return source.read(sourceStart(start), sourceCount(count)).reshape(count);
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		checkRank(start, count);
		source.readInto(sourceStart(start), sourceCount(count), target);
	}
}
