package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A symbol table node, "SNOD" (File Format Specification III.B): up to 2K entries of one group, in
 * name order. Written at full size (K = 4, so 8 entries) because libhdf5 reads the full node.
 */
final class SymbolTableNode extends Block {
	static final int CAPACITY = 8;

	private final List<WNode> children;
	private final long[] nameOffsets;

	SymbolTableNode(List<WNode> children, long[] nameOffsets) {
		this.children = children;
		this.nameOffsets = nameOffsets;
	}

	@Override
	int size() {
		return 8 + CAPACITY * SymbolTableEntry.SIZE;
	}

	@Override
	void encode(ByteBuffer out) {
		out.put("SNOD".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
		out.putShort((short) children.size());
		for (int i = 0; i < children.size(); i++) {
			SymbolTableEntry.encode(out, nameOffsets[i], children.get(i));
		}
		pad(out, (CAPACITY - children.size()) * SymbolTableEntry.SIZE);
	}
}
