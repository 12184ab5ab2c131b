package org.ronchi.io.usid;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * pyUSID's {@code reshape_from_n_dims}: the inverse of the N-dimensional form. Each Main row and column
 * takes the cell its indices name, so it inverts {@link MainDataset#ndim(boolean)} whatever order the
 * dimensions were acquired in. In memory: for datasets that fit in one Java array.
 */
public final class Reshape {
	private Reshape() {
	}

	/**
	 * @param nd        N-dimensional data, position dimensions then spectroscopic ones, in file order
	 * @param posInds   position indices, one row per dimension (N wide)
	 * @param specInds  spectroscopic indices, one row per dimension (P wide)
	 * @return the 2-D Main data (N x P)
	 * @throws UsidException if the shape of nd does not match the dimension sizes the indices give
	 */
	public static Dataset toMain(Dataset nd, DType dtype, long[][] posInds, long[][] specInds) {
		int[] ps = IndexMatrix.sizes(posInds);
		int[] ss = IndexMatrix.sizes(specInds);
		int[] expected = new int[ps.length + ss.length];
		System.arraycopy(ps, 0, expected, 0, ps.length);
		System.arraycopy(ss, 0, expected, ps.length, ss.length);
		if (!Arrays.equals(expected, nd.getShapeRef())) {
			throw new UsidException(null, "reshape_from_n_dims", "data of shape " + Arrays.toString(nd.getShapeRef())
					+ " does not match the dimension sizes " + Arrays.toString(expected));
		}
		int n = posInds.length == 0 ? 1 : posInds[0].length;
		int p = specInds.length == 0 ? 1 : specInds[0].length;
		Dataset src = Buffers.contiguous(dtype, nd);
		Dataset out = Buffers.allocate(dtype, n, p);
		int epi = out.getElementsPerItem();
		long[] specFlat = flat(specInds, ss, p);
		long[] posFlat = flat(posInds, ps, n);
		long specCells = Arrays.stream(ss).asLongStream().reduce(1, (a, b) -> a * b);
		Object from = src.getBuffer();
		Object to = out.getBuffer();
		for (int r = 0; r < n; r++) {
			for (int c = 0; c < p; c++) {
				long cell = posFlat[r] * specCells + specFlat[c];
				System.arraycopy(from, Math.toIntExact(cell * epi), to, (r * p + c) * epi, epi);
			}
		}
		return out;
	}

	private static long[] flat(long[][] inds, int[] sizes, int len) {
		long[] out = new long[len];
		for (int k = 0; k < len; k++) {
			long f = 0;
			for (int d = 0; d < inds.length; d++) {
				f = f * sizes[d] + inds[d][k];
			}
			out[k] = f;
		}
		return out;
	}
}
