package org.ronchi.io.mrc;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * The frames of an MRC movie arranged on a navigation grid: shape {@code nav + [ny, nx]}. Grid cell i
 * (C order) holds frame i, or the frame a table names (a scan that visits positions out of order);
 * cells without a frame read as 0. Consecutive frames are read together.
 */
final class FrameGridSource implements ArraySource {
	private final MrcArraySource frames;
	private final long[] nav;
	private final int[] frameOf;
	private final long[] shape;

	/**
	 * @param frames  the movie as (frames, rows, columns)
	 * @param frameOf the frame of each grid cell, or null for frame = cell
	 */
	FrameGridSource(MrcArraySource frames, long[] nav, int[] frameOf) {
		this.frames = frames;
		this.nav = nav.clone();
		this.frameOf = frameOf;
		long[] f = frames.shape();
		this.shape = Arrays.copyOf(nav, nav.length + 2);
		shape[nav.length] = f[1];
		shape[nav.length + 1] = f[2];
	}

	@Override
	public DType dtype() {
		return frames.dtype();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		int[] c = new int[shape.length];
		Arrays.fill(c, 1);
		c[nav.length] = (int) shape[nav.length];
		c[nav.length + 1] = (int) shape[nav.length + 1];
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		int n = nav.length;
		Dataset out = Buffers.allocate(dtype(), count);
		int r = count[n];
		int c = count[n + 1];
		int per = r * c * out.getElementsPerItem();
		if (per == 0 || Shapes.size(Arrays.copyOf(count, n)) == 0) {
			return out;
		}
		long[] strides = Shapes.strides(nav);
		int[] idx = new int[n];
		int k = 0;
		while (true) {
			long cell = 0;
			for (int d = 0; d < n; d++) {
				cell += (start[d] + idx[d]) * strides[d];
			}
			int run = count[n - 1];
			copyRun(cell, run, start[n], r, start[n + 1], c, out, k * per, per);
			k += run;
			int d = n - 2;
			while (d >= 0 && ++idx[d] == count[d]) {
				idx[d] = 0;
				d--;
			}
			if (d < 0) {
				break;
			}
		}
		return out;
	}

	/** Copies grid cells {@code [cell, cell + run)} (consecutive along the last navigation axis). */
	private void copyRun(long cell, int run, long r0, int r, long c0, int c, Dataset out, int at, int per) {
		int i = 0;
		while (i < run) {
			int f = frameOf == null ? (int) (cell + i) : frameOf[(int) (cell + i)];
			if (f < 0) {
				i++;
				continue;
			}
			int j = i + 1;
			while (j < run && (frameOf == null || frameOf[(int) (cell + j)] == f + (j - i))) {
				j++;
			}
			Dataset block = frames.readBlock(new long[] { f, r0, c0 }, new int[] { j - i, r, c });
			System.arraycopy(block.getBuffer(), 0, out.getBuffer(), at + i * per, (j - i) * per);
			i = j;
		}
	}
}
