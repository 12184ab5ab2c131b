package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The dataspace message (type 0x0001, File Format Specification IV.A.2.b), version 1: rank and
 * dimensions, with maximum dimensions equal to them (datasets are not resizable). Rank 0 is a scalar.
 */
final class DataspaceMessage implements HeaderMessage {
	private final long[] dims;

	DataspaceMessage(long[] dims) {
		this.dims = dims.clone();
	}

	@Override
	public int type() {
		return 0x0001;
	}

	@Override
	public int size() {
		return 8 + (dims.length == 0 ? 0 : 16 * dims.length);
	}

	@Override
	public void encode(ByteBuffer out) {
		out.put((byte) 1).put((byte) dims.length);
		out.put((byte) (dims.length == 0 ? 0 : 1)); // flag: maximum dimensions present
		Block.pad(out, 5);
		if (dims.length > 0) {
			for (long d : dims) {
				out.putLong(d);
			}
			for (long d : dims) {
				out.putLong(d);
			}
		}
	}
}
