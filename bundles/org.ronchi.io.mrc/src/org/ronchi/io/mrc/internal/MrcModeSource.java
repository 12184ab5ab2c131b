package org.ronchi.io.mrc.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * Sections of a mode whose values are no NumPy type (complex int16, float16, IMOD's packed 4-bit): the
 * rows are read as bytes through their layout ({@code ..., rows, row bytes}), only the bytes of the
 * columns asked for, and each row is decoded by {@link MrcMode#decodeRow}.
 */
final class MrcModeSource implements ArraySource {
	private final Path file;
	private final LayoutSource rows;
	private final MrcMode mode;
	private final long nx;
	private final ByteOrder order;

	MrcModeSource(Path file, LayoutSource rows, MrcMode mode, long nx, ByteOrder order) {
		this.file = file;
		this.rows = rows;
		this.mode = mode;
		this.nx = nx;
		this.order = order;
	}

	@Override
	public DType dtype() {
		return mode.dtype();
	}

	@Override
	public long[] shape() {
		long[] s = rows.shape();
		s[s.length - 1] = nx;
		return s;
	}

	@Override
	public int[] chunkShape() {
		int[] c = rows.chunkShape();
		c[c.length - 1] = (int) nx;
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		int last = count.length - 1;
		Shapes.checkBox(file, shape(), start, count, mode.dtype().itemSize());
		Dataset out = Buffers.allocate(mode.dtype(), count);
		long n = Shapes.size(count);
		if (n == 0) {
			return out;
		}
		long c0 = start[last];
		int cc = count[last];
		// the bytes holding columns [c0, c0 + cc) of every row
		long b0 = mode == MrcMode.UINT4 ? c0 / 2 : mode.rowBytes(c0);
		long b1 = mode == MrcMode.UINT4 ? (c0 + cc - 1) / 2 + 1 : mode.rowBytes(c0 + cc);
		long[] s = start.clone();
		int[] c = count.clone();
		s[last] = b0;
		c[last] = (int) (b1 - b0);
		ByteBuffer bytes = ByteBuffer.allocate((int) (n / cc * c[last]));
		rows.readInto(s, c, bytes);
		bytes.order(order);
		for (int r = 0; r < n / cc; r++) {
			// decodeRow takes the offset where the whole row would start and absolute columns
			mode.decodeRow(bytes, (int) (r * (long) c[last] - b0), (int) c0, cc, out, r * cc);
		}
		return out;
	}
}
