package org.ronchi.io.usid;

import java.util.Arrays;
import java.util.List;

/**
 * The maths of USID's ancillary matrices, as pure functions on one row per dimension (fastest-varying
 * first): building the index and value matrices of a set of {@link Dimension}s (pyUSID's
 * {@code make_indices_matrix}, {@code build_ind_val_matrices}), and reading them back: the order of
 * the dimensions from fastest to slowest as the indices show it ({@code get_sort_order}), the size of
 * each ({@code get_dimensionality}) and the values one dimension steps through
 * ({@code get_unit_values}). Position matrices are stored tall (N x U) and spectroscopic ones wide
 * (V x P); callers transpose, these functions always see rows.
 */
public final class IndexMatrix {
	private IndexMatrix() {
	}

	/**
	 * @return one row of indices per dimension, fastest first; the columns run through every
	 *         combination, the first dimension changing at every step
	 */
	public static long[][] indices(int... sizes) {
		long total = 1;
		for (int s : sizes) {
			if (s < 1) {
				throw new UsidException(null, "index matrix", "every dimension needs at least 1 step: " + Arrays.toString(sizes));
			}
			total = Math.multiplyExact(total, s);
		}
		int n = Math.toIntExact(total);
		long[][] rows = new long[sizes.length][n];
		long repeat = 1;
		for (int d = 0; d < sizes.length; d++) {
			for (int k = 0; k < n; k++) {
				rows[d][k] = (k / repeat) % sizes[d];
			}
			repeat *= sizes[d];
		}
		return rows;
	}

	/**
	 * pyUSID's {@code make_indices_matrix}, with its validation: a single dimension may have one step,
	 * otherwise every dimension needs at least two (a size-1 dimension among others is an error there).
	 */
	public static long[][] makeIndicesMatrix(int... steps) {
		if (steps.length == 0) {
			throw new UsidException(null, "make_indices_matrix", "num_steps should not be an empty array or list");
		}
		if (!(steps.length == 1 && steps[0] == 1)) {
			for (int s : steps) {
				if (s < 2) {
					throw new UsidException(null, "make_indices_matrix", "num_steps should contain integers > 1, got " + Arrays.toString(steps));
				}
			}
		}
		return indices(steps);
	}

	/** @return one row of values per dimension, laid out like {@link #indices} (pyUSID's values matrix) */
	public static double[][] values(List<Dimension> dims) {
		int[] sizes = dims.stream().mapToInt(Dimension::size).toArray();
		long[][] idx = indices(sizes);
		double[][] out = new double[dims.size()][];
		for (int d = 0; d < dims.size(); d++) {
			double[] v = dims.get(d).values();
			out[d] = new double[idx[d].length];
			for (int k = 0; k < idx[d].length; k++) {
				out[d][k] = v[(int) idx[d][k]];
			}
		}
		return out;
	}

	/**
	 * @return the dimensions (row numbers) ordered from fastest to slowest changing, as pyUSID's
	 *         {@code get_sort_order}: by the number of changes along the row (counting the wrap from the
	 *         last column to the first), most first; ties come out in reverse row order, as NumPy's
	 *         reversed argsort gives them
	 */
	public static int[] sortOrder(long[][] rows) {
		Integer[] order = new Integer[rows.length];
		int[] changes = new int[rows.length];
		for (int d = 0; d < rows.length; d++) {
			long[] r = rows[d];
			for (int i = 0; i < r.length; i++) {
				if (r[i] != r[(i - 1 + r.length) % r.length]) {
					changes[d]++;
				}
			}
			order[d] = d;
		}
		Arrays.sort(order, (a, b) -> Integer.compare(changes[a], changes[b]));
		int[] out = new int[rows.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = order[rows.length - 1 - i];
		}
		return out;
	}

	/** @return the number of distinct values in each row, in row order (pyUSID's {@code get_dimensionality}) */
	public static int[] sizes(long[][] rows) {
		int[] out = new int[rows.length];
		for (int d = 0; d < rows.length; d++) {
			out[d] = (int) Arrays.stream(rows[d]).distinct().count();
		}
		return out;
	}

	/**
	 * @return the values dimension {@code d} steps through: its values in the columns where every other
	 *         dimension keeps the index it has in the first column (pyUSID's {@code get_unit_values})
	 */
	public static double[] unitValues(long[][] indices, double[][] values, int d) {
		int n = indices[d].length;
		double[] tmp = new double[n];
		int count = 0;
		for (int k = 0; k < n; k++) {
			boolean others = true;
			for (int o = 0; o < indices.length && others; o++) {
				others = o == d || indices[o][k] == indices[o][0];
			}
			if (others) {
				tmp[count++] = values[d][k];
			}
		}
		return Arrays.copyOf(tmp, count);
	}
}
