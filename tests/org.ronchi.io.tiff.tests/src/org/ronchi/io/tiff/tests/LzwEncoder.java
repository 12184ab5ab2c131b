package org.ronchi.io.tiff.tests;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/** TIFF LZW encoder (MSB-first, early change, clear code first and when the table fills), for fixtures. */
final class LzwEncoder {
	private LzwEncoder() {
	}

	static byte[] encode(byte[] in) {
		Bits out = new Bits();
		Map<Long, Integer> table = new HashMap<>();
		int next = 258;
		int width = 9;
		out.write(256, width);
		int prefix = -1;
		for (byte b : in) {
			int c = b & 0xff;
			if (prefix < 0) {
				prefix = c;
				continue;
			}
			long key = ((long) prefix << 8) | c;
			Integer code = table.get(key);
			if (code != null) {
				prefix = code;
				continue;
			}
			out.write(prefix, width);
			table.put(key, next++);
			if (next > (1 << width) - 1 && width < 12) { // one later than the decoder, whose table lags by one
				width++;
			}
			if (next >= 4094) {
				out.write(256, width);
				table.clear();
				next = 258;
				width = 9;
			}
			prefix = c;
		}
		if (prefix >= 0) {
			out.write(prefix, width);
			next++;
			if (next > (1 << width) - 1 && width < 12) { // one later than the decoder, whose table lags by one
				width++;
			}
		}
		out.write(257, width);
		return out.finish();
	}

	private static final class Bits {
		private final ByteArrayOutputStream out = new ByteArrayOutputStream();
		private long acc;
		private int n;

		void write(int code, int width) {
			acc = (acc << width) | code;
			n += width;
			while (n >= 8) {
				out.write((int) (acc >>> (n - 8)) & 0xff);
				n -= 8;
			}
		}

		byte[] finish() {
			if (n > 0) {
				out.write((int) (acc << (8 - n)) & 0xff);
			}
			return out.toByteArray();
		}
	}
}
