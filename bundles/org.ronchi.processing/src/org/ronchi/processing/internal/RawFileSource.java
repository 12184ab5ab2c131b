package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/** A NAV buffer's scratch file as a lazy array: what results are streamed from. */
final class RawFileSource implements ArraySource {
	private final NavStore.Files store;
	private final String name;
	private final DType dtype;
	private final long[] shape;

	RawFileSource(NavStore.Files store, String name, DType dtype, long[] shape) {
		this.store = store;
		this.name = name;
		this.dtype = dtype;
		this.shape = shape.clone();
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
		ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(Shapes.size(count) * dtype.itemSize())).order(ByteOrder.LITTLE_ENDIAN);
		readInto(start, count, b);
		b.flip();
		return Buffers.decode(dtype, b, count);
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		int item = dtype.itemSize();
		Boxes.copyOut(shape, start, count, target, (from, n, out) -> {
			ByteBuffer run = out.duplicate();
			run.limit(run.position() + (int) (n * item));
			store.readFully(name, run, from * item);
			out.position(out.position() + (int) (n * item));
		}, item);
	}
}
