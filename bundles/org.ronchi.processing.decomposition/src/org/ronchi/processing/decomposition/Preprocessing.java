package org.ronchi.processing.decomposition;

/**
 * What is done to the unfolded matrix before it is decomposed, as HyperSpy's {@code decomposition}
 * arguments: {@code centre} (none, navigation: subtract the mean over positions, i.e. the mean
 * spectrum; signal: subtract each position's own mean), {@code normalize_poissonian_noise}
 * (HyperSpy's {@code normalize_poissonian_noise}: X / (√(row sums) √(column sums)), 0/0 = 0, the
 * factors and loadings rescaled afterwards; not with centring), and the masks (true = left out,
 * HyperSpy's convention; null = none).
 */
public record Preprocessing(Centre centre, boolean poisson, boolean[] navigationMask, boolean[] signalMask) {

	/** HyperSpy's {@code centre}. */
	public enum Centre {
		NONE, NAVIGATION, SIGNAL
	}

	public Preprocessing {
		if (poisson && centre != Centre.NONE) {
			throw new DecompositionException("decomposition",
					"Poisson normalisation is only compatible with centre = none, as in HyperSpy");
		}
	}

	/** @return how many rows of n are used (not masked) */
	public int rowsUsed(int n) {
		int used = 0;
		for (int i = 0; i < n; i++) {
			used += rowUsed(i) ? 1 : 0;
		}
		return used;
	}

	public static Preprocessing none() {
		return new Preprocessing(Centre.NONE, false, null, null);
	}

	/** @return whether a pass over the data must first collect column statistics */
	public boolean needsColumnStatistics() {
		return poisson || centre == Centre.NAVIGATION;
	}

	public boolean rowUsed(long row) {
		return navigationMask == null || !navigationMask[(int) row];
	}

	/** @return the indices of the signal columns used */
	public int[] columns(int total) {
		int n = 0;
		for (int j = 0; j < total; j++) {
			n += signalMask == null || !signalMask[j] ? 1 : 0;
		}
		int[] c = new int[n];
		int i = 0;
		for (int j = 0; j < total; j++) {
			if (signalMask == null || !signalMask[j]) {
				c[i++] = j;
			}
		}
		return c;
	}
}
