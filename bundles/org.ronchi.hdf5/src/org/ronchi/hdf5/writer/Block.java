package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * A piece of file metadata written at close. Its size never depends on any address, so the writer
 * first gives every block an address and only then encodes them: a block may refer to any other
 * block (an object reference to a dataset created later, a B-tree to its siblings).
 */
abstract class Block {
	/** The HDF5 "undefined address": all bits set. */
	static final long UNDEF = -1L;

	long address = UNDEF;

	/** @return the encoded size in bytes, fixed before addresses are known */
	abstract int size();

	/** Writes exactly {@link #size()} bytes, little-endian, at the buffer's position. */
	abstract void encode(ByteBuffer out);

	static int align8(int n) {
		return (n + 7) & ~7;
	}

	static long align8(long n) {
		return (n + 7) & ~7L;
	}

	static void pad(ByteBuffer out, int n) {
		for (int i = 0; i < n; i++) {
			out.put((byte) 0);
		}
	}
}
