package org.ronchi.io.mrc;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * The data block of an MRC file: {@code nz} sections of {@code ny} rows of {@code nx} values, read by
 * positional reads of whole rows. The array shown may be a view of the block: its dimension k is
 * the block's dimension {@code diskDim[k]} (0 = sections, 1 = rows, 2 = columns), so that a map stored
 * in another axis order (mapc/mapr/maps) is shown as z, y, x, and a single section drops its
 * dimension. Block dimensions not shown have size 1.
 */
final class MrcArraySource implements ArraySource {
	/** Above this many bytes, a section's rows are read one by one rather than in one block. */
	private static final int BLOCK_LIMIT = 16 << 20;

	private final FileBytes file;
	private final MrcMode mode;
	private final ByteOrder order;
	private final long dataOffset;
	private final long[] disk;
	private final int[] diskDim;
	private final long[] shape;

	MrcArraySource(FileBytes file, MrcHeader h, MrcMode mode, int[] diskDim) {
		this.file = file;
		this.mode = mode;
		this.order = h.order();
		this.dataOffset = h.dataOffset();
		this.disk = new long[] { h.nz(), h.ny(), h.nx() };
		this.diskDim = diskDim.clone();
		this.shape = new long[diskDim.length];
		for (int k = 0; k < diskDim.length; k++) {
			shape[k] = disk[diskDim[k]];
		}
	}

	/** @return bytes of the whole data block */
	static long dataBytes(MrcHeader h, MrcMode mode) {
		return mode.rowBytes(h.nx()) * h.ny() * h.nz();
	}

	@Override
	public DType dtype() {
		return mode.dtype();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		// one section: what a positional read of contiguous rows gives cheaply
		int[] c = new int[shape.length];
		for (int k = 0; k < shape.length; k++) {
			c[k] = diskDim[k] == 0 ? 1 : (int) shape[k];
		}
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		long[] dStart = new long[3];
		int[] dCount = { 1, 1, 1 };
		for (int k = 0; k < diskDim.length; k++) {
			dStart[diskDim[k]] = start[k];
			dCount[diskDim[k]] = count[k];
		}
		Dataset box = readBlock(dStart, dCount);
		if (isIdentity()) {
			box.setShape(count);
			return box;
		}
		int[] axes = new int[3];
		boolean[] used = new boolean[3];
		for (int k = 0; k < diskDim.length; k++) {
			axes[k] = diskDim[k];
			used[diskDim[k]] = true;
		}
		for (int d = 0, k = diskDim.length; d < 3; d++) {
			if (!used[d]) {
				axes[k++] = d;
			}
		}
		Dataset t = DatasetUtils.transpose(box, axes);
		t.setShape(count);
		return t;
	}

	private boolean isIdentity() {
		for (int k = 1; k < diskDim.length; k++) {
			if (diskDim[k] < diskDim[k - 1]) {
				return false;
			}
		}
		return true;
	}

	/** Reads the block box {@code [start, start + count)} in (section, row, column) order. */
	Dataset readBlock(long[] start, int[] count) {
		Dataset out = Buffers.allocate(mode.dtype(), count);
		if (count[0] == 0 || count[1] == 0 || count[2] == 0) {
			return out;
		}
		long rowBytes = mode.rowBytes(disk[2]);
		int c0 = (int) start[2];
		int cc = count[2];
		int rows = count[1];
		for (int s = 0; s < count[0]; s++) {
			long section = start[0] + s;
			long first = dataOffset + (section * disk[1] + start[1]) * rowBytes;
			int at = s * rows * cc;
			String what = "MRC data section " + section;
			if (rows * rowBytes <= BLOCK_LIMIT) {
				ByteBuffer b = file.read(what, first, (int) (rows * rowBytes)).order(order);
				for (int r = 0; r < rows; r++) {
					mode.decodeRow(b, (int) (r * rowBytes), c0, cc, out, at + r * cc);
				}
			} else {
				for (int r = 0; r < rows; r++) {
					ByteBuffer b = file.read(what, first + r * rowBytes, (int) rowBytes).order(order);
					mode.decodeRow(b, 0, c0, cc, out, at + r * cc);
				}
			}
		}
		return out;
	}
}
