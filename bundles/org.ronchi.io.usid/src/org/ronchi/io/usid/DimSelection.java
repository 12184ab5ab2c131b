package org.ronchi.io.usid;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * What {@link MainDataset#slice} keeps of one dimension, as pyUSID's slice_dict values: one index
 * (the dimension is then dropped), a list of indices, or a range with a step. Indices are checked
 * against the dimension when the slice is made.
 */
public record DimSelection(int[] indices, boolean drop) {

	public DimSelection {
		indices = indices.clone();
	}

	public static DimSelection index(int i) {
		return new DimSelection(new int[] { i }, true);
	}

	public static DimSelection indices(int... i) {
		return new DimSelection(i, false);
	}

	/** start inclusive, stop exclusive, step positive */
	public static DimSelection range(int start, int stop, int step) {
		if (step < 1) {
			throw new UsidException(null, "slice", "step must be positive, got " + step);
		}
		return new DimSelection(IntStream.iterate(start, i -> i < stop, i -> i + step).toArray(), false);
	}

	@Override
	public int[] indices() {
		return indices.clone();
	}

	@Override
	public String toString() {
		return drop ? Integer.toString(indices[0]) : Arrays.toString(indices);
	}
}
