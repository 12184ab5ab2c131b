package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.NavTransform;

/**
 * Cuts the navigation window into grains, partitions and tiles, all boxes that are one block thick in
 * the dimensions before their split dimension, a multiple of a unit in the split dimension, and full in
 * the dimensions after it, so their frames are consecutive in C order and, in the output, their
 * positions form whole rows.
 * <ul>
 * <li><b>Grains</b> are the fixed unit of reduction: SIG and SINGLE buffers are filled per grain and
 * merged in a fixed pairwise tree over the grains ({@link MergeTree}). Their geometry depends only on the
 * window, its navigation blocks (step × bin) and the frame size — never on threads, memory budget, tile
 * size or storage chunks — so merged results are bit-identical however the run is partitioned.</li>
 * <li><b>Partitions</b> (scheduling, merging, resuming) are unions of whole grains, sized by the caller
 * (threads, budget) and aligned with the storage chunks where possible, so no chunk is read by two
 * tiles.</li>
 * <li><b>Tiles</b> (one read) subdivide a grain.</li>
 * </ul>
 */
final class Partitioner {
	/** A grain holds at most this many elements (frames × frame size), ~4 MiB of uint16 input. */
	static final long GRAIN_ELEMENTS = 1L << 21;
	/** A window is cut into about this many grains when its frames allow it, so that small inputs still have several. */
	static final long MIN_GRAINS = 64;

	private final NavTransform t;
	private final long[] extent;
	private final int[] chunk;
	/**
	 * Grain geometry: split dimension, length along it (input positions: a power of two of blocks), grains
	 * per block row before it, per row.
	 */
	private final int grainDim;
	private final long grainLen;
	private final long[] grainLeads;
	private final long grainsPerRow;

	/**
	 * @param chunkNav      the storage chunk's navigation dimensions, or null
	 * @param frameElements elements per frame (sets the grain size)
	 */
	Partitioner(NavTransform t, int[] chunkNav, long frameElements) {
		this.t = t;
		this.chunk = chunkNav;
		int n = t.rank();
		this.extent = new long[n];
		for (int d = 0; d < n; d++) {
			long blocks = t.thinned(d) / t.bin()[d];
			extent[d] = t.bin()[d] > 1 ? blocks * t.block(d) : t.count()[d];
		}
		long target = Math.max(1, Math.min((frames() + MIN_GRAINS - 1) / MIN_GRAINS, GRAIN_ELEMENTS / Math.max(1, frameElements)));
		this.grainDim = n == 0 ? -1 : split(extent, target);
		this.grainLen = n == 0 ? 1 : Long.highestOneBit(length(extent, grainDim, t.block(grainDim), target) / t.block(grainDim))
				* t.block(grainDim);
		this.grainLeads = new long[Math.max(0, grainDim)];
		for (int d = 0; d < grainLeads.length; d++) {
			grainLeads[d] = (extent[d] + t.block(d) - 1) / t.block(d);
		}
		this.grainsPerRow = n == 0 ? 1 : (extent[grainDim] + grainLen - 1) / grainLen;
	}

	/** @return frames delivered from the whole window */
	long frames() {
		return delivered(extent, 0);
	}

	/** @return the number of grains of the window */
	long grains() {
		return Shapes.size(grainLeads) * grainsPerRow;
	}

