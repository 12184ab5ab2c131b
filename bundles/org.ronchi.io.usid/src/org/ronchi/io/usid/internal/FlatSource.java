package org.ronchi.io.usid.internal;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * An N-dimensional signal seen as a USID Main dataset: the first {@code nav} axes flattened (C order)
 * into rows, the others into columns. A read walks the rows it spans in runs along the last navigation
 * axis, reading each run with all its signal data in one box, then keeps the columns asked for.
 */
final class FlatSource implements ArraySource {
	private final ArraySource source;
	private final long[] shape;
	private final int nav;
	private final long rows;
	private final long cols;

	FlatSource(ArraySource source, int nav) {
		this.source = source;
		this.shape = source.shape();
		this.nav = nav;
		long r = 1;
		for (int i = 0; i < nav; i++) {
			r *= shape[i];
		}
		this.rows = r;
		this.cols = Shapes.size(shape) / Math.max(1, r == 0 ? 1 : r);
	}

	@Override
	public DType dtype() {
		return source.dtype();
	}

	@Override
	public long[] shape() {
		return new long[] { rows, cols };
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		Dataset out = Buffers.allocate(dtype(), count);
		int epi = out.getElementsPerItem();
		int rank = shape.length;
		long r = start[0];
		long end = start[0] + count[0];
		while (r < end) {
			long[] idx = unravel(r);
			long run = nav == 0 ? 1 : Math.min(end - r, shape[nav - 1] - idx[nav - 1]);
			long[] s = new long[rank];
			int[] c = new int[rank];
			for (int i = 0; i < rank; i++) {
				s[i] = i < nav ? idx[i] : 0;
				c[i] = i < nav ? 1 : (int) shape[i];
			}
			if (nav > 0) {
				c[nav - 1] = (int) run;
			}
			Dataset box = Buffers.contiguous(dtype(), source.read(s, c));
			for (int k = 0; k < run; k++) {
				System.arraycopy(box.getBuffer(), (int) ((k * cols + start[1]) * epi), out.getBuffer(),
						(int) ((r - start[0] + k) * count[1] * epi), count[1] * epi);
			}
			r += run;
		}
		return out;
	}

	private long[] unravel(long row) {
		long[] idx = new long[nav];
		for (int i = nav - 1; i >= 0; i--) {
			idx[i] = row % shape[i];
			row /= shape[i];
		}
		return idx;
	}
}
