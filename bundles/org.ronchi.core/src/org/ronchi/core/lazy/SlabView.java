package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;

/**
 * A view that reads a box of its source in parts and moves their raw bytes into place (flatten,
 * unflatten, take). Only {@link #place} differs; {@code read} decodes what {@code readInto} gives.
 */
abstract class SlabView implements ArraySource {
	final ArraySource source;

	SlabView(ArraySource source) {
		this.source = source;
	}

	@Override
	public final DType dtype() {
		return source.dtype();
	}

	@Override
	public final Dataset read(long[] start, int[] count) {
		if (!dtype().isNumeric()) {
			throw new IllegalArgumentException(dtype() + " data cannot be reshaped lazily");
		}
		long bytes = Shapes.size(count) * dtype().itemSize();
		if (bytes > Integer.MAX_VALUE - 16) {
			throw new IllegalArgumentException("a box of " + bytes + " bytes is too large for one read");
		}
		ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
		readInto(start, count, b);
		return Buffers.decode(dtype(), b.flip(), count);
	}

	@Override
	public final void readInto(long[] start, int[] count, ByteBuffer target) {
		long bytes = Shapes.size(count) * dtype().itemSize();
		if (bytes > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		target.order(ByteOrder.LITTLE_ENDIAN);
		int base = target.position();
		if (bytes > 0) {
			place(start, count, target, base);
		}
		target.position(base + (int) bytes);
	}

	/** Reads the (non-empty) box from the source and writes it, C order, into target from index base. */
	abstract void place(long[] start, int[] count, ByteBuffer target, int base);

	/**
	 * Reads a part of the box from the source into the target: straight in when there is one slab, else
	 * through a buffer whose slabs are placed {@code stride} bytes apart.
	 *
	 * @param slabs  how many slabs the part has (the product of the counts before the split axes)
	 * @param slab   bytes of one slab of the part
	 * @param at     where the part's first slab goes in target
	 * @param stride bytes from one slab of the view's box to the next
	 */
	final void readPart(long[] start, int[] count, long slabs, int slab, ByteBuffer target, int at, int stride) {
		if (slabs == 1) {
			source.readInto(start, count, target.duplicate().position(at));
			return;
		}
		ByteBuffer part = ByteBuffer.allocate(Math.toIntExact(slabs * slab));
		source.readInto(start, count, part);
		byte[] src = part.array();
		for (long o = 0; o < slabs; o++) {
			target.put((int) (at + o * stride), src, (int) (o * slab), slab);
		}
	}

	/** @return the product of a[from..to) */
	static long product(int[] a, int from, int to) {
		long p = 1;
		for (int d = from; d < to; d++) {
			p *= a[d];
		}
		return p;
	}
}