	/** @return frames delivered by the largest grain: partitions hold at least this many */
	long grainFrames() {
		if (grainDim < 0) {
			return 1;
		}
		long f = delivered(extent, grainDim + 1) * ((grainLen + t.step()[grainDim] - 1) / t.step()[grainDim]);
		for (int d = 0; d < grainDim; d++) {
			f *= t.bin()[d];
		}
		return f;
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

	/**
	 * Partitions of about targetFrames delivered frames each, never less than a grain, in C order: unions
	 * of whole grains, chunk-aligned where possible.
	 */
	List<PartitionImpl> partitions(long targetFrames) {
		List<PartitionImpl> out = new ArrayList<>();
		int n = extent.length;
		if (n == 0) {
			out.add(partition(0, new long[0]));
			return out;
		}
		long target = Math.max(targetFrames, grainFrames());
		int s = Math.min(split(extent, target), grainDim);
		long unit = unit(s);
		if (s == grainDim) {
			// whole grains, and whole chunks too unless their sizes are incommensurate (chunks are mostly
			// powers of two, as grain lengths are in blocks): then a chunk may be read by two partitions
			long both = lcm(unit, grainLen);
			unit = both <= 4 * Math.max(unit, grainLen) ? both : grainLen;
		}
		for (long[] box : boxes(t.start(), extent, s, length(extent, s, unit, target), true)) {
			out.add(partition(out.size(), box));
		}
		return out;
	}

	/**
	 * @param box {start..., count...} of a union of whole grains (a partition)
	 * @return the partition, with its output place and its grains
	 */
	PartitionImpl partition(int index, long[] box) {
		int n = box.length / 2;
		long[] start = Arrays.copyOf(box, n);
		int[] count = new int[n];
		long[] outStart = new long[n];
		for (int d = 0; d < n; d++) {
			count[d] = Math.toIntExact(box[n + d]);
			outStart[d] = (start[d] - t.start()[d]) / t.block(d) + t.padBefore()[d];
		}
		return new PartitionImpl(index, start, count, t.step(), t.bin(), outStart, grainIndex(start), grains(start, count).size());
	}

	/** @return the grains of a partition, boxes in C order; the first is grain {@link PartitionImpl#firstGrain} */
	List<long[]> grains(PartitionImpl p) {
		return grains(p.navStart, p.navCount);
	}

	private List<long[]> grains(long[] start, int[] count) {
		if (start.length == 0) {
			return List.of(new long[0]);
		}
		return boxes(start, Shapes.toLong(count), grainDim, grainLen, true);
	}

	/** @return the index of the grain starting at this position, in C order over the window */
	private long grainIndex(long[] start) {
		if (start.length == 0) {
			return 0;
		}
		long idx = 0;
		for (int d = 0; d < grainDim; d++) {
			idx = idx * grainLeads[d] + (start[d] - t.start()[d]) / t.block(d);
		}
		return idx * grainsPerRow + (start[grainDim] - t.start()[grainDim]) / grainLen;
	}

	/**
	 * Tiles of a grain: boxes of about targetFrames delivered frames. They split at the grain's split
	 * dimension or after it, so each is one position thick before it and its frames are consecutive in
	 * the grid of any partition holding the grain; a grain's frames come in the same order whatever the
	 * tile size.
	 */
	List<long[]> tiles(long[] grain, long targetFrames) {
		int n = grain.length / 2;
		if (n == 0) {
			return List.of(new long[0]);
		}
		long[] start = Arrays.copyOf(grain, n);
		long[] count = Arrays.copyOfRange(grain, n, 2 * n);
		int s = Math.max(grainDim, split(count, targetFrames));
		long unit = Math.max(t.step()[s], chunk != null && chunk[s] > 1 && (start[s] - t.start()[s]) % chunk[s] == 0
				? lcm(t.step()[s], chunk[s]) : t.step()[s]);
		return boxes(start, count, s, length(count, s, unit, targetFrames), false);
	}

	/** @return the first dimension whose box (one position thick before it, full after it) holds no more than target frames */
	private int split(long[] count, long target) {
		int s = 0;
		while (s < count.length - 1 && delivered(count, s) > target) {
			s++;
		}
		return s;
	}

	/** @return a length along s, in input positions, of whole units holding about target frames (at least one unit) */
	private long length(long[] count, int s, long unit, long target) {
		long framesPerUnit = Math.max(1, delivered(count, s + 1) * ((unit + t.step()[s] - 1) / t.step()[s]));
		return Math.max(1, target / framesPerUnit) * unit;
	}

	/**
	 * Splits a box [start, start+count) into sub-boxes {start..., count...}: one block (blocks) or one
	 * position (tiles) thick before s, len long along s, full after it.
	 */
	private List<long[]> boxes(long[] start, long[] count, int s, long len, boolean blocks) {
		int n = start.length;
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
