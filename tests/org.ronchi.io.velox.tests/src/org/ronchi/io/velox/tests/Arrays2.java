package org.ronchi.io.velox.tests;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;

/** Reading whole signals and summing them exactly (January's sum of an int dataset is an int). */
final class Arrays2 {
	private Arrays2() {
	}

	static Dataset readAll(ArrayNode n) {
		return n.source().read(new long[n.rank()], Shapes.toInt(n.shape()));
	}

	static double sum(Dataset d) {
		double s = 0;
		for (int i = 0; i < d.getSize(); i++) {
			s += d.getElementDoubleAbs(i);
		}
		return s;
	}

	static double first(Dataset d) {
		return d.getElementDoubleAbs(0);
	}

	/** @return {real sum, imaginary sum} of a complex64 dataset */
	static double[] complexSum(Dataset d) {
		float[] v = ((ComplexFloatDataset) d).getData();
		double re = 0;
		double im = 0;
		for (int i = 0; i < v.length; i += 2) {
			re += v[i];
			im += v[i + 1];
		}
		return new double[] { re, im };
	}
}
