package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * The data layout message (type 0x0008, File Format Specification IV.A.2.i), version 3: either
 * contiguous (address and size) or chunked (address of the version 1 B-tree indexing the chunks,
 * and the chunk dimensions followed by the element size).
 */
final class DataLayoutMessage implements HeaderMessage {
	private final LongSupplier address;
	private final long size;
	private final int[] chunk;
	private final int elementSize;

	private DataLayoutMessage(LongSupplier address, long size, int[] chunk, int elementSize) {
		this.address = address;
		this.size = size;
		this.chunk = chunk;
		this.elementSize = elementSize;
	}

	static DataLayoutMessage contiguous(LongSupplier address, long size) {
		return new DataLayoutMessage(address, size, null, 0);
	}

	/** @param btree the chunk B-tree's root address, or {@link Block#UNDEF} when no chunk was written */
	static DataLayoutMessage chunked(LongSupplier btree, int[] chunk, int elementSize) {
		return new DataLayoutMessage(btree, 0, chunk.clone(), elementSize);
	}

	@Override
	public int type() {
		return 0x0008;
	}

	@Override
	public int size() {
		return chunk == null ? 18 : 3 + 8 + 4 * (chunk.length + 1);
	}

	@Override
	public void encode(ByteBuffer out) {
		out.put((byte) 3);
		if (chunk == null) {
			out.put((byte) 1).putLong(address.getAsLong()).putLong(size);
			return;
		}
		out.put((byte) 2).put((byte) (chunk.length + 1)).putLong(address.getAsLong());
		for (int c : chunk) {
			out.putInt(c);
		}
		out.putInt(elementSize);
	}
}
