package org.ronchi.processing.workflow;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.NumpySlice;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;

/**
 * A box of a dataset, written as NumPy writes it ({@code "1"}, {@code "0, :, 2:30"}, {@code "..., 0:64"}):
 * integer indices drop their dimension, ranges keep it (step 1 only). What a workflow's {@code slice}
 * and a run's provenance record, and what the 4D-STEM Explorer explores of an array of more than four
 * dimensions. {@link #apply} gives a view ({@link Views}): reads go to the array's own source, nothing is copied.
 */
public final class DatasetSlice {
	private final String text;
	private final NumpySlice slice;

	private DatasetSlice(String text, NumpySlice slice) {
		this.text = text;
		this.slice = slice;
	}

	/**
	 * @param text NumPy slice syntax, ranges with step 1 only
	 * @throws IllegalArgumentException naming the offending part
	 */
	public static DatasetSlice parse(String text, long[] shape) {
		NumpySlice s = NumpySlice.parse(text, shape);
		for (int d = 0; d < shape.length; d++) {
			if (s.step()[d] != 1) {
				throw new IllegalArgumentException("slice '" + text + "': only steps of 1 are supported (dimension " + d + ")");
			}
			if (s.stop()[d] <= s.start()[d]) {
				throw new IllegalArgumentException("slice '" + text + "' is empty in dimension " + d);
			}
		}
		return new DatasetSlice(text.trim(), s);
	}

	/** @return the slice fixing the leading dimensions at these indices: {@code "i, j"} */
	public static String leading(long[] indices) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < indices.length; i++) {
			sb.append(i > 0 ? ", " : "").append(indices[i]);
		}
		return sb.toString();
	}

	public String text() {
		return text;
	}

	/**
	 * @return a view of the box, its axes those of the kept dimensions (linear ones shifted to the box,
	 *         navigation flags kept), with a's title, kind, quantity and metadata
	 */
	public ArrayNode apply(ArrayNode a) {
		List<Axis> axes = new ArrayList<>();
		for (int d = 0; d < a.rank(); d++) {
			if (slice.dropped()[d]) {
				continue;
			}
			Axis x = a.axes().get(d);
			int from = slice.start()[d];
			int n = slice.stop()[d] - from;
			if (x.isLinear()) {
				axes.add(new Axis(x.name(), x.units(), n, x.scale(), x.coordinate(from), null, x.navigate()));
			} else {
				axes.add(new Axis(x.name(), x.units(), n, x.scale(), x.offset(), java.util.Arrays.copyOfRange(x.values(), from, from + n),
						x.navigate()));
			}
		}
		ArrayNode v = new ArrayNode(a.name(), box(a.source())).axes(axes).kind(a.kind()).title(a.title()).quantity(a.quantity(),
				a.units());
		v.metadata(a.metadata()).originalMetadata(a.originalMetadata());
		return v;
	}

	/** @return the box of a source through core's views: a fixed axis per index, a window per range */
	private ArraySource box(ArraySource src) {
		ArraySource v = src;
		long[] shape = src.shape();
		for (int d = shape.length - 1; d >= 0; d--) { // last first, so the axis numbers before d still hold
			if (slice.dropped()[d]) {
				v = Views.fix(v, d, slice.start()[d]);
			} else if (slice.start()[d] != 0 || slice.stop()[d] != shape[d]) {
				v = Views.window(v, d, slice.start()[d], slice.stop()[d] - slice.start()[d]);
			}
		}
		return v;
	}

	@Override
	public String toString() {
		return text;
	}
}
