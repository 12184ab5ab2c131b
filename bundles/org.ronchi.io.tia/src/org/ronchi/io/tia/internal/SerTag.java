package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;

import org.ronchi.core.metadata.MetadataTree;

/**
 * The tag of one data element: its tag type (16 bits, then 16 unused bits), the acquisition time in
 * seconds since 1970 (UTC) and, for tag type 0x4142, the beam position X, Y in metres. Tag type 0x4152
 * holds the time only. (Some descriptions of the format swap the two codes; the files and the readers
 * that open them agree on 0x4142 = time and position, 24 bytes, and 0x4152 = time only, 8 bytes.)
 */
record SerTag(int tagTypeId, long time, double positionX, double positionY) {

	/** @return the tag at offset, or null if there is none (offset 0) or it is not inside the file */
	static SerTag read(FileBytes f, long offset) {
		if (offset <= 0 || !f.contains(offset, 8)) {
			return null;
		}
		ByteBuffer b = f.read("SER tag", offset, 8);
		int type = Short.toUnsignedInt(b.getShort());
		b.getShort();
		long time = Integer.toUnsignedLong(b.getInt());
		return switch (type) {
		case SerHeader.TAG_TIME_POSITION -> {
			if (!f.contains(offset + 8, 16)) {
				yield new SerTag(type, time, Double.NaN, Double.NaN);
			}
			ByteBuffer p = f.read("SER tag", offset + 8, 16);
			yield new SerTag(type, time, p.getDouble(), p.getDouble());
		}
		case SerHeader.TAG_TIME -> new SerTag(type, time, Double.NaN, Double.NaN);
		// tags only feed metadata and the scan-order check: an unknown one is skipped, never fatal
		default -> null;
		};
	}

	boolean hasPosition() {
		return tagTypeId == SerHeader.TAG_TIME_POSITION && !Double.isNaN(positionX);
	}

	MetadataTree toTree() {
		MetadataTree t = new MetadataTree().put("TagTypeID", tagTypeId).put("Time", time);
		if (hasPosition()) {
			t.put("PositionX", positionX).put("PositionY", positionY);
		}
		return t;
	}
}
