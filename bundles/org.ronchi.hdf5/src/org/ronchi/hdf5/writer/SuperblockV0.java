package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The version 0 superblock (File Format Specification II.A), 96 bytes at offset 0: 8-byte addresses
 * and lengths, libhdf5's default B-tree ranks (group leaf K 4, group internal K 16; version 0 has no
 * field for the chunk B-tree K, which readers take as 32), the end-of-file address and the root
 * group's symbol table entry. Written last, once the root group's address is known.
 */
final class SuperblockV0 extends Block {
	static final int SIZE = 96;
	private static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	private final WGroup root;
	private final long endOfFile;

	SuperblockV0(WGroup root, long endOfFile) {
		this.root = root;
		this.endOfFile = endOfFile;
		this.address = 0;
	}

	@Override
	int size() {
		return SIZE;
	}

	@Override
	void encode(ByteBuffer out) {
		out.put(SIGNATURE);
		// superblock, free-space, root entry and shared-message versions 0; reserved
		out.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		out.put((byte) 8).put((byte) 8).put((byte) 0); // size of offsets, size of lengths
		out.putShort((short) 4).putShort((short) 16); // group leaf K, group internal K
		out.putInt(0); // file consistency flags
		out.putLong(0).putLong(UNDEF).putLong(endOfFile).putLong(UNDEF); // base, free space, EOF, driver
		SymbolTableEntry.encode(out, 0, root);
	}
}
