package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * A symbol table entry (File Format Specification III.C), 40 bytes: link name offset in the local
 * heap, object header address, and a scratch pad. For groups the scratch pad caches the B-tree and
 * heap addresses (cache type 1), as libhdf5 writes them; a new-style group has nothing to cache (type
 * 0). The root group's entry lives in the superblock.
 */
final class SymbolTableEntry {
	static final int SIZE = 40;

	private SymbolTableEntry() {
	}

	static void encode(ByteBuffer out, long nameOffset, WNode target) {
		out.putLong(nameOffset).putLong(target.headerAddress());
		if (target instanceof WGroup g && g.table() != null) {
			out.putInt(1).putInt(0);
			out.putLong(g.table().btreeAddress()).putLong(g.table().heapAddress());
		} else {
			out.putInt(0).putInt(0);
			Block.pad(out, 16);
		}
	}
}
