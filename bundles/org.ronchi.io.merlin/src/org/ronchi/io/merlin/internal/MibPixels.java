package org.ronchi.io.merlin.internal;

import java.nio.file.Path;

import org.ronchi.core.model.DType;
import org.ronchi.io.merlin.MerlinException;

/**
 * How the pixels after a frame header are stored, from the header's pixel type, counter depth and
 * layout, and the frame they make.
 * <ul>
 * <li>Processed ({@code U08 U16 U32}): big-endian counts, rows of the assembled detector (quads with
 * their gaps for {@code 2x2G}); 1- and 6-bit counts are stored as U08, 12-bit as U16, 24-bit as U32.</li>
 * <li>RAW ({@code R64}): each chip row as the readout sends it, in 64-bit words whose bytes come in
 * reverse ({@link RawFrames} decodes them): 1 bit packed, 6 bits one byte per pixel, 12 bits one
 * u16 per pixel; 24 bits are two 12-bit frames, most significant first, and the header's width counts
 * both. A quad's RAW rows hold the four chips side by side, in the order the chips are read out.</li>
 * </ul>
 */
final class MibPixels {
	final DType dtype;
	/** Bytes of pixels after each header. */
	final long bytes;
	/** The frame shown: rows and columns after RAW chips are placed. */
	final int rows;
	final int columns;
	final boolean raw;
	final boolean quad;
	final int depth;
	/** Pixels per row of the RAW stream (one 12-bit half of a 24-bit frame), and its rows. */
	final int streamWidth;
	final int streamRows;

	private MibPixels(DType dtype, long bytes, int rows, int columns, boolean raw, boolean quad, int depth, int streamWidth, int streamRows) {
		this.dtype = dtype;
		this.bytes = bytes;
		this.rows = rows;
		this.columns = columns;
		this.raw = raw;
		this.quad = quad;
		this.depth = depth;
		this.streamWidth = streamWidth;
		this.streamRows = streamRows;
	}

	/** @throws MerlinException naming the header field that makes the frames unreadable */
	static MibPixels of(Path file, String where, MibHeader h) {
		long pixels = (long) h.width * h.height;
		switch (h.pixelType) {
		case "U08":
			return new MibPixels(DType.UINT8, pixels, h.height, h.width, false, false, h.depth, h.width, h.height);
		case "U16":
			return new MibPixels(DType.UINT16, pixels * 2, h.height, h.width, false, false, h.depth, h.width, h.height);
		case "U32":
			return new MibPixels(DType.UINT32, pixels * 4, h.height, h.width, false, false, h.depth, h.width, h.height);
		case "R64":
			return raw(file, where, h);
		default:
			throw new MerlinException(file, where, "unsupported pixel type: " + h.pixelType + " (U08, U16, U32 and R64 are read)");
		}
	}

	private static MibPixels raw(Path file, String where, MibHeader h) {
		if (h.depth == 0) {
			throw new MerlinException(file, where, "RAW (R64) frames need the counter depth of the header's MQ1A part, which this header lacks");
		}
		int width = h.width;
		int group;
		long bytes;
		DType dtype;
		switch (h.depth) {
		case 1:
			group = 64;
			bytes = (long) width * h.height / 8;
			dtype = DType.UINT8;
			break;
		case 6:
			group = 8;
			bytes = (long) width * h.height;
			dtype = DType.UINT8;
			break;
		case 12:
			group = 4;
			bytes = (long) width * h.height * 2;
			dtype = DType.UINT16;
			break;
		default: // 24: two 12-bit frames side by side in the header's width
			if (width % 2 != 0) {
				throw new MerlinException(file, where, "24-bit RAW width " + width + " is not two 12-bit frames");
			}
			width /= 2;
			group = 4;
			bytes = (long) width * h.height * 4;
			dtype = DType.UINT32;
			break;
		}
		if (width % group != 0) {
			throw new MerlinException(file, where, h.depth + "-bit RAW rows of " + width + " pixels are not whole groups of " + group
					+ " (the 64-bit words of the readout)");
		}
		if (h.quad()) {
			int chip = width / 4;
			if (width % 4 != 0 || chip != h.height) {
				throw new MerlinException(file, where, "quad RAW frame of " + width + " x " + h.height
						+ " is not four square chips side by side (expected a width of 4 x " + h.height + ")");
			}
			return new MibPixels(dtype, bytes, 2 * chip, 2 * chip, true, true, h.depth, width, h.height);
		}
		if (h.chips != 1) {
			throw new MerlinException(file, where, "RAW frames of " + h.chips + " chips in layout " + h.layout + " are not read (single chip and 2x2 are)");
		}
		return new MibPixels(dtype, bytes, h.height, width, true, false, h.depth, width, h.height);
	}

	/** @return bytes from one frame header to the next */
	long stride(MibHeader h) {
		return h.size + bytes;
	}

	@Override
	public String toString() {
		return (raw ? "RAW " + depth + "-bit" : dtype.numpyName()) + " " + rows + " x " + columns + (quad ? " (quad)" : "");
	}
}
