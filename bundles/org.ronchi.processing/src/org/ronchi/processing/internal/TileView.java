package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Frame;
import org.ronchi.processing.Partition;
import org.ronchi.processing.Tile;

/** A tile read into a worker's buffer; {@link #frame} returns one reused view of the current frame. */
final class TileView implements Tile {
	private final PartitionImpl partition;
	private final Worker worker;
	private final DType dtype;
	private final int[] sigShape;
	private final int frameBytes;
	private final long[] boxStart;
	private final long[] boxCount;
	private final int[] tileGrid;
	private final int first;
	private final int count;
	private final ByteBuffer raw;
	private int current = -1;
	private int currentOffset;
	private final FrameView view = new FrameView();
	private final boolean unitSteps;
	private final PointListSource lists;

	/** @param lists the input's point lists (point-list input), else null */
	TileView(PartitionImpl partition, Worker worker, DType dtype, int[] sigShape, long[] boxStart, long[] boxCount, ByteBuffer raw,
			PointListSource lists) {
		this.lists = lists;
		this.partition = partition;
		this.worker = worker;
		this.dtype = dtype;
		this.sigShape = sigShape;
		this.frameBytes = worker.frameSize * dtype.itemSize();
		this.boxStart = boxStart;
		this.boxCount = boxCount;
		this.raw = raw.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
		int n = boxStart.length;
		this.tileGrid = new int[n];
		int frames = 1;
		int firstIndex = 0;
		for (int d = 0; d < n; d++) {
			tileGrid[d] = (int) ((boxCount[d] + partition.step[d] - 1) / partition.step[d]);
			frames *= tileGrid[d];
			firstIndex = firstIndex * partition.grid[d] + (int) ((boxStart[d] - partition.navStart[d]) / partition.step[d]);
		}
		this.first = firstIndex;
		boolean unit = true;
		for (int st : partition.step) {
			unit &= st == 1;
		}
		this.unitSteps = unit;
		this.count = frames;
	}

	// -- Tile

	@Override
	public Partition partition() {
		return partition;
	}

	@Override
	public int first() {
		return first;
	}

	@Override
	public int count() {
		return count;
	}

	@Override
	public Frame frame(int i) {
		if (i < 0 || i >= count) {
			throw new IndexOutOfBoundsException("frame " + i + " of a tile of " + count);
		}
		current = i;
		currentOffset = offset(i);
		return view;
	}

	@Override
	public ByteBuffer raw() {
		return raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
	}

	@Override
	public int offset(int i) {
		if (unitSteps) {
			return i * frameBytes;
		}
		long elem = 0;
		int rem = i;
		long[] pos = new long[tileGrid.length];
		for (int d = tileGrid.length - 1; d >= 0; d--) {
			pos[d] = (rem % tileGrid[d]) * (long) partition.step[d];
			rem /= tileGrid[d];
		}
		for (int d = 0; d < tileGrid.length; d++) {
			elem = elem * boxCount[d] + pos[d];
		}
		return Math.toIntExact(elem * frameBytes);
	}

	/** The current frame. */
	private final class FrameView implements Frame {

		@Override
		public int index() {
			return first + current;
		}

		@Override
		public int[] gridPosition() {
			int[] g = new int[partition.grid.length];
			int rem = index();
			for (int d = g.length - 1; d >= 0; d--) {
				g[d] = rem % partition.grid[d];
				rem /= partition.grid[d];
			}
			return g;
		}

		@Override
		public long[] position() {
			int[] g = gridPosition();
			long[] p = new long[g.length];
			for (int d = 0; d < g.length; d++) {
				p[d] = partition.navStart[d] + (long) g[d] * partition.step[d];
			}
			return p;
		}

		@Override
		public DType dtype() {
			return dtype;
		}

		@Override
		public int[] shape() {
			return sigShape.clone();
		}

		@Override
		public int size() {
			return worker.frameSize;
		}

		@Override
		public Partition partition() {
			return TileView.this.partition;
		}

		@Override
		public ByteBuffer raw() {
			return frameBytes().slice().order(ByteOrder.LITTLE_ENDIAN);
		}

		ByteBuffer frameBytes() {
			return raw.duplicate().position(currentOffset).limit(currentOffset + frameBytes).order(ByteOrder.LITTLE_ENDIAN);
		}

		@Override
		public float[] floats() {
			FrameConvert.toFloats(dtype, frameBytes(), worker.frameSize, worker.floats, worker.shorts);
			return worker.floats;
		}

		@Override
		public double[] doubles() {
			FrameConvert.toDoubles(dtype, frameBytes(), worker.frameSize, worker.doubles, worker.shorts);
			return worker.doubles;
		}

		@Override
		public PointList points() {
			if (lists == null) {
				return Frame.super.points();
			}
			return lists.read(position());
		}

		@Override
		public short[] shorts() {
			if (dtype.itemSize() != 2 || dtype.isComplex()) {
				throw new IllegalStateException("shorts() is for int16/uint16 frames, this one is " + dtype.numpyName());
			}
			frameBytes().asShortBuffer().get(worker.shorts, 0, worker.frameSize);
			return worker.shorts;
		}
	}
}
