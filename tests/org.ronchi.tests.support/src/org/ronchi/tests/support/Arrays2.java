package org.ronchi.tests.support;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;

/** Reads whole arrays and reduces them, for comparing with the values in MANIFEST.md. */
public final class Arrays2 {
	private Arrays2() {
	}

	public static Dataset readAll(ArrayNode node) {
		long[] shape = node.shape();
		int[] count = new int[shape.length];
		for (int i = 0; i < shape.length; i++) {
			count[i] = Math.toIntExact(shape[i]);
		}
		return node.source().read(new long[shape.length], count);
	}

	public static double sum(Dataset d) {
		double s = 0;
		for (int i = 0; i < d.getSize(); i++) {
			s += d.getElementDoubleAbs(i);
		}
		return s;
	}

	public static double first(Dataset d) {
		return d.getElementDoubleAbs(0);
	}
}
