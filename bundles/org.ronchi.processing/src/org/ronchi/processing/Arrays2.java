package org.ronchi.processing;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.npy.NpyReader;

/** Array parameter values (masks, origin maps) from the forms callers have: Dataset, nested lists, Java arrays, .npy. */
final class Arrays2 {
	private Arrays2() {
	}

	static DoubleDataset toDataset(Object raw) {
		if (raw instanceof Dataset d) {
			return (DoubleDataset) d.cast(DoubleDataset.class).clone();
		}
		if (raw instanceof String s) {
			Path p = Paths.get(s);
			if (!s.endsWith(".npy")) {
				throw new IllegalArgumentException("a string must name a .npy file");
			}
			return (DoubleDataset) NpyReader.read(p).data().cast(DoubleDataset.class);
		}
		List<Integer> shape = new ArrayList<>();
		Object cur = raw;
		while (cur instanceof List<?> l || (cur != null && cur.getClass().isArray())) {
			int n = cur instanceof List<?> l2 ? l2.size() : java.lang.reflect.Array.getLength(cur);
			shape.add(n);
			if (n == 0) {
				break;
			}
			cur = cur instanceof List<?> l3 ? l3.get(0) : java.lang.reflect.Array.get(cur, 0);
		}
		if (shape.isEmpty()) {
			throw new IllegalArgumentException("not an array");
		}
		int[] s = shape.stream().mapToInt(Integer::intValue).toArray();
		DoubleDataset d = DatasetFactory.zeros(DoubleDataset.class, s);
		double[] out = d.getData();
		int[] at = { 0 };
		fill(raw, 0, s, out, at);
		return d;
	}

	private static void fill(Object o, int depth, int[] shape, double[] out, int[] at) {
		if (depth == shape.length) {
			if (o instanceof Boolean b) {
				out[at[0]++] = b ? 1 : 0;
			} else if (o instanceof Number n) {
				out[at[0]++] = n.doubleValue();
			} else {
				throw new IllegalArgumentException("element " + o + " is not a number");
			}
			return;
		}
		int n = o instanceof List<?> l ? l.size() : o != null && o.getClass().isArray() ? java.lang.reflect.Array.getLength(o) : -1;
		if (n != shape[depth]) {
			throw new IllegalArgumentException("ragged array: expected " + shape[depth] + " elements at depth " + depth);
		}
		for (int i = 0; i < n; i++) {
			fill(o instanceof List<?> l ? l.get(i) : java.lang.reflect.Array.get(o, i), depth + 1, shape, out, at);
		}
	}
}
