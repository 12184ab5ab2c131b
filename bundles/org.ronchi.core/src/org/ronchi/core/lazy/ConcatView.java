package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * Sources of one type and equal shape but for their first axis, one after the other along it
 * ({@link Views#concat}): the frames of an acquisition a detector split over several files (Dectris
 * data files of 1000 frames and a shorter last one). A read fetches the part of the box in each source
 * it spans, in order; C order makes those parts consecutive.
 */
final class ConcatView implements ArraySource {
	private final List<ArraySource> sources;
	/** starts[i] = first index of source i along axis 0; starts[n] = the total length. */
	private final long[] starts;
	private final long[] shape;

	ConcatView(List<? extends ArraySource> sources) {
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("nothing to concatenate");
		}
		this.sources = List.copyOf(sources);
		ArraySource first = sources.get(0);
		long[] s0 = first.shape();
		if (s0.length == 0) {
			throw new IllegalArgumentException("scalars cannot be concatenated");
		}
		starts = new long[sources.size() + 1];
		for (int i = 0; i < sources.size(); i++) {
			long[] s = sources.get(i).shape();
			if (s.length != s0.length || !Arrays.equals(s, 1, s.length, s0, 1, s0.length) || sources.get(i).dtype() != first.dtype()) {
				throw new IllegalArgumentException("concatenated arrays differ: " + Arrays.toString(s) + " " + sources.get(i).dtype() + " vs "
						+ Arrays.toString(s0) + " " + first.dtype());
			}
			starts[i + 1] = starts[i] + s[0];
		}
		shape = s0.clone();
		shape[0] = starts[sources.size()];
	}

	@Override
	public DType dtype() {
		return sources.get(0).dtype();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	/** The first source's chunks; chunks of the others may start elsewhere along axis 0, which only costs a split read. */
	@Override
	public int[] chunkShape() {
		return sources.get(0).chunkShape();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		Dataset out = Buffers.allocate(dtype(), count);
		long per = Shapes.size(Arrays.copyOfRange(count, 1, count.length)) * out.getElementsPerItem();
		int done = 0;
		for (Part p : parts(start, count)) {
			Dataset part = Buffers.contiguous(dtype(), sources.get(p.source).read(p.start, p.count));
			int n = (int) (p.count[0] * per);
			System.arraycopy(part.getBuffer(), 0, out.getBuffer(), done, n);
			done += n;
		}
		return out;
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		if (Shapes.size(count) * dtype().itemSize() > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		for (Part p : parts(start, count)) {
			sources.get(p.source).readInto(p.start, p.count, target);
		}
	}

	private record Part(int source, long[] start, int[] count) {
	}

	/** @return the box cut at the sources' boundaries along axis 0, in order */
	private List<Part> parts(long[] start, int[] count) {
		java.util.ArrayList<Part> out = new java.util.ArrayList<>();
		long from = start[0];
		long to = from + count[0];
		int i = Arrays.binarySearch(starts, from);
		i = i >= 0 ? i : -i - 2;
		for (; i < sources.size() && starts[i] < to; i++) {
			long a = Math.max(from, starts[i]);
			long b = Math.min(to, starts[i + 1]);
			if (b <= a) {
				continue; // an empty source
			}
			long[] s = start.clone();
			s[0] = a - starts[i];
			int[] c = count.clone();
			c[0] = (int) (b - a);
			out.add(new Part(i, s, c));
		}
		return out;
	}
}
