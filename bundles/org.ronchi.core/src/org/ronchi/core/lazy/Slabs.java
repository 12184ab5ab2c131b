package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;

/** What the views that read a box in parts share: placing the parts, and decoding the raw result. */
final class Slabs {
	private Slabs() {
	}

	/** read() of a view that moves raw bytes: {@link ArraySource#readInto} into a buffer, then decoded. */
	static Dataset viaBytes(ArraySource view, long[] start, int[] count) {
		if (!view.dtype().isNumeric()) {
			throw new IllegalArgumentException(view.dtype() + " data cannot be reshaped lazily");
		}
		long bytes = Shapes.size(count) * view.dtype().itemSize();
		if (bytes > Integer.MAX_VALUE - 16) {
			throw new IllegalArgumentException("a box of " + bytes + " bytes is too large for one read");
		}
		ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
		view.readInto(start, count, b);
		return Buffers.decode(view.dtype(), b.flip(), count);
	}

	/**
	 * Reads a part of a view's box from its source into the view's target: straight in when there is one
	 * slab, else through a buffer whose slabs are placed {@code stride} bytes apart.
	 *
	 * @param slabs  how many slabs the part has (the product of the counts before the split axes)
	 * @param slab   bytes of one slab of the part
	 * @param at     where the part's first slab goes in target
	 * @param stride bytes from one slab of the view's box to the next
	 */
	static void readPart(ArraySource source, long[] start, int[] count, long slabs, int slab, ByteBuffer target, int at, int stride) {
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

	/** @throws java.nio.BufferOverflowException if target cannot take the box */
	static long checkRoom(ArraySource view, int[] count, ByteBuffer target) {
		long bytes = Shapes.size(count) * view.dtype().itemSize();
		if (bytes > target.remaining()) {
			throw new java.nio.BufferOverflowException();
		}
		target.order(ByteOrder.LITTLE_ENDIAN);
		return bytes;
	}
}
