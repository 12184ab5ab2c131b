package org.ronchi.io.nexus.tests;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/** An in-memory array as an ArraySource. */
record MemorySource(Dataset data, DType dtype) implements ArraySource {

	@Override
	public long[] shape() {
		return Shapes.toLong(data.getShapeRef());
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		int[] s = new int[start.length];
		int[] e = new int[start.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = (int) start[i];
			e[i] = s[i] + count[i];
		}
		return data.getSlice(s, e, null);
	}
}
