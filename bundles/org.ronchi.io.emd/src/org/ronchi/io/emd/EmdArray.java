package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;

/**
 * An EMD 1.0 Array: dataset {@code data} (attribute {@code units}) and one dim vector per dimension,
 * {@code dim0..dim{N-1}} with {@code name}/{@code units}. A stack (slicelabels) stores the labels of its
 * last dimension as the last dim vector, named {@code _labels_}. DataCubes (py4DSTEM) are 4-D arrays
 * whose first two dimensions are scan positions.
 */
public final class EmdArray extends EmdNode {
	public static final String LABELS = "_labels_";
	/**
	 * Ronchi's attribute of an array node: how many leading dimensions are navigation (scan) axes, for
	 * arrays other than DataCubes (results of processing); emdfile ignores it.
	 */
	public static final String NAVIGATION_RANK = "navigation_rank";

	private final ArrayNode data;
	private final List<EmdDim> dims;
	private final List<String> slicelabels;

	EmdArray(Path file, Group g, String type) {
		super(file, g, type);
		if (!(g.child("data") instanceof ArrayNode d)) {
			throw new EmdException(file, g.path(), "an EMD array group holds a dataset named 'data'");
		}
		this.data = d;
		int rank = d.rank();
		List<EmdDim> ds = new ArrayList<>();
		List<String> labels = null;
		for (int i = 0; i < rank; i++) {
			if (!(g.child("dim" + i) instanceof ArrayNode dn)) {
				throw new EmdException(file, g.path(), "dim vector 'dim" + i + "' of a rank-" + rank + " array is missing");
			}
			EmdDim dim = EmdDim.read(file, dn, EmdUnits::emd1);
			if (i == rank - 1 && LABELS.equals(dim.name())) {
				labels = dim.isText() ? List.of(dim.labels()) : List.of();
				if (labels.size() != d.shape()[i]) {
					throw new EmdException(file, dn.path(), labels.size() + " slice labels for " + d.shape()[i] + " slices");
				}
			}
			ds.add(dim);
		}
		this.dims = ds;
		this.slicelabels = labels;
	}

	public ArrayNode data() {
		return data;
	}

	/** @return the values' units, the data's {@code units} attribute */
	public String units() {
		String u = data.stringAttribute("units");
		return u == null ? "" : u;
	}

	public List<EmdDim> dims() {
		return Collections.unmodifiableList(dims);
	}

	/** @return the slice labels of a stack, or null */
	public List<String> slicelabels() {
		return slicelabels;
	}

	public boolean isStack() {
		return slicelabels != null;
	}

	/** @return N, or N - 1 for a stack (emdfile's rank) */
	public int rank() {
		return isStack() ? data.rank() - 1 : data.rank();
	}

	/**
	 * @return one axis per dimension, calibrated from its dim vector (a stack's labels axis is a plain
	 *         index named "slicelabels"); the first {@value #NAVIGATION_RANK} are navigation axes, or a
	 *         DataCube's first two
	 */
	public List<Axis> axes() {
		long[] shape = data.shape();
		int navigation = navigationRank(group(), pythonClass(), shape.length);
		List<Axis> out = new ArrayList<>();
		for (int i = 0; i < shape.length; i++) {
			EmdDim d = dims.get(i);
			Axis a = isStack() && i == shape.length - 1 ? Axis.index("slicelabels", shape[i]) : d.axis(shape[i]);
			out.add(a.withNavigate(i < navigation));
		}
		return out;
	}

	/** @return the node's {@value #NAVIGATION_RANK} attribute, else 2 for a 4-D DataCube, else 0 */
	static int navigationRank(Group node, String pythonClass, int rank) {
		Double n = org.ronchi.core.model.Attributes.asDouble(node.attribute(NAVIGATION_RANK));
		if (n != null) {
			return Math.max(0, Math.min(rank, n.intValue()));
		}
		return "DataCube".equals(pythonClass) && rank == 4 ? 2 : 0;
	}
}
