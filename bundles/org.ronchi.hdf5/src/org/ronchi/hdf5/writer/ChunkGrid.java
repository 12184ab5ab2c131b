package org.ronchi.hdf5.writer;

import java.util.Arrays;

import org.ronchi.core.lazy.Shapes;

/**
 * Geometry of a regular grid of blocks over a shape: chunk offsets, their linear C-order index (the
 * order of the chunk B-tree keys) and the part of an edge block inside the shape. Also used for the
 * slabs in which contiguous datasets are streamed. All in long: shapes may exceed 2^31 elements.
 */
final class ChunkGrid {
	private final long[] shape;
	private final int[] block;
	private final long[] counts;
	private final long total;

	ChunkGrid(long[] shape, int[] block) {
		if (shape.length != block.length) {
			throw new IllegalArgumentException("chunk rank " + block.length + " differs from dataset rank " + shape.length);
		}
		this.shape = shape.clone();
		this.block = block.clone();
		this.counts = new long[shape.length];
		long n = 1;
		for (int i = 0; i < shape.length; i++) {
			counts[i] = (shape[i] + block[i] - 1) / block[i];
			n = Math.multiplyExact(n, counts[i]);
		}
		this.total = n;
	}

	/** @return the number of blocks */
	long count() {
		return total;
	}

	int[] block() {
		return block.clone();
	}

	/** @return the number of elements in a full block */
	long blockElements() {
		return Shapes.size(block);
	}

	/**
	 * @return the linear index of the block starting at offset
	 * @throws IllegalArgumentException if offset is not on the grid or outside the shape
	 */
	long index(long[] offset) {
		if (offset.length != shape.length) {
			throw new IllegalArgumentException("offset rank " + offset.length + " differs from dataset rank " + shape.length);
		}
		long index = 0;
		for (int i = 0; i < shape.length; i++) {
			if (offset[i] < 0 || offset[i] >= shape[i] || offset[i] % block[i] != 0) {
				throw new IllegalArgumentException("offset " + Arrays.toString(offset) + " is not a chunk start of shape "
						+ Shapes.format(shape) + " in chunks " + Arrays.toString(block));
			}
			index = index * counts[i] + offset[i] / block[i];
		}
		return index;
	}

	/** @return the element offset of block number index */
	long[] offset(long index) {
		long[] o = new long[shape.length];
		for (int i = shape.length - 1; i >= 0; i--) {
			o[i] = index % counts[i] * block[i];
			index /= counts[i];
		}
		return o;
	}

	/** @return the extent of the block at offset that lies inside the shape */
	int[] clipped(long[] offset) {
		int[] c = new int[shape.length];
		for (int i = 0; i < shape.length; i++) {
			c[i] = (int) Math.min(block[i], shape[i] - offset[i]);
		}
		return c;
	}
}
