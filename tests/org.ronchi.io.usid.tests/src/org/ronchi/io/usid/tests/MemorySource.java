package org.ronchi.io.usid.tests;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/** An in-memory array as an ArraySource, counting reads so tests can see what was fetched. */
final class MemorySource implements ArraySource {
	private final Dataset data;
	private final DType dtype;
	int reads;
	long elementsRead;

	MemorySource(Dataset data, DType dtype) {
		this.data = data;
		this.dtype = dtype;
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return Shapes.toLong(data.getShapeRef());
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		reads++;
		int[] s = new int[start.length];
		int[] e = new int[start.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = (int) start[i];
			e[i] = s[i] + count[i];
		}
		Dataset d = data.getSlice(s, e, null);
		elementsRead += d.getSize();
		return d;
	}
}
