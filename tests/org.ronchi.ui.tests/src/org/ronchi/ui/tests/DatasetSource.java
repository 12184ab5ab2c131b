package org.ronchi.ui.tests;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.SliceND;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/** Synthetic data as an ArraySource: a January dataset in memory, read box by box like a file. Counts reads. */
final class DatasetSource implements ArraySource {
	private final Dataset data;
	private final DType dtype;
	volatile int reads;

	DatasetSource(Dataset data, DType dtype) {
		this.data = Buffers.contiguous(dtype, data);
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
		int[] st = Shapes.toInt(start);
		int[] stop = new int[st.length];
		for (int i = 0; i < st.length; i++) {
			stop[i] = st[i] + count[i];
		}
		return data.getSlice(new SliceND(data.getShapeRef(), st, stop, null)).clone();
	}
}
