package org.ronchi.core.lazy;

import java.util.Arrays;

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
}
