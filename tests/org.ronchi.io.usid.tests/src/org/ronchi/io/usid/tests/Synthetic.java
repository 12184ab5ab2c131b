package org.ronchi.io.usid.tests;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.LongDataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Reference;
import org.ronchi.io.usid.IndexMatrix;

/** Builds USID structures in a core tree, in memory: a Main dataset and its four ancillaries. */
final class Synthetic {
	final Group root = Group.root();
	final Group channel = root.group("Measurement_000").group("Channel_000");
	MemorySource mainSource;

	/**
	 * @param pos  index rows of the position side (one per dimension, file order)
	 * @param spec index rows of the spectroscopic side
	 */
	ArrayNode main(long[][] pos, List<String> posLabels, long[][] spec, List<String> specLabels) {
		int n = pos[0].length;
		int p = spec[0].length;
		Dataset data = DatasetFactory.createRange(DoubleDataset.class, n * p).reshape(n, p);
		mainSource = new MemorySource(data, DType.FLOAT64);
		ArrayNode main = channel.add(new ArrayNode("Raw_Data", mainSource));
		ArrayNode pi = ancillary("Position_Indices", pos, false, posLabels, DType.UINT32);
		ArrayNode pv = ancillary("Position_Values", pos, false, posLabels, DType.FLOAT64);
		ArrayNode si = ancillary("Spectroscopic_Indices", spec, true, specLabels, DType.UINT32);
		ArrayNode sv = ancillary("Spectroscopic_Values", spec, true, specLabels, DType.FLOAT64);
		main.attribute("quantity", "Current").attribute("units", "nA");
		for (ArrayNode a : List.of(pi, pv, si, sv)) {
			main.attribute(a.name(), new Reference(a.path(), 1));
		}
		return main;
	}

	/** Values are 10 x index, so tests can tell them apart. */
	private ArrayNode ancillary(String name, long[][] rows, boolean spectroscopic, List<String> labels, DType t) {
		int dims = rows.length;
		int len = rows[0].length;
		Dataset d = t == DType.UINT32 ? DatasetFactory.zeros(LongDataset.class, spectroscopic ? dims : len, spectroscopic ? len : dims)
				: DatasetFactory.zeros(DoubleDataset.class, spectroscopic ? dims : len, spectroscopic ? len : dims);
		for (int k = 0; k < dims; k++) {
			for (int i = 0; i < len; i++) {
				double v = t == DType.UINT32 ? rows[k][i] : 10.0 * rows[k][i];
				if (spectroscopic) {
					d.set(v, k, i);
				} else {
					d.set(v, i, k);
				}
			}
		}
		ArrayNode a = channel.add(new ArrayNode(name, new MemorySource(d, t)));
		a.attribute("labels", labels.toArray(String[]::new));
		a.attribute("units", labels.stream().map(l -> l.toLowerCase() + "_u").toArray(String[]::new));
		return a;
	}

	/** Rows of an index matrix given fastest first, reordered to the file order given by {@code fileOrder}. */
	static long[][] reorder(long[][] fastestFirst, int... fileOrder) {
		long[][] out = new long[fileOrder.length][];
		for (int i = 0; i < fileOrder.length; i++) {
			out[i] = fastestFirst[fileOrder[i]];
		}
		return out;
	}

	static long[][] grid(int... sizes) {
		return IndexMatrix.indices(sizes);
	}
}
