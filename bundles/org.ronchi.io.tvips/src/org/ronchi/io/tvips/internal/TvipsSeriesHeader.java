package org.ronchi.io.tvips.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.DType;
import org.ronchi.io.tvips.TvipsException;

/**
 * The little-endian series header at the start of the {@code _000} file (only there): 13 u32 fields under
 * RosettaSciIO's names, then 204 bytes of filler, 256 bytes in all ({@code size}).
 *
 * <pre>
 * 0 size | 4 version (1, 2) | 8 dimx | 12 dimy | 16 bitsperpixel (8, 16) | 20 offsetx | 24 offsety
 * 28 binx | 32 biny | 36 pixelsize (nm or 1/nm) | 40 ht (kV) | 44 magtotal | 48 frameheaderbytes (v2)
 * </pre>
 *
 * @param frameHeader bytes before each frame's pixels: 12 in version 1, {@code frameheaderbytes} in 2
 */
record TvipsSeriesHeader(long size, int version, int width, int height, DType dtype, long pixelSize, long offsetX, long offsetY,
		long frameHeader, MetadataTree tree) {
	static final int SIZE = 256;
	private static final String[] FIELDS = { "size", "version", "dimx", "dimy", "bitsperpixel", "offsetx", "offsety", "binx", "biny",
			"pixelsize", "ht", "magtotal", "frameheaderbytes" };
	/** Frames larger than this are not a detector's (and would overflow what one frame read can hold). */
	private static final long MAX_SIDE = 1 << 16;

	/** @return true if the first bytes look like a series header (for the probe; never throws) */
	static boolean plausible(ByteBuffer b) {
		if (b.remaining() < 52) {
			return false;
		}
		long size = Integer.toUnsignedLong(b.getInt(0));
		int version = b.getInt(4);
		long w = Integer.toUnsignedLong(b.getInt(8));
		long h = Integer.toUnsignedLong(b.getInt(12));
		int bits = b.getInt(16);
		return size == SIZE && (version == 1 || version == 2) && w > 0 && h > 0 && w <= MAX_SIDE && h <= MAX_SIDE && (bits == 8 || bits == 16);
	}

	static TvipsSeriesHeader read(FileBytes f) {
		Path p = f.path();
		ByteBuffer b = f.read("TVIPS series header", 0, SIZE);
		MetadataTree t = new MetadataTree();
		long[] v = new long[FIELDS.length];
		for (int i = 0; i < FIELDS.length; i++) {
			v[i] = Integer.toUnsignedLong(b.getInt(4 * i));
			t.put(FIELDS[i], v[i]);
		}
		byte[] filler = new byte[SIZE - 52];
		b.get(52, filler);
		t.put("dummy", new String(filler, StandardCharsets.ISO_8859_1).replaceAll("\\x00+$", ""));
		if (v[0] != SIZE) {
			throw TvipsException.at(p, "TVIPS series header field size", 0, v[0] + ", expected 256 (is this the _000 file of the series?)");
		}
		int version = (int) v[1];
		if (version != 1 && version != 2) {
			throw TvipsException.at(p, "TVIPS series header field version", 4, "unsupported TVIPS version: " + v[1] + " (1 and 2 are known)");
		}
		if (v[2] == 0 || v[3] == 0 || v[2] > MAX_SIDE || v[3] > MAX_SIDE) {
			throw TvipsException.at(p, "TVIPS series header fields dimx, dimy", 8, v[2] + " x " + v[3] + " is not a frame size (1 to 65536)");
		}
		DType dtype;
		if (v[4] == 8) {
			dtype = DType.UINT8;
		} else if (v[4] == 16) {
			dtype = DType.UINT16;
		} else {
			throw TvipsException.at(p, "TVIPS series header field bitsperpixel", 16, "unsupported pixel depth: " + v[4] + " (8 and 16 are known)");
		}
		long frameHeader = version == 1 ? TvipsFrameHeader.V1_SIZE : v[12];
		if (version == 2 && (frameHeader < TvipsFrameHeader.V1_SIZE || frameHeader > 1 << 20)) {
			throw TvipsException.at(p, "TVIPS series header field frameheaderbytes", 48,
					frameHeader + " is not a frame header size (12 bytes to 1 MiB)");
		}
		return new TvipsSeriesHeader(v[0], version, (int) v[2], (int) v[3], dtype, v[9], v[5], v[6], frameHeader, t);
	}

	/** @return bytes of one frame record: its header, then its pixels */
	long record() {
		return frameHeader + (long) width * height * dtype.itemSize();
	}
}
