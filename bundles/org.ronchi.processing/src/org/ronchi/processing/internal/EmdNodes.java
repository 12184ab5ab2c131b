package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;

/**
 * Calibration of EMD 1.0 (emdfile) array nodes: a group with a {@code data} dataset and
 * {@code dim0..dimN} coordinate datasets ({@code name}, {@code units}; two values for a linear axis).
 * The results file is written so; until an EMD 1.0 loader exists, arrays of such files opened by the
 * generic HDF5 loader (pixel axes) are calibrated here.
 */
public final class EmdNodes {
	private EmdNodes() {
	}

	/** @return a's axes from the dims beside it, or a itself if it is not the data of an EMD array node */
	public static ArrayNode calibrated(ArrayNode a) {
		Group g = a.parent();
		if (g == null || !"data".equals(a.name()) || !(g.child("dim0") instanceof ArrayNode)) {
			return a;
		}
		for (Axis x : a.axes()) {
			if (!x.units().isEmpty() || x.scale() != 1 || x.offset() != 0) {
				return a; // a loader calibrated it already
			}
		}
		return a.axes(axes(g, a.shape(), navigationRank(g)));
	}

	static int navigationRank(Group node) {
		Object nav = node.attribute("navigation_rank");
		if (nav instanceof Number n) {
			return n.intValue();
		}
		return "DataCube".equals(node.stringAttribute("python_class")) ? 2 : 0;
	}

	static List<Axis> axes(Group node, long[] shape, int navRank) {
		List<Axis> axes = new ArrayList<>();
		for (int i = 0; i < shape.length; i++) {
			Axis a = Axis.index("dim" + i, shape[i]);
			if (node.child("dim" + i) instanceof ArrayNode dim && dim.rank() == 1 && dim.dtype().isNumeric()) {
				double[] v = ((DoubleDataset) dim.source().read(new long[1], new int[] { (int) dim.shape()[0] }).cast(DoubleDataset.class)).getData();
				String nm = dim.stringAttribute("name");
				String un = dim.stringAttribute("units");
				nm = nm == null ? "dim" + i : nm;
				if (v.length == 2 && shape[i] != 2) {
					a = Axis.linear(nm, un, shape[i], v[1] - v[0], v[0]);
				} else if (v.length == shape[i]) {
					a = Axis.vector(nm, un, v);
				}
			}
			axes.add(a.withNavigate(i < navRank));
		}
		return axes;
	}
}
