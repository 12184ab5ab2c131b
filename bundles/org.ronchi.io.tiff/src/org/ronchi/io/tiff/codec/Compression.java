package org.ronchi.io.tiff.codec;

import java.nio.file.Path;

import org.ronchi.io.tiff.TiffException;

/**
 * Compression schemes (tag 259): the one place that maps a code to a decoder. Unknown and unsupported
 * codes fail here, at open, with the scheme's name, before any pixel is read.
 */
public final class Compression {
	public static final int NONE = 1;
	public static final int LZW = 5;
	public static final int OLD_JPEG = 6;
	public static final int JPEG = 7;
	public static final int ADOBE_DEFLATE = 8;
	public static final int PACKBITS = 32773;
	public static final int DEFLATE = 32946;

	private Compression() {
	}

	/**
	 * @param jpegTables  tag 347, or null
	 * @param photometric tag 262, which decides JPEG colour conversion
	 * @return the decoder, or null for uncompressed data (read in place, without decoding)
	 */
	public static BlockCodec codec(int code, byte[] jpegTables, int photometric, Path file, String where) {
		return switch (code) {
		case NONE -> null;
		case LZW -> new Lzw();
		case JPEG -> new Jpeg(jpegTables, photometric);
		case ADOBE_DEFLATE, DEFLATE -> new Deflate();
		case PACKBITS -> new PackBits();
		default -> throw new TiffException(file, where, "unsupported compression: " + code + name(code));
		};
	}

	/**
	 * @return the most a scheme can expand its input (decoded / stored bytes), used to reject forged image
	 *         sizes before allocating: PackBits 64 (2 bytes make 128), Deflate 1032 (zlib's bound), LZW 2800
	 *         (a full table of strings up to 4094 bytes, each re-emitted by one 12-bit code), JPEG a
	 *         generous 4000 (a flat 8x8 block costs a few bits)
	 */
	public static long maxRatio(int code) {
		return switch (code) {
		case NONE -> 1;
		case PACKBITS -> 64;
		case LZW -> 2800;
		case ADOBE_DEFLATE, DEFLATE -> 1032;
		default -> 4000;
		};
	}

	/** @return " (name)" for a known code, "" otherwise, for messages */
	public static String name(int code) {
		String n = switch (code) {
		case NONE -> "none";
		case 2 -> "CCITT modified Huffman";
		case 3 -> "CCITT T.4";
		case 4 -> "CCITT T.6";
		case LZW -> "LZW";
		case OLD_JPEG -> "old-style JPEG";
		case JPEG -> "JPEG";
		case ADOBE_DEFLATE, DEFLATE -> "Deflate";
		case PACKBITS -> "PackBits";
		case 34676 -> "SGI LogLuv";
		case 34712 -> "JPEG 2000";
		case 34887 -> "LERC";
		case 34925 -> "LZMA";
		case 50000 -> "Zstandard";
		case 50001 -> "WebP";
		case 50002 -> "JPEG XL";
		default -> null;
		};
		return n == null ? "" : " (" + n + ")";
	}
}
