package org.ronchi.ui.slice;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;

/**
 * What part of an array the views show: the dimension drawn as image columns ({@code xDim}), as image
 * rows ({@code yDim}, -1 for a line view), the dimension the plot traces ({@code plotDim}, -1 to trace
 * along X), and an index for every dimension. For the X and Y dimensions that index is the cursor: the
 * pixel whose trace the plot shows. Immutable.
 */
public record SliceSpec(ArrayNode node, int xDim, int yDim, int plotDim, long[] position) {

	public SliceSpec {
		int rank = node.rank();
		if (position.length != rank) {
			throw new IllegalArgumentException(position.length + " indices for rank " + rank);
		}
		if (xDim < 0 || xDim >= rank || yDim >= rank || yDim == xDim || plotDim >= rank) {
			throw new IllegalArgumentException("bad axes x=" + xDim + " y=" + yDim + " plot=" + plotDim + " for rank " + rank);
		}
		long[] shape = node.shape();
		position = position.clone();
		for (int d = 0; d < rank; d++) {
			position[d] = Math.max(0, Math.min(shape[d] - 1, position[d]));
		}
	}

	/**
	 * The first view of an array, as HyperSpy would show it: the last two signal axes as the image and
	 * the navigation axes as sliders (a diffraction pattern of a 4D-STEM scan, a frame of a stack, with
	 * the row through the cursor plotted); a
	 * spectrum image as its navigation image with the spectrum under the cursor plotted; a line scan as
	 * a position x energy image; a 1-D array as a line. Dimensions of size 1 are never chosen as axes
	 * while larger ones exist.
	 */
	public static SliceSpec defaults(ArrayNode node) {
		int rank = node.rank();
		if (rank == 0) {
			throw new IllegalArgumentException(node.path() + " is a scalar: nothing to slice");
		}
		long[] shape = node.shape();
		List<Axis> axes = node.axes();
		boolean anyNav = axes.stream().anyMatch(Axis::navigate);
		int[] sig = IntStream.range(0, rank).filter(d -> shape[d] > 1 && !(anyNav && axes.get(d).navigate())).toArray();
		int[] nav = IntStream.range(0, rank).filter(d -> shape[d] > 1 && anyNav && axes.get(d).navigate()).toArray();
		int x;
		int y;
		int plot = -1;
		if (sig.length >= 2) {
			// the plot traces the image row through the cursor: a trace across scan positions or frames would
			// read one chunk per position of a frame-chunked file at every slider step
			x = sig[sig.length - 1];
			y = sig[sig.length - 2];
		} else if (sig.length == 1 && nav.length >= 2) {
			x = nav[nav.length - 1];
			y = nav[nav.length - 2];
			plot = sig[0];
		} else if (sig.length == 1 && nav.length == 1) {
			x = sig[0];
			y = nav[0];
		} else if (sig.length + nav.length == 1) {
			x = sig.length == 1 ? sig[0] : nav[0];
			y = -1;
		} else if (nav.length >= 2) {
			x = nav[nav.length - 1];
			y = nav[nav.length - 2];
		} else {
			x = rank - 1;
			y = -1;
		}
		long[] pos = new long[rank];
		pos[x] = shape[x] / 2;
		if (y >= 0) {
			pos[y] = shape[y] / 2;
		}
		return new SliceSpec(node, x, y, plot, pos);
	}

	public boolean isImage() {
		return yDim >= 0;
	}

	/** @return the dimension the plot traces */
	public int lineDim() {
		return plotDim >= 0 ? plotDim : xDim;
	}

	@Override
	public long[] position() {
		return position.clone();
	}

	public long index(int dim) {
		return position[dim];
	}

	/** @return whether both show the same image plane (node, X, Y and every other index) */
	public boolean samePlane(SliceSpec o) {
		if (o == null || o.node != node || o.xDim != xDim || o.yDim != yDim) {
			return false;
		}
		for (int d = 0; d < position.length; d++) {
			if (d != xDim && d != yDim && position[d] != o.position[d]) {
				return false;
			}
		}
		return true;
	}

	/** @return whether both trace the same line (node, line dimension and every other index) */
	public boolean sameLine(SliceSpec o) {
		if (o == null || o.node != node || o.lineDim() != lineDim()) {
			return false;
		}
		int l = lineDim();
		for (int d = 0; d < position.length; d++) {
			if (d != l && position[d] != o.position[d]) {
				return false;
			}
		}
		return true;
	}

	public SliceSpec withIndex(int dim, long index) {
		long[] p = position.clone();
		p[dim] = index;
		return new SliceSpec(node, xDim, yDim, plotDim, p);
	}

	/** @return this spec with the cursor (the X and Y indices) moved */
	public SliceSpec withCursor(long x, long y) {
		long[] p = position.clone();
		p[xDim] = x;
		if (yDim >= 0) {
			p[yDim] = y;
		}
		return new SliceSpec(node, xDim, yDim, plotDim, p);
	}

	public SliceSpec withAxes(int x, int y, int plot) {
		return new SliceSpec(node, x, y, plot, position);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof SliceSpec s && s.node == node && s.xDim == xDim && s.yDim == yDim && s.plotDim == plotDim
				&& Arrays.equals(s.position, position);
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(node) * 31 + Arrays.hashCode(position) + xDim * 7 + yDim * 11 + plotDim * 13;
	}

	@Override
	public String toString() {
		return node.path() + " x=" + xDim + " y=" + yDim + " plot=" + plotDim + " at " + Arrays.toString(position);
	}
}
