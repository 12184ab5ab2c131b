package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * Where an array's bytes are: the one thing a format must provide for its data to be sliced lazily.
 * Geometry and element type are described; {@link #read} fetches one hyperslab. Shapes are {@code long}
 * so that arrays of more than 2^31 elements (4D-STEM) are described exactly, even though a single read
 * is limited to what fits in one Java array.
 * <p>
 * Implementations must be safe for concurrent {@code read} calls: the engine and the UI slice in parallel.
 */
public interface ArraySource {

	/** @return the element type on disk */
	DType dtype();

	/** @return the shape in C order (slowest-varying dimension first) */
	long[] shape();

	/**
	 * Reads the hyperslab {@code [start, start + count)} into a new dataset of {@code dtype().januaryClass()}
	 * with shape {@code count}.
	 *
	 * @throws org.ronchi.core.io.RonchiException on I/O or format errors, naming file and object
	 */
	Dataset read(long[] start, int[] count);

	/**
	 * Reads the hyperslab {@code [start, start + count)} as raw elements of {@link #dtype()} in their
	 * on-disk width (no widening of unsigned types), little-endian, C order, into target at its position;
	 * the position advances by {@code size(count) * dtype().itemSize()} and target's byte order is set to
	 * little-endian. This is the path bulk processing takes: kernels then work on primitive arrays.
	 * <p>
	 * The default decodes through {@link #read} and encodes back; sources that hold raw bytes (HDF5,
	 * memory maps) override it to copy straight into target.
	 *
	 * @throws java.nio.BufferOverflowException if target has too little room
	 * @throws org.ronchi.core.io.RonchiException on I/O or format errors, as {@link #read}
	 */
	default void readInto(long[] start, int[] count, ByteBuffer target) {
		long n = Shapes.size(count);
		if (n * dtype().itemSize() > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		Dataset d = Buffers.contiguous(dtype(), read(start, count));
		Buffers.encode(dtype(), d, 0, (int) n, target);
	}

	/** @return the storage chunk shape (HDF5 chunk, one frame, ...) that reads should align with, or null */
	default int[] chunkShape() {
		return null;
	}
}
