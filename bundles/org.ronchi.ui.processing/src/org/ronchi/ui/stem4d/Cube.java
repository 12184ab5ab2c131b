package org.ronchi.ui.stem4d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;

/**
 * The 4-D datacube the explorer works on: the last four dimensions of an array (scan y, scan x,
 * detector y, detector x, in HyperSpy order), with any leading dimensions (a defocus series, a depth)
 * fixed at chosen indices. A view: reads go to the array's own source, nothing is copied.
 */
public final class Cube {
	private Cube() {
	}

	/** @return whether the explorer can show this array (numeric, real, at least 4-D) */
	public static boolean accepts(ArrayNode a) {
		return a != null && a.rank() >= 4 && a.dtype().isNumeric() && !a.dtype().isComplex() && !a.dtype().isRgb();
	}

	/**
	 * @param leading an index for each dimension before the last four
	 * @return the 4-D view, navigation axes flagged as such
	 */
	public static ArrayNode of(ArrayNode a, long[] leading) {
		int lead = a.rank() - 4;
		if (lead < 0 || leading.length != lead) {
			throw new IllegalArgumentException(a.path() + ": " + leading.length + " leading indices for rank " + a.rank());
		}
		List<Axis> axes = new ArrayList<>();
		for (int d = lead; d < a.rank(); d++) {
			axes.add(a.axes().get(d).withNavigate(d < lead + 2));
		}
		ArraySource src = lead == 0 ? a.source() : new Fixed(a.source(), leading);
		ArrayNode c = new ArrayNode(a.name(), src).axes(axes).kind("4d-stem").title(a.title()).quantity(a.quantity(), a.units());
		c.metadata(a.metadata()).originalMetadata(a.originalMetadata());
		return c;
	}

	/** The last four dimensions of a source at fixed leading indices. */
	private static final class Fixed implements ArraySource {
		private final ArraySource src;
		private final long[] leading;

		Fixed(ArraySource src, long[] leading) {
			this.src = src;
			this.leading = leading.clone();
			long[] s = src.shape();
			for (int i = 0; i < leading.length; i++) {
				if (leading[i] < 0 || leading[i] >= s[i]) {
					throw new IllegalArgumentException("index " + leading[i] + " out of 0.." + (s[i] - 1) + " in dimension " + i);
				}
			}
		}

		@Override
		public DType dtype() {
			return src.dtype();
		}

		@Override
		public long[] shape() {
			long[] s = src.shape();
			return Arrays.copyOfRange(s, leading.length, s.length);
		}

		@Override
		public Dataset read(long[] start, int[] count) {
			int n = leading.length;
			long[] st = new long[n + start.length];
			int[] ct = new int[n + count.length];
			System.arraycopy(leading, 0, st, 0, n);
			Arrays.fill(ct, 0, n, 1);
			System.arraycopy(start, 0, st, n, start.length);
			System.arraycopy(count, 0, ct, n, count.length);
			return src.read(st, ct).reshape(count);
		}

		@Override
		public int[] chunkShape() {
			int[] c = src.chunkShape();
			return c == null ? null : Arrays.copyOfRange(c, leading.length, c.length);
		}
	}
}
