package org.ronchi.processing.decomposition;

/**
 * The preprocessing of one row once the column statistics are known: the used columns, minus the row
 * mean (centre signal) or the column means (centre navigation), or divided by √(row sum) √(column sum)
 * (Poisson, 0 where that is 0). Immutable, shared by threads.
 */
public final class RowTransform {
	private final int[] cols;
	private final Preprocessing pre;
	private final double[] columnMeans;
	private final double[] rootColumnSums;

	public RowTransform(Preprocessing pre, int[] cols, ColumnStatistics stats) {
		this.pre = pre;
		this.cols = cols;
		if (pre.poisson() && stats.min() < 0) {
			throw new DecompositionException("Poisson normalisation",
					"negative values found in the data: they do not follow a Poisson distribution");
		}
		columnMeans = pre.centre() == Preprocessing.Centre.NAVIGATION ? scaled(stats.sums(), 1.0 / stats.rows()) : null;
		if (pre.poisson()) {
			rootColumnSums = new double[cols.length];
			for (int j = 0; j < cols.length; j++) {
				rootColumnSums[j] = Math.sqrt(stats.sums()[j]);
			}
		} else {
			rootColumnSums = null;
		}
	}

	/** @return the used columns (indices into a row) */
	public int[] columns() {
		return cols.clone();
	}

	/** @return the mean each used column loses (centre navigation), else null */
	public double[] columnMeans() {
		return columnMeans == null ? null : columnMeans.clone();
	}

	/** @return the mean a row loses (centre signal), else 0 */
	public double rowMean(float[] data, int offset) {
		if (pre.centre() != Preprocessing.Centre.SIGNAL) {
			return 0;
		}
		double mean = 0;
		for (int c : cols) {
			mean += data[offset + c];
		}
		return mean / cols.length;
	}

	private static double[] scaled(double[] a, double s) {
		double[] r = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			r[i] = a[i] * s;
		}
		return r;
	}

	/** @return √(row sum) for Poisson (the loading's rescale factor), else 1 */
	public double rowScale(float[] data, int offset) {
		if (!pre.poisson()) {
			return 1;
		}
		double s = 0;
		for (int c : cols) {
			s += data[offset + c];
		}
		return Math.sqrt(s);
	}

	/** Writes the preprocessed used columns of one row into out. */
	public void apply(float[] data, int offset, double[] out) {
		int m = cols.length;
		for (int j = 0; j < m; j++) {
			out[j] = data[offset + cols[j]];
		}
		switch (pre.centre()) {
		case SIGNAL -> {
			double mean = 0;
			for (int j = 0; j < m; j++) {
				mean += out[j];
			}
			mean /= m;
			for (int j = 0; j < m; j++) {
				out[j] -= mean;
			}
		}
		case NAVIGATION -> {
			for (int j = 0; j < m; j++) {
				out[j] -= columnMeans[j];
			}
		}
		case NONE -> {
		}
		}
		if (rootColumnSums != null) {
			double a = rowScale(data, offset);
			for (int j = 0; j < m; j++) {
				double d = a * rootColumnSums[j];
				out[j] = d == 0 ? 0 : out[j] / d;
			}
		}
	}

	/** @return the factor a factor's element j is multiplied by after the decomposition (√ column sum), 1 without Poisson */
	public double columnScale(int j) {
		return rootColumnSums == null ? 1 : rootColumnSums[j];
	}
}
