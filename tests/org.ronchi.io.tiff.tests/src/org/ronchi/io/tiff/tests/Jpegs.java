package org.ronchi.io.tiff.tests;

import java.io.ByteArrayOutputStream;

/** Splits a complete JPEG stream into JPEGTables (SOI, DQT, DHT, EOI) and an abbreviated stream, as TIFF writers do. */
final class Jpegs {
	private Jpegs() {
	}

	static byte[] tables(byte[] jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		walk(jpeg, out, true);
		out.write(0xFF);
		out.write(0xD9);
		return out.toByteArray();
	}

	static byte[] withoutTables(byte[] jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		int scan = walk(jpeg, out, false);
		out.write(jpeg, scan, jpeg.length - scan);
		return out.toByteArray();
	}

	/** Copies the table segments (tables=true) or the other segments (false) before the scan; returns the scan's offset. */
	private static int walk(byte[] s, ByteArrayOutputStream out, boolean tables) {
		int i = 2;
		while (i + 4 <= s.length) {
			int marker = s[i + 1] & 0xff;
			if (marker == 0xDA) {
				return i;
			}
			int len = ((s[i + 2] & 0xff) << 8) | (s[i + 3] & 0xff);
			boolean table = marker == 0xDB || marker == 0xC4;
			if (table == tables) {
				out.write(s, i, 2 + len);
			}
			i += 2 + len;
		}
		return i;
	}
}
