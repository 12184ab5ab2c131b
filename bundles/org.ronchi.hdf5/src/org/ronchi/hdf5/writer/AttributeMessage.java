package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The attribute message (type 0x000C, File Format Specification IV.A.2.m): name, datatype, dataspace
 * and data. Version 1 (fields padded to 8 bytes) for ASCII names, version 3 (unpadded, with a
 * character set) for UTF-8 names, as libhdf5 chooses. The whole message must fit the 16-bit message
 * size of a version 1 object header, so attribute data is limited to about 64 KiB.
 */
final class AttributeMessage implements HeaderMessage {
	/** Largest body a version 1 object header message can hold (16-bit size, padded to 8). */
	static final int MAX_SIZE = 0xFFF8;

	private final byte[] name;
	private final boolean ascii;
	private final Value value;
	private final DatatypeMessage datatype;
	private final DataspaceMessage dataspace;
	private final GlobalHeap.Ids ids;

	AttributeMessage(String name, Value value, GlobalHeap heap) {
		this.name = name.getBytes(StandardCharsets.UTF_8);
		this.ascii = this.name.length == name.length();
		this.value = value;
		this.datatype = new DatatypeMessage(value.type());
		this.dataspace = new DataspaceMessage(value.shapeRef());
		this.ids = heap == null ? null : value.addTo(heap);
	}

	/** @return the body size of an attribute message for this name and value */
	static long sizeOf(String name, Value value) {
		return new AttributeMessage(name, value, null).bodySize();
	}

	@Override
	public int type() {
		return 0x000C;
	}

	@Override
	public int size() {
		return Math.toIntExact(bodySize());
	}

	private long bodySize() {
		int n = name.length + 1;
		int dt = datatype.size();
		int ds = dataspace.size();
		return ascii ? 8 + Block.align8(n) + Block.align8(dt) + Block.align8(ds) + value.byteSize()
				: 9 + n + dt + ds + value.byteSize();
	}

	@Override
	public void encode(ByteBuffer out) {
		int n = name.length + 1;
		out.put((byte) (ascii ? 1 : 3)).put((byte) 0);
		out.putShort((short) n).putShort((short) datatype.size()).putShort((short) dataspace.size());
		if (!ascii) {
			out.put((byte) 1); // name character set: UTF-8
		}
		out.put(name).put((byte) 0);
		padIfV1(out, n);
		datatype.encode(out);
		padIfV1(out, datatype.size());
		dataspace.encode(out);
		padIfV1(out, dataspace.size());
		value.encode(out, ids);
	}

	private void padIfV1(ByteBuffer out, int n) {
		if (ascii) {
			Block.pad(out, Block.align8(n) - n);
		}
	}
}
