package org.ronchi.core.lazy;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.LongDataset;
import org.ronchi.core.model.DType;

/**
 * Variable-length lists of records, one {@link PointList} per position of a grid: the Bragg peaks of
 * every scan position, an EMD 1.0 PointListArray, a ragged array. What a format or the engine provides
 * for such data, as {@link ArraySource} is for arrays; an {@link org.ronchi.core.model.ArrayNode}
 * carries it ({@link org.ronchi.core.model.ArrayNode#pointLists()}), its own data then being the number
 * of records per position (see {@link #counts()}). Reads must be safe from several threads.
 */
public interface PointListSource {

	/** {@link org.ronchi.core.model.ArrayNode#kind()} of an array node that carries point lists. */
	String KIND = "pointlists";

	RecordType type();

	/** @return the grid's shape, C order */
	long[] shape();

	/**
	 * @return the records at one grid position
	 * @throws IndexOutOfBoundsException outside the grid
	 * @throws org.ronchi.core.io.RonchiException on read errors, naming file and object
	 */
	PointList read(long... position);

	/** @return the number of records at one grid position; the default reads the list */
	default int length(long... position) {
		return read(position).length();
	}

	/**
	 * @return the number of records at every position, an int64 array of the grid's shape (a map users
	 *         can look at: how many peaks each pattern has), through {@link #length}
	 */
	default ArraySource counts() {
		PointListSource lists = this;
		return new ArraySource() {
			@Override
			public DType dtype() {
				return DType.INT64;
			}

			@Override
			public long[] shape() {
				return lists.shape();
			}

			@Override
			public Dataset read(long[] start, int[] count) {
				LongDataset out = DatasetFactory.zeros(LongDataset.class, count);
				long[] grid = lists.shape();
				long[] at = start.clone();
				long[] v = out.getData();
				for (int i = 0; i < v.length; i++) {
					v[i] = lists.length(at);
					for (int d = grid.length - 1; d >= 0; d--) {
						if (++at[d] < start[d] + count[d]) {
							break;
						}
						at[d] = start[d];
					}
				}
				return out;
			}
		};
	}
}
