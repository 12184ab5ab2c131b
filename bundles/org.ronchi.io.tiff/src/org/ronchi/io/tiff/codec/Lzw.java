package org.ronchi.io.tiff.codec;

import org.ronchi.io.tiff.TiffException;

/**
 * TIFF LZW (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first, the code width growing
 * one code early ("early change"), 256 = clear, 257 = end of information. Written here because the JDK has
 * no LZW decoder; about as long as wrapping a library would be.
 */
final class Lzw implements BlockCodec {
	private static final int CLEAR = 256;
	private static final int EOI = 257;
	private static final int TABLE = 4096;

	@Override
	public byte[] decode(byte[] src, Block block) {
		if (src.length >= 2 && src[0] == 0 && (src[1] & 1) != 0) {
			throw fail(block, "unsupported: old-style (pre-TIFF 6, LSB-first) LZW");
		}
		byte[] out = new byte[block.bytes()];
		int[] prefix = new int[TABLE];
		byte[] suffix = new byte[TABLE];
		byte[] first = new byte[TABLE];
		int[] length = new int[TABLE];
		for (int i = 0; i < 256; i++) {
			suffix[i] = (byte) i;
			first[i] = (byte) i;
			length[i] = 1;
		}
		byte[] scratch = new byte[TABLE];
		int next = 258;
		int width = 9;
		int old = -1;
		int op = 0;
		long bits = 0;
		int nbits = 0;
		int ip = 0;
		while (op < out.length) {
			while (nbits < width && ip < src.length) {
				bits = (bits << 8) | (src[ip++] & 0xff);
				nbits += 8;
			}
			if (nbits < width) {
				break; // data ended without an EOI code; tolerated like libtiff, the length check below decides
			}
			int code = (int) ((bits >>> (nbits - width)) & ((1 << width) - 1));
			nbits -= width;
			if (code == EOI) {
				break;
			}
			if (code == CLEAR) {
				next = 258;
				width = 9;
				old = -1;
				continue;
			}
			if (old < 0) {
				if (code > 255) {
					throw fail(block, "code " + code + " follows a clear code");
				}
				out[op++] = (byte) code;
				old = code;
				continue;
			}
			int firstByte;
			if (code < next) {
				op = emit(code, out, op, prefix, suffix, length, scratch);
				firstByte = first[code];
			} else if (code == next) {
				// the KwKwK case: the string of the previous code plus its own first byte
				firstByte = first[old];
				op = emit(old, out, op, prefix, suffix, length, scratch);
				if (op < out.length) {
					out[op++] = (byte) firstByte;
				}
			} else {
				throw fail(block, "invalid code " + code + " (table holds " + next + ")");
			}
			if (next < TABLE) {
				prefix[next] = old;
				suffix[next] = (byte) firstByte;
				first[next] = first[old];
				length[next] = length[old] + 1;
				next++;
			}
			if (next >= (1 << width) - 1 && width < 12) {
				width++;
			}
			old = code;
		}
		if (op < out.length) {
			throw fail(block, "data ends after " + op + " of " + out.length + " decoded bytes");
		}
		return out;
	}

	/** Writes the string of code at op (clipped to the output) and returns the new position. */
	private static int emit(int code, byte[] out, int op, int[] prefix, byte[] suffix, int[] length, byte[] scratch) {
		int n = length[code];
		int c = code;
		for (int i = n - 1; i >= 0; i--) {
			scratch[i] = suffix[c];
			c = prefix[c];
		}
		int m = Math.min(n, out.length - op);
		System.arraycopy(scratch, 0, out, op, m);
		return op + m;
	}

	private static TiffException fail(Block b, String problem) {
		return TiffException.at(b.file(), "LZW data of " + b.name(), b.offset(), problem);
	}
}
