package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The fill value message (type 0x0005, File Format Specification IV.A.2.f), version 2 as h5py's
 * files carry it: fill value "defined" with size 0, which libhdf5 reads as the default, zeros. Chunks
 * never written therefore read as 0.
 */
final class FillValueMessage implements HeaderMessage {
	private final boolean chunked;

	FillValueMessage(boolean chunked) {
		this.chunked = chunked;
	}

	@Override
	public int type() {
		return 0x0005;
	}

	@Override
	public int flags() {
		return 0x01;
	}

	@Override
	public int size() {
		return 8;
	}

	@Override
	public void encode(ByteBuffer out) {
		out.put((byte) 2);
		// allocation time: incremental for chunks, late for contiguous data (libhdf5's defaults);
		// fill time: on allocation for chunks, if set otherwise
		out.put((byte) (chunked ? 3 : 2)).put((byte) (chunked ? 0 : 2));
		out.put((byte) 1).putInt(0);
	}
}
