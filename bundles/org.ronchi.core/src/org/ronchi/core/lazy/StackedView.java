package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * Sources of equal shape and type along a new first axis ({@link Views#stack}): Prismatic's one group
 * per depth shown as one signal with a depth axis. A read fetches the box from each source it spans.
 */
final class StackedView implements ArraySource {
	private final List<ArraySource> sources;
	private final long[] inner;

	StackedView(List<? extends ArraySource> sources) {
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("nothing to stack");
		}
		this.sources = List.copyOf(sources);
		this.inner = sources.get(0).shape();
		for (ArraySource s : sources) {
			if (!Arrays.equals(inner, s.shape()) || s.dtype() != sources.get(0).dtype()) {
				throw new IllegalArgumentException("stacked arrays differ: " + Arrays.toString(s.shape()) + " " + s.dtype() + " vs "
						+ Arrays.toString(inner) + " " + sources.get(0).dtype());
			}
		}
	}

	@Override
	public DType dtype() {
		return sources.get(0).dtype();
	}

	@Override
	public long[] shape() {
		long[] s = new long[inner.length + 1];
		s[0] = sources.size();
		System.arraycopy(inner, 0, s, 1, inner.length);
		return s;
	}

	@Override
	public int[] chunkShape() {
		int[] c = sources.get(0).chunkShape();
		if (c == null) {
			return null;
		}
		int[] out = new int[c.length + 1];
		out[0] = 1;
		System.arraycopy(c, 0, out, 1, c.length);
		return out;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		long[] s = Arrays.copyOfRange(start, 1, start.length);
		int[] c = Arrays.copyOfRange(count, 1, count.length);
		Dataset out = Buffers.allocate(dtype(), count);
		int per = (int) Shapes.size(c) * out.getElementsPerItem();
		for (int k = 0; k < count[0]; k++) {
			Dataset part = Buffers.contiguous(dtype(), sources.get((int) (start[0] + k)).read(s, c));
			System.arraycopy(part.getBuffer(), 0, out.getBuffer(), k * per, per);
		}
		return out;
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		long[] s = Arrays.copyOfRange(start, 1, start.length);
		int[] c = Arrays.copyOfRange(count, 1, count.length);
		if (Shapes.size(count) * dtype().itemSize() > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		for (int k = 0; k < count[0]; k++) {
			sources.get((int) (start[0] + k)).readInto(s, c, target);
		}
	}
}
