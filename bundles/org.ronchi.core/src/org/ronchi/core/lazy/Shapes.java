package org.ronchi.core.lazy;

import java.nio.file.Path;
import java.util.Arrays;

import org.ronchi.core.io.InvalidRequestException;

/** Shape arithmetic in {@code long}, because January's int-based sizes overflow past 2^31 elements. */
public final class Shapes {
	private Shapes() {
	}

	/** @return the number of elements, or throws if it overflows a long */
	public static long size(long[] shape) {
		long n = 1;
		for (long d : shape) {
			n = Math.multiplyExact(n, d);
		}
		return n;
	}

	public static long size(int[] shape) {
		long n = 1;
		for (int d : shape) {
			n = Math.multiplyExact(n, (long) d);
		}
		return n;
	}

	public static int[] toInt(long[] shape) {
		int[] out = new int[shape.length];
		for (int i = 0; i < shape.length; i++) {
			out[i] = Math.toIntExact(shape[i]);
		}
		return out;
	}

	public static long[] toLong(int[] shape) {
		long[] out = new long[shape.length];
		for (int i = 0; i < shape.length; i++) {
			out[i] = shape[i];
		}
		return out;
	}

	/** @return the shape as NumPy prints it: {@code (2, 3)}, {@code (5,)}, {@code ()} */
	public static String format(long[] shape) {
		String s = Arrays.toString(shape).replace('[', '(').replace(']', ')');
		return shape.length == 1 ? s.replace(")", ",)") : s;
	}

	/** @return C-order strides in elements */
	public static long[] strides(long[] shape) {
		long[] s = new long[shape.length];
		long acc = 1;
		for (int i = shape.length - 1; i >= 0; i--) {
			s[i] = acc;
			acc *= shape[i];
		}
		return s;
	}

	/**
	 * Checks a read request against an array before anything is read.
	 *
	 * @param file     for the message
	 * @param itemSize bytes per element: the box must fit one Java array of them
	 * @return the number of elements in the box
	 * @throws InvalidRequestException if the box has another rank, lies outside the shape or is too large
	 */
	public static long checkBox(Path file, long[] shape, long[] start, int[] count, int itemSize) {
		if (start.length != shape.length || count.length != shape.length) {
			throw new InvalidRequestException(file, null, "a read of rank " + start.length + "/" + count.length
					+ " from an array of rank " + shape.length);
		}
		for (int d = 0; d < shape.length; d++) {
			if (start[d] < 0 || count[d] < 0 || start[d] > shape[d] - count[d]) {
				throw new InvalidRequestException(file, null, "the box start " + Arrays.toString(start) + " count "
						+ Arrays.toString(count) + " is outside the shape " + Arrays.toString(shape));
			}
		}
		long total = size(count);
		if (total > (Integer.MAX_VALUE - 16) / Math.max(1, itemSize)) {
			throw new InvalidRequestException(file, null, "the box " + Arrays.toString(count) + " is too large for one read; read it in parts");
		}
		return total;
	}
}
