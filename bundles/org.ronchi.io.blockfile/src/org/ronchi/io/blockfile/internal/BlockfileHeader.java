package org.ronchi.io.blockfile.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.blockfile.BlockfileException;

/**
 * The fixed little-endian header at the start of a blockfile (240 bytes, no padding), then a free-text
 * note up to {@code Data_offset_1}. Field names are those of RosettaSciIO's {@code blockfile} reader (the
 * only public description of the format), kept verbatim in the original metadata:
 *
 * <pre>
 * 0 ID "IMGBLO" | 6 MAGIC u16 (0x0102) | 8 Data_offset_1 u32 (navigation image) | 12 Data_offset_2 u32 (patterns)
 * 16 UNKNOWN1 u32 | 20 DP_SZ u16 (pattern side) | 22 DP_rotation u16 | 24 NX u16 | 26 NY u16
 * 28 Scan_rotation u16 (1/100 deg) | 30 SX f64, 38 SY f64 (scan step, nm) | 46 Beam_energy u32 (V)
 * 50 SDP u16 (pattern pixels per cm, x100) | 52 Camera_length u32 (1/10 mm) | 56 Acquisition_time f64 (days since 1899-12-30)
 * 64 Centering_N0..7 f64 | 128 Distortion_N00..13 f64 | 240 note (Latin-1, NUL padded)
 * </pre>
 */
record BlockfileHeader(int magic, long navOffset, long dataOffset, int patternSize, int nx, int ny, double sx, double sy, int sdp,
		double acquisitionTime, MetadataTree tree) {
	static final int SIZE = 240;
	static final String ID = "IMGBLO";
	static final int MAGIC = 0x0102;
	/** Day 0 of the serial date in {@code Acquisition_time} (as OLE Automation dates count). */
	private static final LocalDateTime SERIAL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);

	static BlockfileHeader read(FileBytes f) {
		Path p = f.path();
		ByteBuffer b = f.read("blockfile header", 0, SIZE);
		byte[] id = new byte[6];
		b.get(0, id);
		String ident = new String(id, StandardCharsets.ISO_8859_1);
		if (!ID.equals(ident)) {
			throw BlockfileException.at(p, "blockfile header", 0, "starts with \"" + ident.replaceAll("\\p{Cntrl}", "?") + "\", not IMGBLO");
		}
		MetadataTree t = new MetadataTree();
		t.put("ID", ident);
		int magic = Short.toUnsignedInt(b.getShort(6));
		t.put("MAGIC", magic);
		long off1 = Integer.toUnsignedLong(b.getInt(8));
		long off2 = Integer.toUnsignedLong(b.getInt(12));
		t.put("Data_offset_1", off1);
		t.put("Data_offset_2", off2);
		t.put("UNKNOWN1", Integer.toUnsignedLong(b.getInt(16)));
		int dp = u16(b, 20);
		t.put("DP_SZ", dp);
		t.put("DP_rotation", u16(b, 22));
		int nx = u16(b, 24);
		int ny = u16(b, 26);
		t.put("NX", nx);
		t.put("NY", ny);
		t.put("Scan_rotation", u16(b, 28));
		double sx = b.getDouble(30);
		double sy = b.getDouble(38);
		t.put("SX", sx);
		t.put("SY", sy);
		t.put("Beam_energy", Integer.toUnsignedLong(b.getInt(46)));
		int sdp = u16(b, 50);
		t.put("SDP", sdp);
		t.put("Camera_length", Integer.toUnsignedLong(b.getInt(52)));
		double when = b.getDouble(56);
		t.put("Acquisition_time", when);
		for (int i = 0; i < 8; i++) {
			t.put("Centering_N" + i, b.getDouble(64 + 8 * i));
		}
		for (int i = 0; i < 14; i++) {
			t.put(String.format(Locale.ROOT, "Distortion_N%02d", i), b.getDouble(128 + 8 * i));
		}
		if (dp == 0 || nx == 0 || ny == 0) {
			throw BlockfileException.at(p, "blockfile header", 20, "pattern size " + dp + ", scan " + nx + " x " + ny + ": every size must be at least 1");
		}
		if (off1 < SIZE || off1 > f.size()) {
			throw BlockfileException.at(p, "blockfile header field Data_offset_1", 8,
					off1 + " is not between the end of the header (" + SIZE + ") and the end of the file (" + f.size() + ")");
		}
		if (off2 < off1 + (long) nx * ny || off2 > f.size()) {
			throw BlockfileException.at(p, "blockfile header field Data_offset_2", 12, off2 + " is not between the end of the " + ny + " x " + nx
					+ " navigation image (" + (off1 + (long) nx * ny) + ") and the end of the file (" + f.size() + ")");
		}
		ByteBuffer note = f.read("blockfile note", SIZE, off1 - SIZE);
		t.put("Note", StandardCharsets.ISO_8859_1.decode(note).toString().replaceAll("^\\x00+|\\x00+$", ""));
		return new BlockfileHeader(magic, off1, off2, dp, nx, ny, sx, sy, sdp, when, t);
	}

	private static int u16(ByteBuffer b, int at) {
		return Short.toUnsignedInt(b.getShort(at));
	}

	/** @return the acquisition start as ISO 8601 local time (the file records no zone), or null if unset */
	String dateTime() {
		if (!(acquisitionTime > 1 && acquisitionTime < 2_958_465)) {
			return null;
		}
		long millis = Math.round(acquisitionTime * 86_400_000d);
		return SERIAL_EPOCH.plusNanos(millis * 1_000_000L).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
	}
}
