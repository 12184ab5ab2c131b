package org.ronchi.io.usid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;

/**
 * pyUSID's {@code USIDataset}: a view over a 2-D Main dataset (positions x spectroscopic steps) and the
 * four ancillary datasets its reference attributes point to. It gives the dimensions of each side
 * ({@link #position()}, {@link #spectroscopic()}), the N-dimensional form ({@link #ndim}) and slicing by
 * dimension name ({@link #slice}), reading only what is asked. Built on the core tree, it works for
 * any file whose loader resolves object references to {@link org.ronchi.core.model.Reference}s.
 */
public final class MainDataset {
	/** {@link ArrayNode#kind()} of a Main dataset signal and of its N-dimensional form. */
	public static final String KIND = "usid-main";
	public static final String KIND_NDIM = "usid-ndim";

	private final Path file;
	private final ArrayNode main;
	private final Ancillaries pos;
	private final Ancillaries spec;

	private MainDataset(Path file, ArrayNode main, Ancillaries pos, Ancillaries spec) {
		this.file = file;
		this.main = main;
		this.pos = pos;
		this.spec = spec;
	}

	/**
	 * @param file names the file in errors (may be null)
	 * @throws UsidException naming every rule the dataset breaks if it is not a Main dataset (pyUSID
	 *                       raises TypeError here), or if its ancillaries cannot be read
	 */
	public static MainDataset of(Path file, ArrayNode main) {
		List<String> why = MainCheck.check(main);
		if (!why.isEmpty()) {
			throw new UsidException(file, main.path(), "not a USID Main dataset: " + String.join("; ", why));
		}
		List<String> ignored = new ArrayList<>();
		Ancillaries p = Ancillaries.read(file, MainCheck.ancillary(main, MainCheck.POS_INDS, ignored),
				MainCheck.ancillary(main, MainCheck.POS_VALS, ignored), false);
		Ancillaries s = Ancillaries.read(file, MainCheck.ancillary(main, MainCheck.SPEC_INDS, ignored),
				MainCheck.ancillary(main, MainCheck.SPEC_VALS, ignored), true);
		return new MainDataset(file, main, p, s);
	}

	public ArrayNode node() {
		return main;
	}

	public String quantity() {
		return main.stringAttribute("quantity");
	}

	public String units() {
		return main.stringAttribute("units");
	}

	/** @return "quantity (units)", pyUSID's data_descriptor */
	public String dataDescriptor() {
		return quantity() + " (" + units() + ")";
	}

	public Ancillaries position() {
		return pos;
	}

	public Ancillaries spectroscopic() {
		return spec;
	}

	/** @return position then spectroscopic labels, file order (pyUSID's n_dim_labels, sort_dims=False) */
	public List<String> labels() {
		List<String> all = new ArrayList<>(pos.labels());
		all.addAll(spec.labels());
		return all;
	}

	/**
	 * The N-dimensional form, lazily: pyUSID's {@code get_n_dim_form()}, e.g. (25, 22272) to (5, 5, 87,
	 * 64, 2, 2). Not squeezed (HyperSpy's USID reader squeezes it; use {@link ArrayNode#shape()} to
	 * drop size-1 axes when exporting like HyperSpy).
	 *
	 * @param sortDims false: dimensions in file order; true: each side from fastest to slowest
	 * @throws UsidException if the indices do not form a full grid (sparse sampling)
	 */
	public ArrayNode ndim(boolean sortDims) {
		return ndim(sortDims, false);
	}

	/**
	 * @param squeeze drop dimensions of size 1, as HyperSpy's USID reader does: with sortDims false the
	 *                result is then HyperSpy's {@code s.data}
	 */
	public ArrayNode ndim(boolean sortDims, boolean squeeze) {
		int[] pOrder = sortDims ? pos.sortOrder() : identity(pos.rank());
		int[] sOrder = sortDims ? spec.sortOrder() : identity(spec.rank());
		ArraySource src = ndimSource(pOrder, sOrder);
		List<Axis> all = new ArrayList<>();
		for (int d : pOrder) {
			all.add(axis(pos, d, true));
		}
		for (int d : sOrder) {
			all.add(axis(spec, d, false));
		}
		List<Axis> axes = new ArrayList<>();
		long[] shape = src.shape();
		for (int a = shape.length - 1; a >= 0; a--) {
			if (squeeze && shape[a] == 1) {
				src = Views.fix(src, a, 0); // HyperSpy's squeeze: every axis of size 1 goes
			} else {
				axes.add(0, all.get(a));
			}
		}
		ArrayNode n = new ArrayNode(main.name() + "_ndim", src);
		n.axes(axes).kind(KIND_NDIM).title(main.title()).quantity(quantity(), units());
		n.metadata(main.metadata()).originalMetadata(main.originalMetadata());
		return n;
	}

