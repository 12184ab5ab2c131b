package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Buffer;

/** A buffer in memory as a lazy array: results of runs without a results file. */
final class BufferSource implements ArraySource {
	private final Buffer buffer;

	BufferSource(Buffer buffer) {
		this.buffer = buffer;
	}

	@Override
	public DType dtype() {
		return buffer.dtype();
	}

	@Override
	public long[] shape() {
		return buffer.shape();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(Shapes.size(count) * dtype().itemSize())).order(ByteOrder.LITTLE_ENDIAN);
		readInto(start, count, b);
		b.flip();
		return Buffers.decode(dtype(), b, count);
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		Boxes.copyOut(buffer.shape(), start, count, target, (from, n, out) -> buffer.encode(from, n, out), dtype().itemSize());
	}
}
