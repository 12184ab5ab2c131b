package org.ronchi.io.dm.image;

import java.util.Arrays;

/** Where a presented box of a packed FFT (shown in stored order, axes of size 1 dropped) is stored. */
final class SlabRequest {
	private SlabRequest() {
	}

	/** The stored box for a presented box: presented axis i is stored axis diskAxes[i]; other stored axes have size 1. */
	static long[] diskStart(SignalLayout layout, long[] start) {
		long[] s = new long[layout.diskShape().length];
		for (int i = 0; i < start.length; i++) {
			s[layout.diskAxes()[i]] = start[i];
		}
		return s;
	}

	static int[] diskCount(SignalLayout layout, int[] count) {
		int[] c = new int[layout.diskShape().length];
		Arrays.fill(c, 1);
		for (int i = 0; i < count.length; i++) {
			c[layout.diskAxes()[i]] = count[i];
		}
		return c;
	}
}
