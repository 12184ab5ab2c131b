package org.ronchi.ui.stem4d;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;

/**
 * The 4-D datacube the explorer works on: the last four dimensions of an array (scan y, scan x,
 * detector y, detector x, in HyperSpy order), with any leading dimensions (a defocus series, a depth)
 * fixed at chosen indices ({@link Views#fix}). A view: reads go to the array's own source, nothing is
 * copied, and the engine keeps the source's raw read path.
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
		ArraySource src = a.source();
		for (int d = lead - 1; d >= 0; d--) {
			src = Views.fix(src, d, leading[d]); // checks the index
		}
		ArrayNode c = new ArrayNode(a.name(), src).axes(axes).kind("4d-stem").title(a.title()).quantity(a.quantity(), a.units());
		c.metadata(a.metadata()).originalMetadata(a.originalMetadata());
		return c;
	}
}
