package org.ronchi.io.dm.image;

import java.nio.file.Path;
import java.util.Arrays;

import org.ronchi.core.io.InvalidRequestException;

/** The checks every {@code ArraySource.read} of this bundle makes before touching the file. */
final class SlabRequest {
	private SlabRequest() {
	}

	/**
	 * @throws InvalidRequestException if the box is not inside the shape or does not fit in one Java array
	 */
	static void check(Path file, long[] shape, long[] start, int[] count, int itemSize) {
		if (start.length != shape.length || count.length != shape.length) {
			throw new InvalidRequestException(file, null, "a read of rank " + start.length + "/" + count.length
					+ " from an array of rank " + shape.length);
		}
		long total = itemSize;
		for (int i = 0; i < shape.length; i++) {
			if (start[i] < 0 || count[i] < 0 || start[i] + count[i] > shape[i]) {
				throw new InvalidRequestException(file, null, "the box start " + Arrays.toString(start) + " count "
						+ Arrays.toString(count) + " is outside the shape " + Arrays.toString(shape));
			}
			total *= count[i];
			if (total > Integer.MAX_VALUE - 16) {
				throw new InvalidRequestException(file, null, "the box " + Arrays.toString(count)
						+ " is too large for one read; read it in parts");
			}
		}
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
