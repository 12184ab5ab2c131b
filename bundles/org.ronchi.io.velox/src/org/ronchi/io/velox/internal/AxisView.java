package org.ronchi.io.velox.internal;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * A dataset seen with its axes reordered and some axes fixed at one index: how Velox's
 * {@code (rows, cols, frames)} images become HyperSpy's {@code (frames, rows, cols)} or
 * {@code (rows, cols)}, and its {@code (channels, 1)} spectra become {@code (channels,)}. A read maps
 * the box onto the stored axes, reads it there (so only the chunks it touches are decoded) and
 * transposes it in memory. Every signal read from an HDF5 dataset goes through one (an identity view
 * at least), so that any failure below reaches the caller as a {@link VeloxException}.
 */
final class AxisView implements ArraySource {
	private final Path file;
	private final String where;
	private final ArraySource stored;
	private final int[] order;
	private final long[] fixed;
	private final long[] shape;

	/**
	 * @param order the stored axis shown as each axis of the view, in view order
	 * @param fixed for each stored axis not in order, the index it is read at (ignored for axes in order)
	 */
	AxisView(Path file, String where, ArraySource stored, int[] order, long[] fixed) {
		long[] s = stored.shape();
		if (fixed.length != s.length) {
			throw new IllegalArgumentException("fixed indices for " + fixed.length + " axes, stored rank " + s.length);
		}
		this.file = file;
		this.where = where;
		this.stored = stored;
		this.order = order.clone();
		this.fixed = fixed.clone();
		this.shape = new long[order.length];
		for (int i = 0; i < order.length; i++) {
			shape[i] = s[order[i]];
		}
	}

	@Override
	public DType dtype() {
		return stored.dtype();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		int[] c = stored.chunkShape();
		if (c == null) {
			return null;
		}
		int[] out = new int[order.length];
		for (int i = 0; i < order.length; i++) {
			out[i] = c[order[i]];
		}
		return out;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		if (start.length != order.length || count.length != order.length) {
			throw new IllegalArgumentException("slice of rank " + start.length + " for a view of rank " + order.length);
		}
		int rank = fixed.length;
		long[] sStart = fixed.clone();
		int[] sCount = new int[rank];
		Arrays.fill(sCount, 1);
		for (int i = 0; i < order.length; i++) {
			sStart[order[i]] = start[i];
			sCount[order[i]] = count[i];
		}
		Dataset d;
		try {
			d = stored.read(sStart, sCount);
		} catch (RonchiException e) {
			throw e;
		} catch (RuntimeException e) {
			// the HDF5 layer lets some damage through unwrapped (a buffer underflow in a corrupt header)
			throw new VeloxException(file, where, "cannot be read (corrupt?): " + e, e);
		}
		// kept axes in stored order, then permuted into view order
		int[] kept = order.clone();
		Arrays.sort(kept);
		int[] keptShape = new int[kept.length];
		int[] axes = new int[order.length];
		for (int i = 0; i < kept.length; i++) {
			keptShape[i] = sCount[kept[i]];
		}
		boolean identity = true;
		for (int i = 0; i < order.length; i++) {
			axes[i] = Arrays.binarySearch(kept, order[i]);
			identity &= axes[i] == i;
		}
		d = d.reshape(keptShape);
		return identity ? d : Buffers.contiguous(dtype(), d.getTransposedView(axes));
	}
}
