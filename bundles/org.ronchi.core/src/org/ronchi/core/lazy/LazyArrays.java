package org.ronchi.core.lazy;

import java.io.IOException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.ronchi.core.io.RonchiException;

/**
 * Bridges an {@link ArraySource} to January's {@link ILazyDataset}: slicing the lazy dataset reads only
 * the bounding box of the requested slice, then applies the steps in memory.
 * <p>
 * January 2.3.2's {@code LazyDataset.getSize()} overflows for more than 2^31 elements; slicing still
 * works, so callers that need the size of a large array use {@link Shapes#size(long[])} on
 * {@link ArraySource#shape()} instead.
 */
public final class LazyArrays {
	private LazyArrays() {
	}

	public static ILazyDataset toLazy(String name, ArraySource source) {
		Class<? extends Dataset> clazz = source.dtype().januaryClass();
		if (clazz == null) {
			throw new IllegalArgumentException(name + ": " + source.dtype() + " data cannot be sliced as numbers");
		}
		int elements = source.dtype().channels();
		return new LazyDataset(new SourceLoader(source), name, elements, clazz, Shapes.toInt(source.shape()));
	}

	/** Reads a slice given by start/stop/step (stop exclusive, steps may be negative) from a source. */
	public static Dataset read(ArraySource source, int[] start, int[] stop, int[] step) {
		int rank = start.length;
		long[] boxStart = new long[rank];
		int[] boxCount = new int[rank];
		int[] inStart = new int[rank];
		int[] inStop = new int[rank];
		int[] inStep = new int[rank];
		boolean plain = true;
		for (int i = 0; i < rank; i++) {
			int n = sliceLength(start[i], stop[i], step[i]);
			if (n == 0) {
				boxStart[i] = 0;
				boxCount[i] = 0;
				continue;
			}
			int first = start[i];
			int last = start[i] + (n - 1) * step[i];
			int lo = Math.min(first, last);
			int hi = Math.max(first, last);
			boxStart[i] = lo;
			boxCount[i] = hi - lo + 1;
			inStart[i] = first - lo;
			inStep[i] = step[i];
			inStop[i] = step[i] > 0 ? inStart[i] + (n - 1) * step[i] + 1 : inStart[i] + (n - 1) * step[i] - 1;
			if (step[i] != 1) {
				plain = false;
			}
		}
		for (int c : boxCount) {
			if (c == 0) {
				return org.eclipse.january.dataset.DatasetFactory.zeros(source.dtype().januaryClass(), emptyShape(start, stop, step));
			}
		}
		Dataset box = source.read(boxStart, boxCount);
		if (plain) {
			return box;
		}
		for (int i = 0; i < rank; i++) {
			if (inStop[i] < 0) {
				inStop[i] = Integer.MIN_VALUE; // January: null stop for negative step
			}
		}
		SliceND s = new SliceND(box.getShapeRef());
		for (int i = 0; i < rank; i++) {
			Integer stopOrNull = inStop[i] == Integer.MIN_VALUE ? null : Integer.valueOf(inStop[i]);
			s.setSlice(i, Integer.valueOf(inStart[i]), stopOrNull, inStep[i]);
		}
		return box.getSlice(s);
	}

	private static int[] emptyShape(int[] start, int[] stop, int[] step) {
		int[] s = new int[start.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = sliceLength(start[i], stop[i], step[i]);
		}
		return s;
	}

	static int sliceLength(int start, int stop, int step) {
		if (step > 0) {
			return stop > start ? (stop - start + step - 1) / step : 0;
		}
		return start > stop ? (start - stop - step - 1) / -step : 0;
	}

	private static final class SourceLoader implements ILazyLoader {
		private static final long serialVersionUID = 1L;
		private final transient ArraySource source;

		SourceLoader(ArraySource source) {
			this.source = source;
		}

		@Override
		public boolean isFileReadable() {
			return source != null;
		}

		@Override
		public IDataset getDataset(IMonitor mon, SliceND slice) throws IOException {
			try {
				return read(source, slice.getStart(), slice.getStop(), slice.getStep());
			} catch (RonchiException e) {
				// January declares IOException; keep ours as the cause so callers can unwrap the context
				throw new IOException(e.getMessage(), e);
			}
		}
	}
}
