package org.ronchi.ui.stem4d;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.workflow.DatasetSlice;

/**
 * The 4-D datacube the explorer works on: the last four dimensions of an array (scan y, scan x,
 * detector y, detector x, in HyperSpy order), with any leading dimensions (a defocus series, a depth)
 * fixed at chosen indices ({@link DatasetSlice}, what a workflow's {@code slice} replays). A view: reads
 * go to the array's own source, nothing is copied, and the engine keeps the source's raw read path.
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
		ArrayNode box = lead == 0 ? a : DatasetSlice.parse(slice(leading), a.shape()).apply(a);
		List<Axis> axes = new ArrayList<>();
		for (int d = 0; d < 4; d++) {
			axes.add(box.axes().get(d).withNavigate(d < 2));
		}
		ArrayNode c = new ArrayNode(a.name(), box.source()).axes(axes).kind("4d-stem").title(a.title()).quantity(a.quantity(), a.units());
		c.metadata(a.metadata()).originalMetadata(a.originalMetadata());
		return c;
	}

	/**
	 * @return the slice of the array a cube with these leading indices is ({@code "1"}, {@code "0, 3"}; a
	 *         workflow's {@code slice}), or null without leading dimensions
	 */
	public static String slice(long[] leading) {
		return leading.length == 0 ? null : DatasetSlice.leading(leading);
	}
}
