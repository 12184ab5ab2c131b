package org.ronchi.io.tiff.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Text as TIFF writers store it: ASCII by the specification, UTF-8 or Latin-1 in practice (Zeiss writes "µm" as 0xB5). */
public final class Text {
	private Text() {
	}

	/** @return the bytes decoded as UTF-8 if they are valid UTF-8, else as Latin-1 */
	public static String decode(byte[] a, int from, int to) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(a, from, to - from)).toString();
		} catch (CharacterCodingException e) {
			return new String(a, from, to - from, StandardCharsets.ISO_8859_1);
		}
	}

	/** @return the bytes up to the first NUL, decoded as {@link #decode} does */
	public static String decodeToNul(byte[] a) {
		int n = 0;
		while (n < a.length && a[n] != 0) {
			n++;
		}
		return decode(a, 0, n);
	}
}
