package org.ronchi.processing.decomposition;

/**
 * Column sums and the count of the rows used, the statistics centring on navigation and Poisson
 * normalisation need: one pass ({@link #pass}), or accumulated row by row in an engine kernel.
 */
public final class ColumnStatistics {
	final double[] sums;
	long rows;
	double min = Double.POSITIVE_INFINITY;

	public ColumnStatistics(int columns) {
		sums = new double[columns];
	}

	/** Adds one row's used columns. */
	public void add(float[] data, int offset, int[] cols) {
		for (int j = 0; j < cols.length; j++) {
			float v = data[offset + cols[j]];
			sums[j] += v;
			min = Math.min(min, v);
		}
		rows++;
	}

	public void merge(ColumnStatistics later) {
		for (int j = 0; j < sums.length; j++) {
			sums[j] += later.sums[j];
		}
		rows += later.rows;
		min = Math.min(min, later.min);
	}

	public double[] sums() {
		return sums.clone();
	}

	public long rows() {
		return rows;
	}

	static RowBlocks.Pass<ColumnStatistics> pass(Preprocessing pre, int[] cols, int columns) {
		return new RowBlocks.Pass<>() {
			@Override
			public ColumnStatistics start() {
				return new ColumnStatistics(cols.length);
			}

			@Override
			public void block(long first, int count, float[] data, ColumnStatistics s) {
				for (int r = 0; r < count; r++) {
					if (pre.rowUsed(first + r)) {
						s.add(data, r * columns, cols);
					}
				}
			}

			@Override
			public void merge(ColumnStatistics into, ColumnStatistics later) {
				into.merge(later);
			}
		};
	}
}
