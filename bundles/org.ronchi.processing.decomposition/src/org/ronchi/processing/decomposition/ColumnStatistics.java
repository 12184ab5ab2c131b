package org.ronchi.processing.decomposition;

/**
 * What centring on navigation and Poisson normalisation need from a first pass over the data: the sum
 * of each used signal column over the used rows, how many rows were used, and the smallest value seen.
 *
 * @param sums per used column
 * @param rows rows (positions) used
 * @param min smallest value of the used data (Poisson normalisation refuses negative counts)
 */
public record ColumnStatistics(double[] sums, long rows, double min) {

	public ColumnStatistics {
		sums = sums.clone();
	}

	@Override
	public double[] sums() {
		return sums.clone();
	}

	/** Adds one row's used columns into running sums, returning the new minimum. */
	public static double add(float[] data, int offset, int[] cols, double[] sums, double min) {
		double m = min;
		for (int j = 0; j < cols.length; j++) {
			float v = data[offset + cols[j]];
			sums[j] += v;
			m = Math.min(m, v);
		}
		return m;
	}
}
