package org.ronchi.io.tiff.codec;

import org.ronchi.io.tiff.TiffException;

/** PackBits run-length encoding (TIFF 6.0 section 9): a signed count byte, then literals or one repeated byte. */
final class PackBits implements BlockCodec {

	@Override
	public byte[] decode(byte[] src, Block block) {
		byte[] out = new byte[block.bytes()];
		int ip = 0;
		int op = 0;
		while (op < out.length && ip < src.length) {
			int n = src[ip++];
			if (n >= 0) {
				int len = Math.min(Math.min(n + 1, src.length - ip), out.length - op);
				System.arraycopy(src, ip, out, op, len);
				ip += n + 1;
				op += len;
			} else if (n != -128 && ip < src.length) {
				int len = Math.min(1 - n, out.length - op);
				java.util.Arrays.fill(out, op, op + len, src[ip++]);
				op += len;
			}
			// -128 is a no-op by the specification
		}
		if (op < out.length) {
			throw TiffException.at(block.file(), "PackBits data of " + block.name(), block.offset(),
					"data ends after " + op + " of " + out.length + " decoded bytes");
		}
		return out;
	}
}
