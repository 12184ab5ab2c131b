package org.ronchi.io.usid;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;

/**
 * One side of a Main dataset: its index and value datasets (positions N x U, or spectroscopic V x P),
 * read whole (they are small next to the data) and held as one row per dimension, in file order, with
 * the {@code labels} and {@code units} attributes. Derives what pyUSID derives: sizes, the real
 * fastest-to-slowest order, unit values, and the grid that places each row (or column) of the Main
 * dataset in the N-dimensional form.
 */
public final class Ancillaries {
	/** Ancillaries above this many elements are refused rather than read: a forged shape, not a real file. */
	static final long MAX_ELEMENTS = 1L << 27;

	private final boolean spectroscopic;
	private final ArrayNode indsNode;
	private final ArrayNode valsNode;
	private final long[][] indices;
	private final double[][] values;
	private final String[] labels;
	private final String[] units;
	private int[] table;

	private Ancillaries(boolean spectroscopic, ArrayNode indsNode, ArrayNode valsNode, long[][] indices, double[][] values,
			String[] labels, String[] units) {
		this.spectroscopic = spectroscopic;
		this.indsNode = indsNode;
		this.valsNode = valsNode;
		this.indices = indices;
		this.values = values;
		this.labels = labels;
		this.units = units;
	}

	/** Reads a pair whose shapes {@link MainCheck} has accepted. */
	static Ancillaries read(Path file, ArrayNode inds, ArrayNode vals, boolean spectroscopic) {
		long[] shape = inds.shape();
		if (shape[0] * shape[1] > MAX_ELEMENTS) {
			throw new UsidException(file, inds.path(), "ancillary of shape " + Arrays.toString(shape) + " is too large to be real");
		}
		int dims = (int) (spectroscopic ? shape[0] : shape[1]);
		long[][] i = new long[dims][];
		double[][] v = new double[dims][];
		Dataset di = inds.source().read(new long[2], new int[] { (int) shape[0], (int) shape[1] });
		Dataset dv = vals.source().read(new long[2], new int[] { (int) shape[0], (int) shape[1] });
		for (int d = 0; d < dims; d++) {
			Dataset ri = spectroscopic ? di.getSlice(new int[] { d, 0 }, new int[] { d + 1, (int) shape[1] }, null)
					: di.getSlice(new int[] { 0, d }, new int[] { (int) shape[0], d + 1 }, null);
			Dataset rv = spectroscopic ? dv.getSlice(new int[] { d, 0 }, new int[] { d + 1, (int) shape[1] }, null)
					: dv.getSlice(new int[] { 0, d }, new int[] { (int) shape[0], d + 1 }, null);
			i[d] = new long[ri.getSize()];
			v[d] = new double[rv.getSize()];
			for (int k = 0; k < i[d].length; k++) {
				i[d][k] = ri.getElementLongAbs(k);
				v[d][k] = rv.getElementDoubleAbs(k);
				if (i[d][k] < 0) {
					throw new UsidException(file, inds.path(), "negative index " + i[d][k] + " for dimension " + d);
				}
			}
		}
		String side = spectroscopic ? "Spectral Dimension " : "Position Dimension ";
		String[] labels = strings(file, inds, "labels", dims, side);
		String[] units = strings(file, inds, "units", dims, null);
		return new Ancillaries(spectroscopic, inds, vals, i, v, labels, units);
	}

	/** Decodes a string-list attribute (h5py writes byte strings); a missing one gets defaults. */
	private static String[] strings(Path file, ArrayNode node, String attr, int dims, String defaultPrefix) {
		Object v = node.attribute(attr);
		String[] out = new String[dims];
		if (v == null) {
			for (int d = 0; d < dims; d++) {
				out[d] = defaultPrefix == null ? "" : defaultPrefix + d;
			}
			return out;
		}
		List<String> list = new ArrayList<>();
		if (v.getClass().isArray() && !(v instanceof byte[])) {
			for (int k = 0; k < Array.getLength(v); k++) {
				list.add(Attributes.asString(Array.get(v, k)));
			}
		} else {
			list.add(Attributes.asString(v));
		}
		if (list.size() != dims) {
			throw new UsidException(file, node.path(), "attribute '" + attr + "' has " + list.size() + " entries for " + dims
					+ " dimensions");
		}
		return list.toArray(out);
	}

	public boolean spectroscopic() {
		return spectroscopic;
	}

	public ArrayNode indicesNode() {
		return indsNode;
	}

	public ArrayNode valuesNode() {
		return valsNode;
	}

	/** @return the number of dimensions on this side */
	public int rank() {
		return labels.length;
	}

	/** @return the labels in file order (fastest first if the file follows the rule) */
	public List<String> labels() {
		return List.of(labels);
	}

	public List<String> units() {
		return List.of(units);
	}

	/** @return the number of steps of each dimension, file order */
	public int[] sizes() {
		return IndexMatrix.sizes(indices);
	}

	/** @return the dimensions from fastest to slowest changing, as the indices show it */
	public int[] sortOrder() {
		return IndexMatrix.sortOrder(indices);
	}

	/** @return the number of rows (positions) or columns (spectroscopic steps) described */
	public int length() {
		return indices.length == 0 ? 0 : indices[0].length;
	}

	/** @return dimension index of a label, or -1 */
	public int indexOf(String label) {
		return List.of(labels).indexOf(label);
	}

	/** @return the values one dimension steps through */
	public double[] unitValues(int d) {
		return IndexMatrix.unitValues(indices, values, d);
	}

	/** @return the dimensions as pyUSID Dimension objects, file order */
	public List<Dimension> dimensions() {
		List<Dimension> out = new ArrayList<>();
		for (int d = 0; d < rank(); d++) {
			out.add(new Dimension(labels[d], units[d], unitValues(d)));
		}
		return out;
	}

	/** @return a copy of the index matrix, one row per dimension (file order) */
	public long[][] indices() {
		return java.util.Arrays.stream(indices).map(long[]::clone).toArray(long[][]::new);
	}

	/** @return a copy of the value matrix, one row per dimension (file order) */
	public double[][] values() {
		return java.util.Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
	}

	/**
	 * @return for every cell of the N-dimensional grid (C order over {@link #sizes()} in file order) the
	 *         row or column of the Main dataset holding it
	 * @throws UsidException if the indices do not describe a full grid (sparse sampling, DM-82)
	 */
	synchronized int[] grid(Path file) {
		if (table != null) {
			return table;
		}
		int[] sizes = sizes();
		long cells = 1;
		for (int s : sizes) {
			cells *= s;
		}
		String where = indsNode.path();
		if (cells != length()) {
			throw new UsidException(file, where, "cannot reshape to N dimensions: sizes " + Arrays.toString(sizes) + " of "
					+ labels() + " make " + cells + " cells but there are " + length() + (spectroscopic ? " steps" : " positions")
					+ " (sparse sampling?)");
		}
		int[] t = new int[(int) cells];
		Arrays.fill(t, -1);
		for (int k = 0; k < length(); k++) {
			long flat = 0;
			for (int d = 0; d < rank(); d++) {
				if (indices[d][k] >= sizes[d]) {
					throw new UsidException(file, where, "index " + indices[d][k] + " of " + labels[d] + " exceeds its "
							+ sizes[d] + " distinct values: not a grid");
				}
				flat = flat * sizes[d] + indices[d][k];
			}
			if (t[(int) flat] >= 0) {
				throw new UsidException(file, where, (spectroscopic ? "columns " : "rows ") + t[(int) flat] + " and " + k
						+ " have the same indices: not a grid");
			}
			t[(int) flat] = k;
		}
		table = t;
		return t;
	}
}
