package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * Axis i of this view is axis {@code perm[i]} of the source ({@link Views#permute}). A read fetches the
 * matching box of the source and transposes it in memory; {@code readInto} moves raw bytes.
 */
final class PermutedView implements ArraySource {
	private final ArraySource source;
	private final int[] perm;

	private PermutedView(ArraySource source, int[] perm) {
		this.source = source;
		this.perm = perm;
	}

	static ArraySource of(ArraySource source, int[] perm) {
		int rank = source.shape().length;
		boolean[] seen = new boolean[perm.length];
		boolean identity = true;
		for (int i = 0; i < perm.length; i++) {
			int p = perm[i];
			if (perm.length != rank || p < 0 || p >= rank || seen[p]) {
				throw new IllegalArgumentException("not a permutation of " + rank + " axes: " + Arrays.toString(perm));
			}
			seen[p] = true;
			identity &= p == i;
		}
		return identity ? source : new PermutedView(source, perm.clone());
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

	private long[] sourceStart(long[] start) {
		long[] s = new long[perm.length];
		for (int i = 0; i < perm.length; i++) {
			s[perm[i]] = start[i];
		}
		return s;
	}

	private int[] sourceCount(int[] count) {
		int[] c = new int[perm.length];
		for (int i = 0; i < perm.length; i++) {
			c[perm[i]] = count[i];
		}
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		Dataset box = source.read(sourceStart(start), sourceCount(count));
		return Buffers.contiguous(dtype(), box.getTransposedView(perm));
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		int item = dtype().itemSize();
		long bytes = Shapes.size(count) * item;
		if (bytes > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		int[] srcCount = sourceCount(count);
		ByteBuffer raw = ByteBuffer.allocate((int) bytes);
		source.readInto(sourceStart(start), srcCount, raw);
		target.order(ByteOrder.LITTLE_ENDIAN);
		int base = target.position();
		if (bytes > 0) {
			transpose(raw.array(), srcCount, item, target, base);
		}
		target.position(base + (int) bytes);
	}

	/**
	 * Copies src (C order over srcCount) into target in view order. The view's last axis is walked
	 * innermost; when it is the source's last axis too, whole rows are copied at once.
	 */
	private void transpose(byte[] src, int[] srcCount, int item, ByteBuffer target, int base) {
		int rank = perm.length;
		long[] srcStrides = Shapes.strides(Shapes.toLong(srcCount));
		int[] count = new int[rank];
		long[] stride = new long[rank];
		for (int i = 0; i < rank; i++) {
			count[i] = srcCount[perm[i]];
			stride[i] = srcStrides[perm[i]] * item;
		}
		int last = rank - 1;
		boolean rows = stride[last] == item;
		int rowBytes = count[last] * item;
		int[] idx = new int[rank];
		long from = 0;
		int out = base;
		while (true) {
			if (rows) {
				target.put(out, src, (int) from, rowBytes);
				out += rowBytes;
			} else {
				long f = from;
				for (int j = 0; j < count[last]; j++, f += stride[last], out += item) {
					target.put(out, src, (int) f, item);
				}
			}
			int d = last - 1;
			while (d >= 0) {
				from += stride[d];
				if (++idx[d] < count[d]) {
					break;
				}
				from -= count[d] * stride[d];
				idx[d] = 0;
				d--;
			}
			if (d < 0) {
				return;
			}
		}
	}
}
