package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;

import org.ronchi.io.tia.TiaException;
import org.ronchi.core.metadata.MetadataTree;

/**
 * The header of one data element: its calibration, value type and array size, followed in the file by
 * the values. A 1-D element (DataTypeID 0x4120, a spectrum) has one calibration and
 * {@code ArrayLength}; a 2-D element (0x4122, an image) has X and Y calibrations and
 * {@code ArraySizeX} columns by {@code ArraySizeY} rows, stored row by row with the bottom row first.
 */
record SerDataElement(long offset, double[] calibrationOffset, double[] calibrationDelta, int[] calibrationElement,
		SerDataType type, int sizeX, int sizeY, int headerSize) {

	static final int HEADER_1D = 8 + 8 + 4 + 2 + 4;
	static final int HEADER_2D = 2 * (8 + 8 + 4) + 2 + 4 + 4;

	/** @return the offset of the first value */
	long dataOffset() {
		return offset + headerSize;
	}

	/** @return the number of values */
	long count() {
		return (long) sizeX * sizeY;
	}

	long dataBytes() {
		return count() * type.dtype().itemSize();
	}

	/**
	 * Reads the element header at offset; checks that its values lie inside the file.
	 *
	 * @param index the element's position in the series, for messages
	 */
	static SerDataElement read(FileBytes f, long offset, boolean spectra, int index) {
		String where = "SER data element " + index;
		ByteBuffer b = f.read(where, offset, spectra ? HEADER_1D : HEADER_2D);
		int n = spectra ? 1 : 2;
		double[] calOffset = new double[n];
		double[] calDelta = new double[n];
		int[] calElement = new int[n];
		for (int i = 0; i < n; i++) {
			calOffset[i] = b.getDouble();
			calDelta[i] = b.getDouble();
			calElement[i] = b.getInt();
		}
		SerDataType type = SerDataType.of(Short.toUnsignedInt(b.getShort()), f.path(), where + " at 0x" + Long.toHexString(offset));
		int sizeX = b.getInt();
		int sizeY = spectra ? 1 : b.getInt();
		if (sizeX <= 0 || sizeY <= 0) {
			throw TiaException.at(f.path(), where, offset, "array size " + sizeX + " x " + sizeY + " is not positive");
		}
		SerDataElement e = new SerDataElement(offset, calOffset, calDelta, calElement, type, sizeX, sizeY,
				spectra ? HEADER_1D : HEADER_2D);
		if (!f.contains(e.dataOffset(), e.dataBytes())) {
			throw TiaException.at(f.path(), where, offset,
					e.dataBytes() + " bytes of " + type.dtype().numpyName() + " values run past the end of the file (" + f.size() + " bytes)");
		}
		return e;
	}

	/** @return true if other holds values of the same type and size, so both fit one array */
	boolean sameLayout(SerDataElement other) {
		return type == other.type && sizeX == other.sizeX && sizeY == other.sizeY;
	}

	/** @return the header fields verbatim, named as in the TIA series file description */
	MetadataTree toTree() {
		MetadataTree t = new MetadataTree();
		if (calibrationOffset.length == 1) {
			t.put("CalibrationOffset", calibrationOffset[0]).put("CalibrationDelta", calibrationDelta[0])
					.put("CalibrationElement", calibrationElement[0]).put("DataType", type.code()).put("ArrayLength", sizeX);
		} else {
			t.put("CalibrationOffsetX", calibrationOffset[0]).put("CalibrationDeltaX", calibrationDelta[0])
					.put("CalibrationElementX", calibrationElement[0]).put("CalibrationOffsetY", calibrationOffset[1])
					.put("CalibrationDeltaY", calibrationDelta[1]).put("CalibrationElementY", calibrationElement[1])
					.put("DataType", type.code()).put("ArraySizeX", sizeX).put("ArraySizeY", sizeY);
		}
		return t;
	}
}
