package org.ronchi.processing;

/**
 * A box of navigation positions processed as one unit: read, mapped and merged together, and recorded
 * as complete for resuming. Partitions are aligned with the input's storage chunks and, when the
 * operation bins or thins the navigation grid, with whole blocks.
 */
public interface Partition {

	/** @return the partition's number, 0-based, in the order partitions are merged */
	int index();

	/** @return the first input navigation position of the box */
	long[] navStart();

	/** @return the box's extent in input positions */
	int[] navCount();

	/** @return the grid of frames delivered (the box after thinning); frames come in C order over it */
	int[] grid();

	/** @return frames delivered */
	int frames();

	/** @return where this partition's NAV outputs go in the output navigation grid */
	long[] outStart();

	/** @return the extent of this partition's NAV outputs (the grid divided by the bin factors) */
	int[] outCount();

	/** @return NAV output positions of this partition */
	int outPositions();
}
