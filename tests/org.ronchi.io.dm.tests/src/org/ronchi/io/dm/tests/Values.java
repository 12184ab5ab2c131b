package org.ronchi.io.dm.tests;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.CompoundDataset;
import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.io.dm.internal.DmLoader;

/** Reading helpers shared by the tests. */
final class Values {
	private Values() {
	}

	static DataFile open(Path file) {
		return new DmLoader().open(file, Map.of());
	}

	/** @return the whole array, read through the lazy source */
	static Dataset readAll(ArrayNode node) {
		int[] count = Shapes.toInt(node.shape());
		return node.source().read(new long[count.length], count);
	}

	/** @return the components of element i (flat, C order): 1 for real types, 2 for complex, 4 for RGBA */
	static double[] element(Dataset d, int i) {
		if (d instanceof CompoundDataset c) {
			double[] v = new double[c.getElementsPerItem()];
			c.getDoubleArrayAbs(i * c.getElementsPerItem(), v);
			return v;
		}
		return new double[] { d.getElementDoubleAbs(i) };
	}

	/** @return the sum of the first component of every element, accumulated in double */
	static double sum(Dataset d) {
		double s = 0;
		for (int i = 0; i < d.getSize(); i++) {
			s += element(d, i)[0];
		}
		return s;
	}

	/** @return the value of a standard key that must be a Quantity in the given unit */
	static double number(org.ronchi.core.metadata.MetadataTree t, String key, String unit) {
		Object v = t.get(key);
		if (!(v instanceof Quantity q)) {
			throw new AssertionError(key + " should be a Quantity in " + unit + " but is " + v);
		}
		if (!q.unit().equals(unit)) {
			throw new AssertionError(key + " should be in " + unit + " but is " + q);
		}
		return q.value();
	}
}
