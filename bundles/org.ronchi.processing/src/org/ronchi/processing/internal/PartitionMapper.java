package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.PointBuffer;

/**
 * Maps one partition to its partial buffers: reads it tile by tile into the worker's buffer and hands
 * each tile to the kernel, which fills the partition's NAV blocks, point lists and SIG/SINGLE copies.
 * Nothing here touches a results file, a scratch folder or another partition, so the same call serves
 * the engine's workers and an executor elsewhere whose partial buffers are merged and placed by the
 * caller (the "map" of map/merge).
 */
final class PartitionMapper {
	private final Planner plan;
	private final ArraySource source;
	private final Partitioner partitioner;
	private final long tileFrames;

	/** What mapping one partition produced. */
	record Mapped(PartitionImpl p, BufferSet part, long frames, long bytesRead) {
	}

	PartitionMapper(Planner plan, ArraySource source, Partitioner partitioner, long tileFrames) {
		this.plan = plan;
		this.source = source;
		this.partitioner = partitioner;
		this.tileFrames = tileFrames;
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
		BufferSet part = buffers(p);
		InputInfo in = plan.input();
		DType dtype = in.dtype();
		int rank = in.rank();
		int navRank = in.navRank();
		int[] sig = in.sigShape();
		long bytes = 0;
		for (long[] box : partitioner.tiles(p, tileFrames)) {
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
			plan.kernel().processTile(new TileView(p, w, dtype, sig, boxStart, boxCount, raw), part);
			bytes += tileBytes;
		}
		return new Mapped(p, part, p.frames(), bytes);
	}

	/** @return the partition's empty buffers: NAV blocks and point lists for its positions, SIG/SINGLE copies */
	private BufferSet buffers(PartitionImpl p) {
		List<Buffer> bufs = new ArrayList<>();
		List<PointBuffer> points = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			switch (b.kind()) {
			case NAV -> {
				int[] block = b.shape();
				long[] s = new long[p.outCount.length + block.length];
				for (int d = 0; d < p.outCount.length; d++) {
					s[d] = p.outCount[d];
				}
				for (int d = 0; d < block.length; d++) {
					s[p.outCount.length + d] = block[d];
				}
				bufs.add(new Buffer(b, s));
			}
			case POINTS -> points.add(new PointBuffer(b, p.outPositions()));
			case SIG, SINGLE -> bufs.add(new Buffer(b, Shapes.toLong(b.shape())));
			case RESULT -> {
			}
			}
		}
		return new BufferSet(bufs, points);
	}
}
