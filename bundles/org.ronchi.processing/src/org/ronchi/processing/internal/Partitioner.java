package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.NavTransform;

/**
 * Cuts the navigation window into partitions and partitions into tiles. A partition (or tile) is a
 * box that is one block thick in the dimensions before its split dimension, a multiple of the unit in
 * the split dimension, and full in the dimensions after it, so its frames are consecutive in C order
 * and, in the output, its positions form whole rows. The unit is a whole number of navigation blocks
 * (step × bin) and, where possible, of storage chunks, so no chunk is read by two tiles.
 */
final class Partitioner {
	private final NavTransform t;
	private final long[] extent;
	private final int[] chunk;

	/**
	 * @param chunkNav the storage chunk's navigation dimensions, or null
	 */
	Partitioner(NavTransform t, int[] chunkNav) {
		this.t = t;
		this.chunk = chunkNav;
		int n = t.rank();
		this.extent = new long[n];
		for (int d = 0; d < n; d++) {
			long blocks = t.thinned(d) / t.bin()[d];
			extent[d] = t.bin()[d] > 1 ? blocks * t.block(d) : t.count()[d];
		}
	}

	/** @return frames delivered from the whole window */
	long frames() {
		long n = 1;
		for (int d = 0; d < extent.length; d++) {
			n *= (extent[d] + t.step()[d] - 1) / t.step()[d];
		}
		return n;
	}

	/** @return the unit of the split dimension: whole blocks, and whole chunks where they are multiples */
	private long unit(int d) {
		long b = t.block(d);
		if (chunk != null && chunk[d] > 1 && t.start()[d] % chunk[d] == 0) {
			return lcm(b, chunk[d]);
		}
		return b;
	}

	private static long lcm(long a, long b) {
		long x = a;
		long y = b;
		while (y != 0) {
			long r = x % y;
			x = y;
			y = r;
		}
		return a / x * b;
	}

	/** Partitions of about targetFrames delivered frames each (at least one unit), in C order. */
	List<PartitionImpl> partitions(long targetFrames) {
		List<PartitionImpl> out = new ArrayList<>();
		int n = extent.length;
		if (n == 0) {
			out.add(new PartitionImpl(0, new long[0], new int[0], new int[0], new int[0], new long[0]));
			return out;
		}
		for (long[] box : boxes(t.start(), extent, targetFrames, true)) {
			long[] start = Arrays.copyOf(box, n);
			int[] count = new int[n];
			long[] outStart = new long[n];
			for (int d = 0; d < n; d++) {
				count[d] = Math.toIntExact(box[n + d]);
				outStart[d] = (start[d] - t.start()[d]) / t.block(d) + t.padBefore()[d];
			}
			out.add(new PartitionImpl(out.size(), start, count, t.step(), t.bin(), outStart));
		}
		return out;
	}

	/** Tiles of a partition: boxes of about targetFrames delivered frames, consecutive in the partition's grid. */
	List<long[]> tiles(PartitionImpl p, long targetFrames) {
		if (p.navStart.length == 0) {
			return List.of(new long[0]);
		}
		return boxes(p.navStart, Shapes.toLong(p.navCount), targetFrames, false);
	}

	/**
	 * Splits a box [start, start+count) into sub-boxes {start..., count...}: the split dimension is the
	 * first whose sub-box (one block (partitions) or one position (tiles) thick before it, full after
	 * it) holds no more than target frames.
	 */
	private List<long[]> boxes(long[] start, long[] count, long target, boolean blocks) {
		int n = start.length;
		int s = 0;
		while (s < n - 1 && delivered(count, s) > target) {
			s++;
		}
		long unit = blocks ? unit(s) : Math.max(t.step()[s], chunk != null && chunk[s] > 1 && (start[s] - t.start()[s]) % chunk[s] == 0
				? lcm(t.step()[s], chunk[s]) : t.step()[s]);
		long framesPerUnit = Math.max(1, delivered(count, s + 1) * ((unit + t.step()[s] - 1) / t.step()[s]));
		long units = Math.max(1, target / framesPerUnit);
		long len = units * unit;
		List<long[]> out = new ArrayList<>();
		long[] lead = new long[s];
		long[] leadCount = new long[s];
		for (int d = 0; d < s; d++) {
			leadCount[d] = blocks ? (count[d] + t.block(d) - 1) / t.block(d) : (count[d] + t.step()[d] - 1) / t.step()[d];
		}
		long leads = Shapes.size(leadCount);
		for (long k = 0; k < leads; k++) {
			for (long a = 0; a < count[s]; a += len) {
				long[] box = new long[2 * n];
				for (int d = 0; d < n; d++) {
					if (d < s) {
						long thick = blocks ? t.block(d) : 1;
						long off = lead[d] * (blocks ? t.block(d) : t.step()[d]);
						box[d] = start[d] + off;
						box[n + d] = Math.min(thick, count[d] - off);
					} else if (d == s) {
						box[d] = start[d] + a;
						box[n + d] = Math.min(len, count[d] - a);
					} else {
						box[d] = start[d];
						box[n + d] = count[d];
					}
				}
				out.add(box);
			}
			for (int d = s - 1; d >= 0; d--) {
				if (++lead[d] < leadCount[d]) {
					break;
				}
				lead[d] = 0;
			}
		}
		return out;
	}

	/** @return frames delivered by the dimensions from d on, each taken whole */
	private long delivered(long[] count, int from) {
		long f = 1;
		for (int d = from; d < count.length; d++) {
			f *= (count[d] + t.step()[d] - 1) / t.step()[d];
		}
		return f;
	}
}
