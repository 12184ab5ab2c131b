package org.ronchi.io.merlin.internal;

import java.util.Arrays;

/**
 * The scan row length guessed from the frame time stamps: the beam's flyback at the end of each row
 * makes the gap between two frames longer than the others, at the same place in every row
 * (RosettaSciIO guesses the navigation shape the same way). Only a regular pattern counts: every
 * longer gap a multiple of the row length apart, and none missing.
 */
final class ScanLines {
	/** Jitter of the time stamps never exceeds this (they tick in 10 ns steps; flyback takes microseconds). */
	static final long MIN_JUMP_NANOS = 1_000;

	private ScanLines() {
	}

	/**
	 * @param nanos the time stamps of the first frames (at least 3)
	 * @return the row length, or 0 if the gaps show no regular flyback
	 */
	static int rowLength(long[] nanos) {
		int m = nanos.length - 1;
		if (m < 2) {
			return 0;
		}
		long[] gaps = new long[m];
		for (int i = 0; i < m; i++) {
			gaps[i] = nanos[i + 1] - nanos[i];
		}
		long median = median(gaps.clone());
		long[] deviations = new long[m];
		for (int i = 0; i < m; i++) {
			deviations[i] = Math.abs(gaps[i] - median);
		}
		long threshold = Math.max(MIN_JUMP_NANOS, 10 * median(deviations));
		int row = 0;
		for (int i = 0; i < m; i++) {
			boolean jump = gaps[i] - median > threshold;
			if (row == 0) {
				if (jump) {
					row = i + 1;
				}
			} else if (jump != ((i + 1) % row == 0)) {
				return 0;
			}
		}
		return row >= 2 ? row : 0;
	}

	private static long median(long[] v) {
		Arrays.sort(v);
		return v[v.length / 2];
	}
}
