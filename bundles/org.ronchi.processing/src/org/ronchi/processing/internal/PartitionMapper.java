package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.PointBuffer;

/**
 * Maps one partition to its partial buffers: reads it grain by grain and each grain tile by tile into
 * the worker's buffer, and hands each tile to the kernel, which fills the partition's NAV blocks and
 * point lists and the grain's own SIG/SINGLE copies. Each grain's copies are pushed into a
 * {@link MergeTree} of the partition, whose remaining nodes are handed back for the caller to push into
 * the run's tree: the merged result is then independent of where partitions are cut. In a multi-pass
 * run a mapper serves one pass: its kernel, the buffers that pass fills, its own merge trees (frames of
 * point-list input also read their lists).
 * Nothing here touches a results file, a scratch folder or another partition, so the same call serves
 * the engine's workers and an executor elsewhere whose partial buffers are merged and placed by the
 * caller (the "map" of map/merge).
 */
final class PartitionMapper {
	private final Planner plan;
	private final Kernel kernel;
	private final List<BufferSpec> buffers;
	private final ArraySource source;
	private final PointListSource lists;
	private final Partitioner partitioner;
	private final long tileFrames;
	private final boolean reduces;

	/**
	 * What mapping one partition produced.
	 *
	 * @param part  the partition's NAV blocks and point lists
	 * @param nodes its SIG/SINGLE buffers as merge-tree nodes in grain order (empty if the run has none)
	 */
	record Mapped(PartitionImpl p, BufferSet part, List<MergeTree.Node> nodes, long frames, long bytesRead) {
	}

	/** Maps with the run's first (or only) kernel. */
	PartitionMapper(Planner plan, ArrayNode input, Partitioner partitioner, long tileFrames) {
		this(plan, plan.kernel(), 0, input, partitioner, tileFrames);
	}

	/**
	 * @param kernel the kernel of the pass (it also merges the pass's grains)
	 * @param pass   which pass of a multi-pass run (its buffers are the ones the partitions get)
	 * @param input  the run's input: its array (for point lists, their counts) and its point lists
	 */
	PartitionMapper(Planner plan, Kernel kernel, int pass, ArrayNode input, Partitioner partitioner, long tileFrames) {
		this.plan = plan;
		this.kernel = kernel;
		this.buffers = plan.buffersOf(pass);
		this.source = input.source();
		this.lists = input.pointLists();
		this.partitioner = partitioner;
		this.tileFrames = tileFrames;
		boolean r = false;
		for (BufferSpec b : buffers) {
			r |= b.kind() == BufferSpec.Kind.SIG || b.kind() == BufferSpec.Kind.SINGLE;
		}
		this.reduces = r;
	}

	/**
	 * @param w    the calling thread's reusable arrays
	 * @param stop checked before every tile: once set, mapping gives up
	 * @return the partition's buffers, or null if stopped
	 */
	Mapped map(PartitionImpl p, Worker w, AtomicBoolean stop) {
		if (stop.get()) {
			return null;
		}
		List<Buffer> perPosition = new ArrayList<>();
		List<PointBuffer> points = new ArrayList<>();
		positionBuffers(p, perPosition, points);
		BufferSet part = new BufferSet(perPosition, points);
		MergeTree tree = new MergeTree(kernel::merge);
		InputInfo in = plan.input();
		DType dtype = in.dtype();
		int rank = in.rank();
		int navRank = in.navRank();
		int[] sig = in.sigShape();
		long bytes = 0;
		long g = p.firstGrain;
		for (long[] grain : partitioner.grains(p)) {
			List<Buffer> reduced = reduces ? reductionBuffers() : List.of();
			List<Buffer> all = new ArrayList<>(perPosition);
			all.addAll(reduced);
			BufferSet out = reduces ? new BufferSet(all, points) : part;
			for (long[] box : partitioner.tiles(grain, tileFrames)) {
				if (stop.get()) {
					return null;
				}
				long[] start = new long[rank];
				int[] count = new int[rank];
				long[] boxStart = new long[navRank];
				long[] boxCount = new long[navRank];
				for (int d = 0; d < navRank; d++) {
					start[d] = box[d];
					count[d] = Math.toIntExact(box[navRank + d]);
					boxStart[d] = box[d];
					boxCount[d] = box[navRank + d];
				}
				for (int d = navRank; d < rank; d++) {
					count[d] = sig[d - navRank];
				}
				long tileBytes = Shapes.size(count) * dtype.itemSize();
				ByteBuffer raw = w.raw(tileBytes);
				source.readInto(start, count, raw);
				raw.flip();
				kernel.processTile(new TileView(p, w, dtype, sig, boxStart, boxCount, raw, lists), out);
				bytes += tileBytes;
			}
			if (reduces) {
				tree.push(new MergeTree.Node(0, g, new BufferSet(reduced)));
			}
			g++;
		}
		return new Mapped(p, part, tree.nodes(), p.frames(), bytes);
	}

	/** Adds the partition's empty NAV blocks and point lists for its positions. */
	private void positionBuffers(PartitionImpl p, List<Buffer> bufs, List<PointBuffer> points) {
		for (BufferSpec b : buffers) {
			if (b.kind() == BufferSpec.Kind.NAV) {
				int[] block = b.shape();
				long[] s = new long[p.outCount.length + block.length];
				for (int d = 0; d < p.outCount.length; d++) {
					s[d] = p.outCount[d];
				}
				for (int d = 0; d < block.length; d++) {
					s[p.outCount.length + d] = block[d];
				}
				bufs.add(new Buffer(b, s));
			} else if (b.kind() == BufferSpec.Kind.POINTS) {
				points.add(new PointBuffer(b, p.outPositions()));
			}
		}
	}

	/** @return a grain's empty SIG/SINGLE copies (of this pass's buffers), filled with their fill values */
	List<Buffer> reductionBuffers() {
		List<Buffer> bufs = new ArrayList<>();
		for (BufferSpec b : buffers) {
			if (b.kind() == BufferSpec.Kind.SIG || b.kind() == BufferSpec.Kind.SINGLE) {
				bufs.add(new Buffer(b, Shapes.toLong(b.shape())));
			}
		}
		return bufs;
	}
}
