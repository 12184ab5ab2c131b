package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The symbol table message (type 0x0011, File Format Specification IV.A.2.r): marks an object header
 * as an old-style group and points to its B-tree of symbol table nodes and its local heap of names.
 */
final class SymbolTableMessage implements HeaderMessage {
	private final GroupTable table;

	SymbolTableMessage(GroupTable table) {
		this.table = table;
	}

	@Override
	public int type() {
		return 0x0011;
	}

	@Override
	public int size() {
		return 16;
	}

	@Override
	public void encode(ByteBuffer out) {
		out.putLong(table.btreeAddress()).putLong(table.heapAddress());
	}
}
