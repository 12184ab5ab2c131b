package org.ronchi.io.tvips.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ronchi.core.io.ByteSource;
import org.ronchi.core.metadata.MetadataTree;

/**
 * The little-endian header before each frame's pixels. Version 1 has the first three fields (12 bytes);
 * version 2 has {@code frameheaderbytes} bytes, of which the fields below are known (RosettaSciIO's names;
 * {@code scan_x}/{@code scan_y}, the scan position of the frame as float32, as LiberTEM reads them). Fields
 * past the header's size are absent.
 *
 * <pre>
 * 0 num u32 | 4 timestamp u32 (s since 1970) | 8 ms u32 | 12 LUTidx u32 | 16 fcurrent f32 | 20 mag u32
 * 24 mode u32 (1 image, 2 diffraction) | 28 stagex, 32 stagey, 36 stagez, 40 stagea, 44 stageb f32
 * 48 rotidx u32 | 52 temperature f32 | 56 objective f32 | 68 scan_x f32 | 72 scan_y f32
 * </pre>
 */
final class TvipsFrameHeader {
	static final int V1_SIZE = 12;
	/** The header must reach past scan_y for frames to carry their scan position. */
	static final int SCAN_END = 76;
	private static final String[] NAMES = { "num", "timestamp", "ms", "LUTidx", "fcurrent", "mag", "mode", "stagex", "stagey", "stagez",
			"stagea", "stageb", "rotidx", "temperature", "objective" };
	/** Which of {@link #NAMES} are float32 (the others are u32). */
	private static final boolean[] FLOAT = { false, false, false, false, true, false, false, true, true, true, true, true, false, true, true };

	private final ByteBuffer b;

	private TvipsFrameHeader(ByteBuffer b) {
		this.b = b;
	}

	/** Reads frame k's header (only its header: the pixels are read by the layout when asked for). */
	static TvipsFrameHeader read(ByteSource bytes, TvipsSeriesHeader h, long k) {
		int n = (int) Math.min(h.frameHeader(), SCAN_END);
		ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
		bytes.readFully("TVIPS frame header " + k, h.size() + k * h.record(), b);
		return new TvipsFrameHeader(b.flip());
	}

	private long u32(int at) {
		return at + 4 <= b.limit() ? Integer.toUnsignedLong(b.getInt(at)) : 0;
	}

	/** @return seconds since 1970 (UTC) with the millisecond field added */
	double time() {
		return u32(4) + u32(8) / 1000.0;
	}

	/** @return seconds from this frame's time stamp to other's (exact to the millisecond, unlike a difference of {@link #time()}s) */
	double secondsTo(TvipsFrameHeader other) {
		return (other.u32(4) - u32(4)) + (other.u32(8) - (double) u32(8)) / 1000.0;
	}

	/** @return 1 (image), 2 (diffraction) or 0 if the header does not say */
	long mode() {
		return u32(24);
	}

	boolean hasScanPosition() {
		return b.limit() >= SCAN_END;
	}

	/** @return the scan column of this frame, rounded (the header stores a float) */
	long scanX() {
		return Math.round(b.getFloat(68));
	}

	/** @return the scan row of this frame, rounded */
	long scanY() {
		return Math.round(b.getFloat(72));
	}

	/** @return the known fields present, verbatim */
	MetadataTree tree() {
		MetadataTree t = new MetadataTree();
		for (int i = 0; i < NAMES.length && 4 * i + 4 <= b.limit(); i++) {
			t.put(NAMES[i], FLOAT[i] ? (Object) Double.valueOf(b.getFloat(4 * i)) : (Object) Long.valueOf(u32(4 * i)));
		}
		if (hasScanPosition()) {
			t.put("scan_x", (double) b.getFloat(68));
			t.put("scan_y", (double) b.getFloat(72));
		}
		return t;
	}
}
