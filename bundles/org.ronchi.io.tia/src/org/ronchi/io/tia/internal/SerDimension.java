package org.ronchi.io.tia.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.ronchi.core.metadata.MetadataTree;

/**
 * One entry of the SER header's dimension array: the size and calibration of one navigation
 * dimension of the series (scan position, frame number, ...). The first entry varies fastest in the
 * order the data elements are stored.
 * <p>
 * The calibrated coordinate of index i is {@code calibrationOffset + (i - calibrationElement) * calibrationDelta}.
 */
record SerDimension(int size, double calibrationOffset, double calibrationDelta, int calibrationElement, String description,
		String units) {

	/** Fixed part of an entry: size, offset, delta, element, description length. */
	static final int FIXED = 4 + 8 + 8 + 4 + 4;
	/** Description and units longer than this are not text TIA writes: the header is corrupt. */
	static final int MAX_TEXT = 64 * 1024;

	/** @return the coordinate of index 0 */
	double origin() {
		return calibrationOffset - calibrationElement * calibrationDelta;
	}

	static String text(ByteBuffer b) {
		// TIA is a Windows program: its short labels ("Position", "meters") are single-byte text
		return new String(b.array(), b.arrayOffset() + b.position(), b.remaining(), StandardCharsets.ISO_8859_1);
	}

	MetadataTree toTree() {
		return new MetadataTree().put("DimensionSize", size).put("CalibrationOffset", calibrationOffset)
				.put("CalibrationDelta", calibrationDelta).put("CalibrationElement", calibrationElement)
				.put("Description", description).put("Units", units);
	}
}
