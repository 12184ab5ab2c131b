package org.ronchi.core.lazy;

import java.util.List;

/**
 * Lazy views of {@link ArraySource}s, the only place they are made: a read of a view maps its box onto
 * the source's, reads only that and rearranges it in memory; nothing is copied ahead. Every view keeps
 * the raw {@link ArraySource#readInto} path of its source (bytes are moved, never decoded), so the
 * engine reads formats through views as fast as without. Named as NumPy names the operations.
 * <ul>
 * <li>{@link #permute}: axes reordered ({@code transpose(perm)}), e.g. (rows, cols, frames) shown as
 * (frames, rows, cols), or a file stored in reverse axis order shown in C order;</li>
 * <li>{@link #fix}: one axis fixed at an index and dropped ({@code a[..., i, ...]}), e.g. size-1 axes
 * squeezed, or the leading axes of a 5-D array fixed to show a 4-D datacube;</li>
 * <li>{@link #stack}: equal sources along a new first axis ({@code np.stack});</li>
 * <li>{@link #flatten}/{@link #unflatten}: axes merged into one or one split into several, C order
 * ({@code reshape});</li>
 * <li>{@link #take}: one axis read through an index table ({@code np.take}), e.g. the cells of a grid
 * stored in an order of their own;</li>
 * <li>{@link #window}: a range of one axis that may reach past either end, where it reads as 0
 * ({@code np.pad} and a slice), e.g. a scan's frames with a sync offset;</li>
 * <li>{@link #flip}: one axis reversed ({@code np.flip}), e.g. detector frames shown upside down as
 * their reference reader shows them.</li>
 * </ul>
 * Views check their arguments when made ({@link IllegalArgumentException}); reads are checked by the
 * sources they end in.
 */
public final class Views {
	private Views() {
	}

	/** @return the view whose axis i is axis {@code perm[i]} of source */
	public static ArraySource permute(ArraySource source, int... perm) {
		return PermutedView.of(source, perm);
	}

	/** @return source with all axes in reverse order (NumPy's {@code a.T}) */
	public static ArraySource transpose(ArraySource source) {
		int n = source.shape().length;
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = n - 1 - i;
		}
		return permute(source, p);
	}

	/** @return source at index along axis, without that axis */
	public static ArraySource fix(ArraySource source, int axis, long index) {
		return new FixedView(source, axis, index);
	}

	/** @return the sources (equal shape and type) stacked along a new first axis */
	public static ArraySource stack(List<? extends ArraySource> sources) {
		return new StackedView(sources);
	}

	/**
	 * @return the sources (one type, equal shapes but for the first axis) one after the other along their
	 *         first axis: an acquisition split over several files
	 */
	public static ArraySource concat(List<? extends ArraySource> sources) {
		return sources.size() == 1 ? sources.get(0) : new ConcatView(sources);
	}

	/** @return source with axes {@code [from, to)} merged into one, C order (from == to inserts an axis of size 1) */
	public static ArraySource flatten(ArraySource source, int from, int to) {
		return new FlatView(source, from, to);
	}

	/** @return source with axis split into axes of the given sizes, C order (their product is the axis' size) */
	public static ArraySource unflatten(ArraySource source, int axis, long... sizes) {
		return new UnflatView(source, axis, sizes);
	}

	/** @return the view whose axis holds, at i, the source's element {@code index[i]} along that axis */
	public static ArraySource take(ArraySource source, int axis, int[] index) {
		return new TakenView(source, axis, index);
	}

	/**
	 * @return the view whose axis holds, at i, the source's element {@code from + i} along that axis, for
	 *         i in {@code [0, size)}; positions outside the source read as 0
	 */
	public static ArraySource window(ArraySource source, int axis, long from, long size) {
		return new WindowView(source, axis, from, size);
	}

	/**
	 * @return source reversed along axis; a {@link LayoutSource} whose axis is not placed frame by frame
	 *         is reversed in its {@link Layout} (a negative stride read by the run reader), anything else
	 *         through a view that reverses what it reads
	 */
	public static ArraySource flip(ArraySource source, int axis) {
		if (source instanceof LayoutSource l) {
			LayoutSource f = l.flipped(axis);
			if (f != null) {
				return f;
			}
		}
		return new FlippedView(source, axis);
	}
}
