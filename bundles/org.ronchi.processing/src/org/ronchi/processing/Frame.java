package org.ronchi.processing;

import java.nio.ByteBuffer;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.model.DType;

/**
 * One frame (signal array at one navigation position) as a kernel sees it in
 * {@link Kernel#processFrame}. The typed accessors fill an array owned by the worker thread and reused
 * for the next frame: read it, never keep it.
 */
public interface Frame {

	/** @return the index of this frame in its partition's grid (C order): the slot of NAV outputs unless binning */
	int index();

	/** @return the position in the partition's grid of delivered frames */
	int[] gridPosition();

	/** @return the navigation position in the input */
	long[] position();

	Partition partition();

	/** @return the element type on disk */
	DType dtype();

	/** @return the frame shape */
	int[] shape();

	/** @return elements in the frame */
	int size();

	/** @return the frame's raw elements, little-endian, as a read-only view positioned at its first byte */
	ByteBuffer raw();

	/** @return the values as float (unsigned types read as unsigned), in a reused array of {@link #size()} */
	float[] floats();

	/** @return the values as double, in a reused array */
	double[] doubles();

	/**
	 * @return the records at this frame's position when the input is point lists
	 *         ({@link InputSpec#pointLists()}; the frame's one value is then their count), read for this call
	 * @throws IllegalStateException when the input is an array
	 */
	default PointList points() {
		throw new IllegalStateException("the input is an array, not point lists");
	}

	/** @return the raw 16-bit elements of an int16 or uint16 frame (mask with 0xffff for uint16), in a reused array */
	short[] shorts();
}
