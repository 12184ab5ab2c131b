package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * Test data defined by a formula of the element's position, so Java and numpy can both compute it:
 * v = (i0 * 131 + i1 * 17 + i2 * 3 + ...) mod 65521, which fits every integer type from uint16 up and
 * every float exactly. The numpy twin is {@link #NUMPY}.
 */
final class Formula implements ArraySource {
	/** numpy: expected(shape) gives the same values, as int64. */
	static final String NUMPY = """
			def expected(shape):
			    w = [131, 17, 3, 1, 1, 1][:len(shape)]
			    idx = np.indices(shape, dtype=np.int64)
			    return sum(i * k for i, k in zip(idx, w)) % 65521
			""";

	private static final long[] WEIGHTS = { 131, 17, 3, 1, 1, 1 };

	private final DType dtype;
	private final long[] shape;

	Formula(DType dtype, long... shape) {
		this.dtype = dtype;
		this.shape = shape.clone();
	}

	static long value(long[] position) {
		long v = 0;
		for (int i = 0; i < position.length; i++) {
			v += position[i] * WEIGHTS[i];
		}
		return v % 65521;
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		Dataset d = Buffers.allocate(dtype, count);
		long n = Shapes.size(count);
		long[] pos = new long[count.length];
		for (int flat = 0; flat < n; flat++) {
			long rest = flat;
			for (int i = count.length - 1; i >= 0; i--) {
				pos[i] = start[i] + rest % count[i];
				rest /= count[i];
			}
			d.setObjectAbs(flat, (double) value(pos));
		}
		return d;
	}

	/** @return the block as little-endian bytes of dtype */
	ByteBuffer bytes(long[] start, int[] count) {
		Dataset d = read(start, count);
		ByteBuffer b = ByteBuffer.allocate(d.getSize() * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
		Buffers.encode(dtype, d, 0, d.getSize(), b);
		return b.flip();
	}
}
