package org.ronchi.io.tiff.vendor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.tiff.format.Text;

/**
 * Olympus Soft Imaging Solutions' "SIS0" structure, at the offset held by tag 33560 (little-endian
 * whatever the file's order): a 60-byte header (date, name, count of sub-blocks), then 8-byte sub-block
 * entries; sub-block type 1 holds the pixel size (mantissas and a power-of-ten exponent, in metres), the
 * magnification and camera name. No specification is public; only these fields are known (tifffile).
 */
public final class OlympusSis {
	private OlympusSis() {
	}

	/** @return the known fields, or null if the structure is not there */
	public static MetadataTree read(FileBytes ch, long offset) {
		if (!ch.contains(offset, 60)) {
			return null;
		}
		ByteBuffer h = ch.read("Olympus SIS header", offset, 60).order(ByteOrder.LITTLE_ENDIAN);
		if (h.get(0) != 'S' || h.get(1) != 'I' || h.get(2) != 'S' || h.get(3) != '0') {
			return null;
		}
		MetadataTree t = new MetadataTree();
		int minute = h.getShort(10);
		int hour = h.getShort(12);
		int day = h.getShort(14);
		int month = h.getShort(16);
		int year = h.getShort(18);
		byte[] name = new byte[32];
		h.position(26);
		h.get(name);
		int blocks = h.getShort(58);
		t.put("name", Text.decodeToNul(name));
		try {
			t.put("datetime", Dates.iso(LocalDateTime.of(1900 + year, month + 1, day, hour, minute)));
		} catch (java.time.DateTimeException e) {
			// an invalid date is left out, as tifffile does
		}
		if (blocks < 0 || !ch.contains(offset + 60, 8L * blocks)) {
			return t;
		}
		ByteBuffer entries = ch.read("Olympus SIS blocks", offset + 60, 8L * blocks).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < blocks; i++) {
			int type = entries.getShort();
			entries.getShort();
			long at = entries.getInt() & 0xffffffffL;
			if (type == 1 && ch.contains(at, 112)) {
				ByteBuffer g = ch.read("Olympus SIS general block", at, 112).order(ByteOrder.LITTLE_ENDIAN);
				double m = Math.pow(10, g.getShort(10));
				t.put("pixelsizex", g.getDouble(12) * m);
				t.put("pixelsizey", g.getDouble(20) * m);
				t.put("magnification", g.getDouble(36));
				byte[] cam = new byte[34];
				g.position(46);
				g.get(cam);
				byte[] pic = new byte[32];
				g.get(pic);
				t.put("cameraname", Text.decodeToNul(cam));
				t.put("picturetype", Text.decodeToNul(pic));
			}
		}
		return t;
	}
}
