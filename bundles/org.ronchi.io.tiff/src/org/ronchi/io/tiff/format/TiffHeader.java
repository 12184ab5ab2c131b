package org.ronchi.io.tiff.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ronchi.core.io.FileBytes;
import org.ronchi.io.tiff.TiffException;

/**
 * The image file header (TIFF 6.0 section 2, "Image File Header"; BigTIFF adds version 43 with 8-byte
 * offsets): byte order mark, version, offset of the first IFD.
 *
 * @param order  byte order of every multi-byte value in the file
 * @param big    BigTIFF (8-byte offsets and counts, 20-byte IFD entries)
 * @param firstIfd offset of the first image file directory
 */
public record TiffHeader(ByteOrder order, boolean big, long firstIfd) {

	/** @return the order mark and version if the bytes start a TIFF or BigTIFF header, else null */
	public static ByteOrder sniff(byte[] head) {
		if (head.length < 8) {
			return null;
		}
		ByteOrder order;
		if (head[0] == 'I' && head[1] == 'I') {
			order = ByteOrder.LITTLE_ENDIAN;
		} else if (head[0] == 'M' && head[1] == 'M') {
			order = ByteOrder.BIG_ENDIAN;
		} else {
			return null;
		}
		int version = ByteBuffer.wrap(head, 2, 2).order(order).getShort() & 0xffff;
		return version == 42 || version == 43 ? order : null;
	}

	/** Reads the header: byte order, BigTIFF or not, first IFD. */
	public static TiffHeader read(FileBytes ch) {
		ByteBuffer probe = ch.read("TIFF header", 0, Math.min(16, ch.size()));
		byte[] head = new byte[probe.remaining()];
		probe.get(head);
		ByteOrder order = sniff(head);
		if (order == null) {
			throw TiffException.at(ch.path(), "TIFF header", 0, "not a TIFF file (no II*/MM* byte-order mark)");
		}
		ByteBuffer b = ByteBuffer.wrap(head).order(order);
		int version = b.getShort(2) & 0xffff;
		if (version == 42) {
			return new TiffHeader(order, false, b.getInt(4) & 0xffffffffL);
		}
		if (head.length < 16) {
			throw TiffException.at(ch.path(), "BigTIFF header", 0, "truncated: 16 bytes needed, file has " + head.length);
		}
		int offsetSize = b.getShort(4) & 0xffff;
		if (offsetSize != 8) {
			throw TiffException.at(ch.path(), "BigTIFF header", 4, "unsupported offset size " + offsetSize + " (only 8)");
		}
		return new TiffHeader(order, true, b.getLong(8));
	}

	/** @return "TIFF (little-endian)", "BigTIFF (big-endian)", ... */
	public String describe() {
		return (big ? "BigTIFF" : "TIFF") + (order == ByteOrder.LITTLE_ENDIAN ? " (little-endian)" : " (big-endian)");
	}
}
