package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The link info message (type 0x0002, File Format Specification IV.A.2.c), version 0: marks an object
 * header as a new-style group whose links are stored as link messages in the header itself (compact
 * storage: no fractal heap, no name index, creation order not tracked).
 */
final class LinkInfoMessage implements HeaderMessage {
	@Override
	public int type() {
		return 0x0002;
	}

	@Override
	public int size() {
		return 18;
	}

	@Override
	public void encode(ByteBuffer out) {
		out.put((byte) 0).put((byte) 0); // version 0, flags 0
		out.putLong(Block.UNDEF).putLong(Block.UNDEF); // fractal heap, name index B-tree: none (compact)
	}
}
