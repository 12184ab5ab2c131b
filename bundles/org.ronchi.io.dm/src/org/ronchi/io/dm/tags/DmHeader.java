package org.ronchi.io.dm.tags;

import java.nio.ByteOrder;

import org.ronchi.io.dm.DmFormatException;

/**
 * The file header: version (3 or 4), the size of what follows (4 bytes in DM3, 8 in DM4) and the byte
 * order of tag values (1 = little endian). Structure fields (counts, type codes) are always big endian.
 * The root tag group starts right after it, at byte 12 (DM3) or 16 (DM4).
 *
 * @param version 3 or 4
 * @param declaredSize the size the header claims for the rest of the file
 * @param valueOrder byte order of tag values and image data
 */
public record DmHeader(int version, long declaredSize, ByteOrder valueOrder) {

	public boolean isDm4() {
		return version == 4;
	}

	/** @return the offset of the root tag group */
	public int rootOffset() {
		return isDm4() ? 16 : 12;
	}

	static DmHeader read(DmInput in) {
		long version = in.u32("header");
		if (version != 3 && version != 4) {
			throw DmFormatException.at(in.file(), "header", 0, "unsupported DM version: " + version + " (3 and 4 are read)");
		}
		long size = in.count(version == 4, "header");
		long order = in.u32("header");
		if (order != 0 && order != 1) {
			throw DmFormatException.at(in.file(), "header", version == 4 ? 12 : 8, "byte-order flag must be 0 or 1, not " + order);
		}
		return new DmHeader((int) version, size, order == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
	}

	/**
	 * The cheap content test for probing: version 3 or 4, a byte-order flag of 0 or 1, root-group flags
	 * of 0 or 1, and a first tag of kind group (20) or data (21).
	 */
	public static boolean looksLike(byte[] head) {
		if (head.length < 27 || head[0] != 0 || head[1] != 0 || head[2] != 0 || (head[3] != 3 && head[3] != 4)) {
			return false;
		}
		int p = head[3] == 4 ? 12 : 8;
		if (head[p] != 0 || head[p + 1] != 0 || head[p + 2] != 0 || (head[p + 3] & 0xfe) != 0) {
			return false;
		}
		p += 4;
		if ((head[p] & 0xfe) != 0 || (head[p + 1] & 0xfe) != 0) {
			return false;
		}
		int firstTag = p + 2 + (head[3] == 4 ? 8 : 4);
		return head[firstTag] == TagEntry.GROUP || head[firstTag] == TagEntry.DATA;
	}
}
