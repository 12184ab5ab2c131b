package org.ronchi.io.emd;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.DType;

/**
 * A lazy axis permutation of another source: axis i of this view is axis {@code perm[i]} of the source
 * (NumPy's {@code transpose(perm)}). A read fetches the matching box of the source and transposes it
 * in memory. NCEM EMD data is read reversed (HyperSpy order) and written back through it.
 */
public final class TransposedSource implements ArraySource {
	private final ArraySource source;
	private final int[] perm;

	public TransposedSource(ArraySource source, int... perm) {
		this.source = source;
		this.perm = perm.clone();
		boolean[] seen = new boolean[perm.length];
		for (int p : perm) {
			if (p < 0 || p >= perm.length || seen[p] || perm.length != source.shape().length) {
				throw new IllegalArgumentException("not a permutation of " + source.shape().length + " axes: " + java.util.Arrays.toString(perm));
			}
			seen[p] = true;
		}
	}

	/** @return the view with all axes reversed */
	public static TransposedSource reversed(ArraySource source) {
		int n = source.shape().length;
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = n - 1 - i;
		}
		return new TransposedSource(source, p);
	}

	@Override
	public DType dtype() {
		return source.dtype();
	}

	@Override
	public long[] shape() {
		long[] s = source.shape();
		long[] out = new long[perm.length];
		for (int i = 0; i < perm.length; i++) {
			out[i] = s[perm[i]];
		}
		return out;
	}

	@Override
	public int[] chunkShape() {
		int[] c = source.chunkShape();
		if (c == null) {
			return null;
		}
		int[] out = new int[perm.length];
		for (int i = 0; i < perm.length; i++) {
			out[i] = c[perm[i]];
		}
		return out;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		long[] s = new long[perm.length];
		int[] c = new int[perm.length];
		for (int i = 0; i < perm.length; i++) {
			s[perm[i]] = start[i];
			c[perm[i]] = count[i];
		}
		Dataset box = source.read(s, c);
		return perm.length < 2 ? box : box.transpose(perm);
	}
}
