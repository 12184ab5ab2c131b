package org.ronchi.io.emd;

import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * Sources of equal shape and type stacked along a new first axis, lazily: Prismatic writes one group per
 * depth ({@code CBED_array_depth0000}, {@code ..0001}) and HyperSpy shows them as one signal with a
 * depth axis. A read fetches the box from each source it spans.
 */
public final class StackedSource implements ArraySource {
	private final List<ArraySource> sources;
	private final long[] inner;

	public StackedSource(List<ArraySource> sources) {
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
	public Dataset read(long[] start, int[] count) {
		long[] s = Arrays.copyOfRange(start, 1, start.length);
		int[] c = Arrays.copyOfRange(count, 1, count.length);
		Dataset out = Buffers.allocate(dtype(), count);
		int per = out.getSize() / Math.max(1, count[0]) * out.getElementsPerItem();
		for (int k = 0; k < count[0]; k++) {
			Dataset part = sources.get((int) start[0] + k).read(s, c);
			part = Buffers.contiguous(dtype(), part);
			System.arraycopy(part.getBuffer(), 0, out.getBuffer(), k * per, per);
		}
		return out;
	}
}
