package org.ronchi.hdf5.writer;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The chunks written so far, in arrival order: linear index, address and stored size, in primitive
 * arrays (about 16 bytes per chunk), sorted into key order only at close. A chunk may be written once.
 */
final class ChunkIndex {
	private final BitSet claimed = new BitSet();
	private int count;
	private int[] linear = new int[64];
	private long[] address = new long[64];
	private int[] size = new int[64];

	/** @return false if the chunk was already claimed: each chunk is written at most once */
	synchronized boolean claim(int index) {
		if (claimed.get(index)) {
			return false;
		}
		claimed.set(index);
		return true;
	}

	synchronized void record(int index, long at, int bytes) {
		if (count == linear.length) {
			linear = Arrays.copyOf(linear, 2 * count);
			address = Arrays.copyOf(address, 2 * count);
			size = Arrays.copyOf(size, 2 * count);
		}
		linear[count] = index;
		address[count] = at;
		size[count] = bytes;
		count++;
	}

	/** The chunks in key order. */
	record Sorted(int[] linear, long[] address, int[] size) {
		int count() {
			return linear.length;
		}
	}

	synchronized Sorted sorted() {
		long[] order = new long[count];
		for (int i = 0; i < count; i++) {
			order[i] = (long) linear[i] << 32 | i; // both below 2^31: sorts by chunk, then position
		}
		Arrays.sort(order);
		Sorted s = new Sorted(new int[count], new long[count], new int[count]);
		for (int k = 0; k < count; k++) {
			int i = (int) order[k];
			s.linear[k] = linear[i];
			s.address[k] = address[i];
			s.size[k] = size[i];
		}
		return s;
	}
}
