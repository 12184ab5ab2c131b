package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local heap (File Format Specification III.D) holding one group's link names: a 32-byte "HEAP"
 * prefix followed directly by the data segment. Offset 0 is the empty string the group B-tree uses
 * as its lowest key; each name is NUL-terminated and padded to 8 bytes. There is no free space (the
 * free list head is libhdf5's end-of-list value 1).
 */
final class LocalHeap extends Block {
	private static final int PREFIX = 32;
	private static final long FREE_LIST_END = 1;

	private final List<byte[]> names;
	private final long[] offsets;
	private final int dataSize;

	LocalHeap(List<byte[]> names) {
		this.names = names;
		this.offsets = new long[names.size()];
		int at = 8;
		for (int i = 0; i < names.size(); i++) {
			offsets[i] = at;
			at += align8(names.get(i).length + 1);
		}
		this.dataSize = at;
	}

	/** @return the heap offset of name i */
	long offset(int i) {
		return offsets[i];
	}

	@Override
	int size() {
		return PREFIX + dataSize;
	}

	@Override
	void encode(ByteBuffer out) {
		out.put("HEAP".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
		pad(out, 3);
		out.putLong(dataSize).putLong(FREE_LIST_END).putLong(address + PREFIX);
		pad(out, 8);
		for (byte[] n : names) {
			out.put(n);
			pad(out, align8(n.length + 1) - n.length);
		}
	}
}
