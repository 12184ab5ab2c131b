package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The group info message (type 0x000A, File Format Specification IV.A.2.k), version 0 with no fields:
 * libhdf5's defaults for the compact/dense thresholds. libhdf5 writes it (marked constant) with every
 * new-style group and reads it when links are added, so it is written although a reader does not need it.
 */
final class GroupInfoMessage implements HeaderMessage {
	@Override
	public int type() {
		return 0x000A;
	}

	@Override
	public int size() {
		return 2;
	}

	/** Constant, as libhdf5 flags it. */
	@Override
	public int flags() {
		return 1;
	}

	@Override
	public void encode(ByteBuffer out) {
		out.put((byte) 0).put((byte) 0);
	}
}
