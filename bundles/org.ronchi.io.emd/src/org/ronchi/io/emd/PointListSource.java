package org.ronchi.io.emd;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;

/** A PointList's field columns side by side: (points x fields), every field widened to float64. */
final class PointListSource implements ArraySource {
	private final List<ArrayNode> fields;

	PointListSource(List<ArrayNode> fields) {
		this.fields = List.copyOf(fields);
	}

	@Override
	public DType dtype() {
		return DType.FLOAT64;
	}

	@Override
	public long[] shape() {
		return new long[] { fields.isEmpty() ? 0 : fields.get(0).shape()[0], fields.size() };
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		DoubleDataset out = DatasetFactory.zeros(DoubleDataset.class, count);
		double[] buf = out.getData();
		for (int c = 0; c < count[1]; c++) {
			Dataset col = fields.get((int) start[1] + c).source().read(new long[] { start[0] }, new int[] { count[0] });
			for (int r = 0; r < count[0]; r++) {
				buf[r * count[1] + c] = col.getElementDoubleAbs(r);
			}
		}
		return out;
	}
}
