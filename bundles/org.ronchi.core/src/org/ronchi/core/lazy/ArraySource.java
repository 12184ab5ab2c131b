package org.ronchi.core.lazy;

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

	/** @return the storage chunk shape (HDF5 chunk, one frame, ...) that reads should align with, or null */
	default int[] chunkShape() {
		return null;
	}
}
