package org.ronchi.core.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.ToLongFunction;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * Test arrays written element by element where a naive placement function says, and what a box of them
 * must read as: the oracle the layout reader, chunked arrays and views are checked against. Element k
 * (C order) has bytes of its own, so a misplaced element shows.
 */
final class Stored {
	private Stored() {
	}

	/** @return the little-endian bytes of element k */
	static byte[] element(DType dtype, long k) {
		byte[] b = new byte[dtype.itemSize()];
		for (int j = 0; j < b.length; j++) {
			b[j] = (byte) (k * 31 + j * 7 + (k >>> 8) + 1);
		}
		if (dtype.isFloat() || dtype.isComplex()) { // finite values, so that datasets compare equal
			int unit = dtype.isComplex() ? b.length / 2 : b.length;
			for (int top = unit - 1; top < b.length; top += unit) {
				b[top] = (byte) (0x40 + (k & 15));
			}
		}
		return b;
	}

	/** @return element bytes as stored in order: reversed per value (per part of a complex) for big-endian */
	static byte[] stored(DType dtype, long k, ByteOrder order) {
		byte[] le = element(dtype, k);
		if (order == ByteOrder.LITTLE_ENDIAN) {
			return le;
		}
		int unit = dtype.isComplex() ? le.length / 2 : le.length;
		byte[] be = new byte[le.length];
		for (int i = 0; i < le.length; i += unit) {
			for (int j = 0; j < unit; j++) {
				be[i + j] = le[i + unit - 1 - j];
			}
		}
		return be;
	}

	/** Writes every element of shape at position(index) into file, which must be large enough. */
	static void write(byte[] file, DType dtype, ByteOrder order, long[] shape, ToLongFunction<long[]> position) {
		long n = Shapes.size(shape);
		long[] idx = new long[shape.length];
		for (long k = 0; k < n; k++) {
			byte[] e = stored(dtype, k, order);
			System.arraycopy(e, 0, file, (int) position.applyAsLong(idx), e.length);
			next(idx, shape);
		}
	}

	/** @return the little-endian bytes of box [start, start + count) of an array of shape, C order */
	static ByteBuffer box(DType dtype, long[] shape, long[] start, int[] count) {
		return box(dtype, shape, start, count, k -> k);
	}

	/**
	 * @param elementAt for each flat index of the array, the element stored there (or -1: zeros)
	 * @return the little-endian bytes of the box
	 */
	static ByteBuffer box(DType dtype, long[] shape, long[] start, int[] count, java.util.function.LongUnaryOperator elementAt) {
		long n = Shapes.size(count);
		ByteBuffer out = ByteBuffer.allocate((int) (n * dtype.itemSize())).order(ByteOrder.LITTLE_ENDIAN);
		long[] strides = Shapes.strides(shape);
		long[] idx = new long[count.length];
		long[] c = Shapes.toLong(count);
		for (long i = 0; i < n; i++) {
			long flat = 0;
			for (int d = 0; d < idx.length; d++) {
				flat += (start[d] + idx[d]) * strides[d];
			}
			long k = elementAt.applyAsLong(flat);
			out.put(k < 0 ? new byte[dtype.itemSize()] : element(dtype, k));
			next(idx, c);
		}
		return out.flip();
	}

	/** Odometer: the next index in C order. */
	static void next(long[] idx, long[] shape) {
		for (int d = idx.length - 1; d >= 0; d--) {
			if (++idx[d] < shape[d]) {
				return;
			}
			idx[d] = 0;
		}
	}

	/** @return a random box inside shape (non-empty) */
	static long[][] randomBox(java.util.Random rnd, long[] shape) {
		long[] start = new long[shape.length];
		long[] count = new long[shape.length];
		for (int d = 0; d < shape.length; d++) {
			start[d] = rnd.nextInt((int) shape[d]);
			count[d] = 1 + rnd.nextInt((int) (shape[d] - start[d]));
		}
		return new long[][] { start, count };
	}
}
