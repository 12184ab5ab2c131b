package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

import org.ronchi.core.lazy.Shapes;

/**
 * Copies a box of elements between two C-order arrays held as bytes, one contiguous run along the
 * last dimension at a time: to pad an edge chunk to full chunk size (HDF5 stores edge chunks whole)
 * and to cut chunks out of a whole dataset.
 */
final class Hyperslab {
	private Hyperslab() {
	}

	/** Copies count elements from src[srcStart...] to dst[dstStart...]; positions are not moved. */
	static void copy(ByteBuffer src, long[] srcShape, long[] srcStart, ByteBuffer dst, long[] dstShape, long[] dstStart,
			int[] count, int elementSize) {
		int rank = count.length;
		if (Shapes.size(count) == 0) {
			return;
		}
		if (rank == 0) {
			dst.put(dst.position(), src, src.position(), elementSize);
			return;
		}
		long[] srcStrides = Shapes.strides(srcShape);
		long[] dstStrides = Shapes.strides(dstShape);
		int run = count[rank - 1] * elementSize;
		int[] at = new int[rank]; // odometer over all dimensions but the last
		while (true) {
			long s = 0;
			long d = 0;
			for (int i = 0; i < rank; i++) {
				s += (srcStart[i] + at[i]) * srcStrides[i];
				d += (dstStart[i] + at[i]) * dstStrides[i];
			}
			dst.put(dst.position() + Math.toIntExact(d * elementSize), src, src.position() + Math.toIntExact(s * elementSize), run);
			int i = rank - 2;
			while (i >= 0 && ++at[i] == count[i]) {
				at[i--] = 0;
			}
			if (i < 0) {
				return;
			}
		}
	}
}
