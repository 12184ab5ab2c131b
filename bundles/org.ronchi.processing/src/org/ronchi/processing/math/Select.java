package org.ronchi.processing.math;

/** Medians as NumPy computes them ({@code np.median}: the mean of the two middle values for even counts), by quickselect. */
public final class Select {
	private Select() {
	}

	/** @return the median of a[0..n), reordering a */
	public static double median(double[] a, int n) {
		if (n == 0) {
			return Double.NaN;
		}
		int mid = n / 2;
		double hi = select(a, 0, n - 1, mid);
		if ((n & 1) == 1) {
			return hi;
		}
		double lo = a[0];
		for (int i = 1; i < mid; i++) {
			lo = Math.max(lo, a[i]);
		}
		return (lo + hi) / 2;
	}

	/** @return the k-th smallest of a[from..to], leaving smaller values before index k */
	static double select(double[] a, int from, int to, int k) {
		int lo = from;
		int hi = to;
		while (lo < hi) {
			double pivot = a[(lo + hi) >>> 1];
			int i = lo;
			int j = hi;
			while (i <= j) {
				while (a[i] < pivot) {
					i++;
				}
				while (a[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double t = a[i];
					a[i] = a[j];
					a[j] = t;
					i++;
					j--;
				}
			}
			if (k <= j) {
				hi = j;
			} else if (k >= i) {
				lo = i;
			} else {
				break;
			}
		}
		return a[k];
	}
}
