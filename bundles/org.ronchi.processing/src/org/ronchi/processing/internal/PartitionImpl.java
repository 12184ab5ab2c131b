package org.ronchi.processing.internal;

import java.util.Arrays;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.Partition;

/**
 * A partition: a box of input navigation positions (a union of whole grains), the grid of frames
 * delivered from it (every step-th position) and where its NAV outputs go.
 */
final class PartitionImpl implements Partition {
	final int index;
	final long[] navStart;
	final int[] navCount;
	final int[] step;
	final int[] grid;
	final long[] outStart;
	final int[] outCount;
	/** The partition's grains (see {@link Partitioner}): the global index of the first, and how many. */
	final long firstGrain;
	final int grains;

	PartitionImpl(int index, long[] navStart, int[] navCount, int[] step, int[] bin, long[] outStart, long firstGrain, int grains) {
		this.index = index;
		this.navStart = navStart.clone();
		this.navCount = navCount.clone();
		this.step = step.clone();
		this.grid = new int[navCount.length];
		this.outCount = new int[navCount.length];
		for (int d = 0; d < grid.length; d++) {
			grid[d] = (navCount[d] + step[d] - 1) / step[d];
			outCount[d] = grid[d] / bin[d];
		}
		this.outStart = outStart.clone();
		this.firstGrain = firstGrain;
		this.grains = grains;
	}

	@Override
	public int index() {
		return index;
	}

	@Override
	public long[] navStart() {
		return navStart.clone();
	}

	@Override
	public int[] navCount() {
		return navCount.clone();
	}

	@Override
	public int[] grid() {
		return grid.clone();
	}

	@Override
	public int frames() {
		return Math.toIntExact(Shapes.size(grid));
	}

	@Override
	public long[] outStart() {
		return outStart.clone();
	}

	@Override
	public int[] outCount() {
		return outCount.clone();
	}

	@Override
	public int outPositions() {
		return Math.toIntExact(Shapes.size(outCount));
	}

	@Override
	public String toString() {
		return "partition " + index + " at " + Arrays.toString(navStart) + " size " + Arrays.toString(navCount);
	}
}
