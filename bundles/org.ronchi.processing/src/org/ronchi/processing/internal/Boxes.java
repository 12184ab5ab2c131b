package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ronchi.core.lazy.Shapes;

/** Copying a hyperslab of a C-order array out as runs along its last dimension. */
final class Boxes {
	private Boxes() {
	}

	interface RunReader {
		/** Appends elements [from, from+n) of the whole array to out. */
		void read(long from, long n, ByteBuffer out);
	}

	static void copyOut(long[] shape, long[] start, int[] count, ByteBuffer target, RunReader reader, int item) {
		target.order(ByteOrder.LITTLE_ENDIAN);
		int n = shape.length;
		for (int d = 0; d < n; d++) {
			if (start[d] < 0 || count[d] < 0 || start[d] + count[d] > shape[d]) {
				throw new IndexOutOfBoundsException("slice outside shape " + Shapes.format(shape));
			}
		}
		long total = Shapes.size(count);
		if (total == 0) {
			return;
		}
		if (n == 0) {
			reader.read(0, 1, target);
			return;
		}
		long[] strides = Shapes.strides(shape);
		int inner = n - 1;
		while (inner > 0 && count[inner] == shape[inner]) {
			inner--;
		}
		long run = 1;
		for (int d = inner; d < n; d++) {
			run *= count[d];
		}
		long[] idx = new long[inner];
		for (long r = 0; r < total / run; r++) {
			long at = start[inner] * strides[inner];
			for (int d = 0; d < inner; d++) {
				at += (start[d] + idx[d]) * strides[d];
			}
			reader.read(at, run, target);
			for (int d = inner - 1; d >= 0; d--) {
				if (++idx[d] < count[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
	}
}
