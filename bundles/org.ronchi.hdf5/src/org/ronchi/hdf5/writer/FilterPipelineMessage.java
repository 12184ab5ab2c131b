package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The filter pipeline message (type 0x000B, File Format Specification IV.A.2.l), version 1: the
 * filters applied to every chunk, in the order they were applied when writing. Only libhdf5's
 * built-in shuffle (id 2) and deflate (id 1) are written; see {@link ChunkFilters}.
 */
final class FilterPipelineMessage implements HeaderMessage {
	/** One filter: id, name and client data, marked optional as h5py does. */
	record Filter(int id, String name, int... clientData) {
	}

	private final List<Filter> filters;

	FilterPipelineMessage(List<Filter> filters) {
		this.filters = List.copyOf(filters);
	}

	@Override
	public int type() {
		return 0x000B;
	}

	@Override
	public int flags() {
		return 0x01;
	}

	@Override
	public int size() {
		int n = 8;
		for (Filter f : filters) {
			n += 8 + nameSize(f) + 4 * f.clientData().length + (f.clientData().length % 2) * 4;
		}
		return n;
	}

	@Override
	public void encode(ByteBuffer out) {
		out.put((byte) 1).put((byte) filters.size());
		Block.pad(out, 6);
		for (Filter f : filters) {
			byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
			out.putShort((short) f.id()).putShort((short) nameSize(f));
			out.putShort((short) 1).putShort((short) f.clientData().length); // flags: optional
			out.put(name);
			Block.pad(out, nameSize(f) - name.length);
			for (int cd : f.clientData()) {
				out.putInt(cd);
			}
			if (f.clientData().length % 2 == 1) {
				out.putInt(0); // version 1 pads client data to 8 bytes
			}
		}
	}

	private static int nameSize(Filter f) {
		return Block.align8(f.name().length() + 1);
	}
}
