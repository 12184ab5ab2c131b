package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A version 1 object header (File Format Specification IV.A.1.a): a 16-byte prefix, then every
 * message in one chunk, each with an 8-byte message header and its body padded to 8 bytes. The
 * address of this block is what object references and symbol table entries point to.
 */
final class ObjectHeader extends Block {
	private final List<HeaderMessage> messages;
	private final int size;
	private final int references;

	ObjectHeader(List<HeaderMessage> messages, int references) {
		this.messages = List.copyOf(messages);
		this.references = references;
		int n = 16;
		for (HeaderMessage m : messages) {
			n += 8 + align8(m.size());
		}
		this.size = n;
	}

	@Override
	int size() {
		return size;
	}

	@Override
	void encode(ByteBuffer out) {
		out.put((byte) 1).put((byte) 0).putShort((short) messages.size());
		out.putInt(references); // reference count: the number of hard links to the object
		out.putInt(size - 16);
		pad(out, 4);
		for (HeaderMessage m : messages) {
			int body = align8(m.size());
			out.putShort((short) m.type()).putShort((short) body).put((byte) m.flags());
			pad(out, 3);
			int start = out.position();
			m.encode(out);
			if (out.position() - start != m.size()) {
				throw new IllegalStateException("message 0x" + Integer.toHexString(m.type()) + " wrote "
						+ (out.position() - start) + " bytes, declared " + m.size());
			}
			pad(out, body - m.size());
		}
	}
}
