package org.ronchi.io.dm.tags;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The header every tag starts with: its kind (20 = group, 21 = data), a name of up to 65535 bytes
 * (empty for the entries of a tag list), and in DM4 the size of its contents in bytes.
 *
 * @param kind {@link #GROUP} or {@link #DATA} (anything else is rejected by the group reading it)
 * @param name the name as stored, "" for list entries
 * @param size DM4: bytes of contents after this header; DM3: -1
 * @param offset where the tag starts
 * @param contentStart where its contents start
 */
record TagEntry(int kind, String name, long size, long offset, long contentStart) {
	static final int GROUP = 20;
	static final int DATA = 21;

	static TagEntry read(DmInput in, boolean dm4) {
		long at = in.position();
		int kind = in.u8("tag");
		int nameLength = in.u16("tag name length");
		String name = decodeName(in.bytes(nameLength, "tag name"));
		long size = -1;
		if (dm4) {
			size = in.i64("tag size");
			if (size < 0 || size > in.remaining()) {
				throw org.ronchi.io.dm.DmFormatException.at(in.file(), "tag " + quote(name), at,
						"size " + size + " does not fit in the " + in.remaining() + " bytes left");
			}
		}
		return new TagEntry(kind, name, size, at, in.position());
	}

	/**
	 * @return a tag name or path quoted for a one-line message: control characters escaped, long names cut
	 *         (a corrupt name length makes a name of binary junk)
	 */
	static String quote(String name) {
		StringBuilder sb = new StringBuilder("'");
		for (int i = 0; i < name.length() && i < 120; i++) {
			char c = name.charAt(i);
			sb.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
		}
		return sb.append(name.length() > 120 ? "...'" : "'").toString();
	}

	/**
	 * DM writes names in the Windows code page (µ is one byte 0xB5); files from other tools use UTF-8.
	 * Valid UTF-8 is taken as such, anything else as Latin-1, which never fails.
	 */
	static String decodeName(byte[] raw) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
		} catch (CharacterCodingException e) {
			return new String(raw, StandardCharsets.ISO_8859_1);
		}
	}
}