	/**
	 * The Main dataset seen through its ancillaries' grids: every cell is found where the indices say it is
	 * (not by assuming an order), so files whose dimensions are not fastest-first (pyUSID DM-23) reshape
	 * correctly. Rows through the position grid, columns through the spectroscopic grid, each split into
	 * its file dimensions, then each side in the order asked for.
	 */
	private ArraySource ndimSource(int[] pOrder, int[] sOrder) {
		ArraySource cells = Views.take(Views.take(main.source(), 0, pos.grid(file)), 1, spec.grid(file));
		ArraySource grid = Views.unflatten(Views.unflatten(cells, 1, longs(spec.sizes())), 0, longs(pos.sizes()));
		int[] perm = new int[pOrder.length + sOrder.length];
		for (int a = 0; a < perm.length; a++) {
			perm[a] = a < pOrder.length ? pOrder[a] : pOrder.length + sOrder[a - pOrder.length];
		}
		return Views.permute(grid, perm);
	}

	private static long[] longs(int[] a) {
		return Arrays.stream(a).asLongStream().toArray();
	}

	private static Axis axis(Ancillaries side, int d, boolean navigate) {
		int size = side.sizes()[d];
		double[] v = side.unitValues(d);
		String label = side.labels().get(d);
		Axis a = v.length == size ? Axis.vector(label, side.units().get(d), v) : Axis.index(label, size);
		return a.withNavigate(navigate);
	}

	private static int[] identity(int n) {
		int[] a = new int[n];
		Arrays.setAll(a, i -> i);
		return a;
	}

	/**
	 * pyUSID's {@code slice(slice_dict)}: keeps the given indices of the named dimensions and all of the
	 * others, reads only the box they span, and squeezes size-1 dimensions away. The result's axes are
	 * the N-dimensional form's (file order) minus the squeezed ones.
	 *
	 * @throws UsidException for an unknown dimension name, a negative index or one beyond the dimension
	 */
	public Dataset slice(Map<String, DimSelection> selection) {
		List<String> labels = labels();
		ArrayNode nd = ndim(false);
		long[] shape = nd.shape();
		int[][] keep = new int[shape.length][];
		for (Map.Entry<String, DimSelection> e : selection.entrySet()) {
			int d = labels.indexOf(e.getKey());
			if (d < 0) {
				throw new UsidException(file, main.path(), "Cannot slice on dimension '" + e.getKey() + "'; the dimensions are " + labels);
			}
			for (int i : e.getValue().indices()) {
				if (i < 0) {
					throw new UsidException(file, main.path(), "Slicing indices should be >= 0: " + e.getKey() + " = " + i);
				}
				if (i >= shape[d]) {
					throw new UsidException(file, main.path(), "slicing argument for dimension: " + e.getKey() + " was beyond "
							+ (shape[d] - 1) + " (index " + i + " of " + shape[d] + " steps)");
				}
			}
			keep[d] = e.getValue().indices();
		}
		long[] start = new long[shape.length];
		int[] count = new int[shape.length];
		for (int d = 0; d < shape.length; d++) {
			if (keep[d] == null || keep[d].length == 0) {
				count[d] = (int) shape[d];
				continue;
			}
			int lo = Arrays.stream(keep[d]).min().getAsInt();
			start[d] = lo;
			count[d] = Arrays.stream(keep[d]).max().getAsInt() - lo + 1;
		}
		Dataset box = nd.source().read(start, count);
		for (int d = 0; d < shape.length; d++) {
			if (keep[d] != null && keep[d].length > 0) {
				int lo = (int) start[d];
				int[] rel = Arrays.stream(keep[d]).map(i -> i - lo).toArray();
				box = DatasetUtils.take(box, rel, d);
			}
		}
		return box.squeeze();
	}

	/** @return pyUSID's repr of a USIDataset (API-8) */
	public String describe() {
		StringBuilder sb = new StringBuilder();
		sb.append("<HDF5 dataset \"").append(main.name()).append("\": shape ").append(shapeText(main.shape())).append(", type \"")
				.append(main.dtype().npyDescr()).append("\">\nlocated at:\n    ").append(main.path()).append("\nData contains:\n    ")
				.append(dataDescriptor()).append("\nData dimensions and original shape:\nPosition Dimensions:\n");
		side(sb, pos);
		sb.append("Spectroscopic Dimensions:\n");
		side(sb, spec);
		sb.append("Data Type:\n    ").append(main.dtype().numpyName());
		return sb.toString();
	}

	private static void side(StringBuilder sb, Ancillaries a) {
		int[] sizes = a.sizes();
		for (int d = 0; d < a.rank(); d++) {
			sb.append("    ").append(a.labels().get(d)).append(" - size: ").append(sizes[d]).append('\n');
		}
	}

	private static String shapeText(long[] s) {
		return s.length == 1 ? "(" + s[0] + ",)" : Arrays.toString(s).replace('[', '(').replace(']', ')');
	}

	/** @return label to unit values of every dimension, position side first */
	public Map<String, double[]> unitValues() {
		Map<String, double[]> out = new LinkedHashMap<>();
		for (Ancillaries a : List.of(pos, spec)) {
			for (int d = 0; d < a.rank(); d++) {
				out.put(a.labels().get(d), a.unitValues(d));
			}
		}
		return out;
	}
}
