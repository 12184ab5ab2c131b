package org.ronchi.io.tiff.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.ronchi.io.tiff.TiffException;

/** Deflate (compression 8 "Adobe Deflate" and the older 32946): a zlib stream, decoded by the JDK's Inflater. */
final class Deflate implements BlockCodec {

	@Override
	public byte[] decode(byte[] src, Block block) {
		byte[] out = new byte[block.bytes()];
		Inflater inf = new Inflater();
		try {
			inf.setInput(src);
			int op = 0;
			while (op < out.length && !inf.finished()) {
				int n = inf.inflate(out, op, out.length - op);
				if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
					break;
				}
				op += n;
			}
			if (op < out.length) {
				throw fail(block, "data ends after " + op + " of " + out.length + " decoded bytes");
			}
			return out;
		} catch (DataFormatException e) {
			throw fail(block, "corrupt zlib stream: " + e.getMessage());
		} finally {
			inf.end();
		}
	}

	private static TiffException fail(Block b, String problem) {
		return TiffException.at(b.file(), "Deflate data of " + b.name(), b.offset(), problem);
	}
}
