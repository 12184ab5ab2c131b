package org.ronchi.io.usid;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * The N-dimensional form of a Main dataset as a lazy {@link ArraySource}: position dimensions, then
 * spectroscopic ones, each group in a chosen order of its file dimensions. Every cell is found through
 * the grids of the ancillaries (where the indices say it is), not by assuming an order, so files whose
 * dimensions are not fastest-first (pyUSID DM-23) reshape correctly. A read fetches the rows it needs
 * in contiguous runs, each run over the span of the columns it needs, then gathers the cells.
 */
public final class NdimSource implements ArraySource {
	private final ArraySource main;
	private final long[] shape;
	/** Axes exposed (all, or those of size > 1 when squeezed), as indices into {@link #shape}. */
	private final int[] kept;
	private final int posRank;
	private final int[] fileDim;
	private final int[] posSizes;
	private final int[] specSizes;
	private final int[] rowOf;
	private final int[] colOf;

	/**
	 * @param posOrder   file dimensions of the position side, in the order they become axes
	 * @param specOrder  likewise for the spectroscopic side
	 * @param rowOf      grid of the position side (C order over posSizes)
	 * @param colOf      grid of the spectroscopic side
	 */
	NdimSource(ArraySource main, int[] posSizes, int[] posOrder, int[] rowOf, int[] specSizes, int[] specOrder, int[] colOf,
			boolean squeeze) {
		this.main = main;
		this.posRank = posOrder.length;
		this.posSizes = posSizes.clone();
		this.specSizes = specSizes.clone();
		this.rowOf = rowOf;
		this.colOf = colOf;
		this.fileDim = new int[posOrder.length + specOrder.length];
		this.shape = new long[fileDim.length];
		for (int a = 0; a < fileDim.length; a++) {
			fileDim[a] = a < posRank ? posOrder[a] : specOrder[a - posRank];
			shape[a] = a < posRank ? posSizes[fileDim[a]] : specSizes[fileDim[a]];
		}
		this.kept = java.util.stream.IntStream.range(0, shape.length).filter(a -> !squeeze || shape[a] != 1).toArray();
	}

	/** @return for each exposed axis, its index among all position-then-spectroscopic axes */
	int[] keptAxes() {
		return kept.clone();
	}

	@Override
	public DType dtype() {
		return main.dtype();
	}

	@Override
	public long[] shape() {
		return java.util.Arrays.stream(kept).mapToLong(a -> shape[a]).toArray();
	}

	@Override
	public Dataset read(long[] keptStart, int[] keptCount) {
		if (keptStart.length != kept.length || keptCount.length != kept.length) {
			throw new UsidException(null, "N-dimensional form", "slice of rank " + keptStart.length + " for rank " + kept.length);
		}
		long[] start = new long[shape.length];
		int[] count = new int[shape.length];
		java.util.Arrays.fill(count, 1);
		for (int k = 0; k < kept.length; k++) {
			int a = kept[k];
			if (keptStart[k] < 0 || keptCount[k] < 0 || keptStart[k] + keptCount[k] > shape[a]) {
				throw new UsidException(null, "N-dimensional form", "slice [" + keptStart[k] + ", " + (keptStart[k] + keptCount[k])
						+ ") is outside dimension " + k + " of size " + shape[a]);
			}
			start[a] = keptStart[k];
			count[a] = keptCount[k];
		}
		int[] rows = cells(start, count, 0, posRank, posSizes, rowOf);
		int[] cols = cells(start, count, posRank, shape.length, specSizes, colOf);
		Dataset out = Buffers.allocate(dtype(), keptCount);
		if (rows.length == 0 || cols.length == 0) {
			return out;
		}
		int cmin = Arrays.stream(cols).min().getAsInt();
		int cw = Arrays.stream(cols).max().getAsInt() - cmin + 1;
		Integer[] byRow = new Integer[rows.length];
		Arrays.setAll(byRow, i -> i);
		Arrays.sort(byRow, (a, b) -> Integer.compare(rows[a], rows[b]));
		int epi = out.getElementsPerItem();
		Object dst = out.getBuffer();
		int i = 0;
		while (i < byRow.length) {
			int j = i;
			while (j + 1 < byRow.length && rows[byRow[j + 1]] - rows[byRow[j]] <= 1) {
				j++; // extend the run while rows are contiguous (or repeated)
			}
			int r0 = rows[byRow[i]];
			int len = rows[byRow[j]] - r0 + 1;
			Dataset box = main.read(new long[] { r0, cmin }, new int[] { len, cw });
			if (box.getStrides() != null || box.getOffset() != 0) {
				box = box.clone();
			}
			Object src = box.getBuffer();
			for (int k = i; k <= j; k++) {
				int p = byRow[k];
				int rowBase = (rows[p] - r0) * cw - cmin;
				for (int s = 0; s < cols.length; s++) {
					System.arraycopy(src, (rowBase + cols[s]) * epi, dst, (p * cols.length + s) * epi, epi);
				}
			}
			i = j + 1;
		}
		return out;
	}

	/** @return the Main row (or column) of every cell of the box over axes [from, to), in C order */
	private int[] cells(long[] start, int[] count, int from, int to, int[] sizes, int[] grid) {
		int n = 1;
		for (int a = from; a < to; a++) {
			n *= count[a];
		}
		int[] out = new int[n];
		int[] idx = new int[to - from];
		int[] fileIdx = new int[sizes.length];
		for (int c = 0; c < n; c++) {
			for (int a = from; a < to; a++) {
				fileIdx[fileDim[a]] = (int) start[a] + idx[a - from];
			}
			int flat = 0;
			for (int d = 0; d < sizes.length; d++) {
				flat = flat * sizes[d] + fileIdx[d];
			}
			out[c] = grid[flat];
			for (int a = to - from - 1; a >= 0; a--) {
				if (++idx[a] < count[from + a]) {
					break;
				}
				idx[a] = 0;
			}
		}
		return out;
	}
}
