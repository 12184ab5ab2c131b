package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.io.tia.TiaException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.metadata.MetadataTree;

/**
 * The SER series header at byte 0: byte order, series id and version, what the data elements and tags
 * are, how many there are, where the offset arrays start, and the dimension array. Version 0x0210
 * stores the offset array position (and the offsets) in 32 bits, version 0x0220 (TIA 4.7.3 and later)
 * in 64 bits.
 */
record SerHeader(int byteOrder, int seriesId, int seriesVersion, int dataTypeId, int tagTypeId, int totalElements,
		int validElements, long offsetArrayOffset, List<SerDimension> dimensions) {

	static final int LITTLE_ENDIAN = 0x4949;
	static final int SERIES_ID = 0x0197;
	static final int VERSION_32BIT = 0x0210;
	static final int VERSION_64BIT = 0x0220;
	/** Data elements are 1-D arrays (spectra). */
	static final int DATA_1D = 0x4120;
	/** Data elements are 2-D arrays (images). */
	static final int DATA_2D = 0x4122;
	/** Tags hold the acquisition time and the beam position. */
	static final int TAG_TIME_POSITION = 0x4142;
	/** Tags hold the acquisition time only. */
	static final int TAG_TIME = 0x4152;

	/** @return bytes per entry of the offset arrays */
	int offsetSize() {
		return seriesVersion == VERSION_32BIT ? 4 : 8;
	}

	/** @return the offset of the dimension array, right after the fixed header fields */
	long dimensionArrayOffset() {
		return 18 + 4 + offsetSize() + 4;
	}

	boolean isSpectra() {
		return dataTypeId == DATA_1D;
	}

	static SerHeader read(FileBytes f) {
		ByteBuffer b = f.read("SER header", 0, 18);
		int byteOrder = Short.toUnsignedInt(b.getShort());
		int seriesId = Short.toUnsignedInt(b.getShort());
		int version = Short.toUnsignedInt(b.getShort());
		if (byteOrder != LITTLE_ENDIAN) {
			throw TiaException.at(f.path(), "SER header", 0,
					String.format("byte order 0x%04x is not 0x4949 (TIA writes little-endian series only)", byteOrder));
		}
		if (seriesId != SERIES_ID) {
			throw TiaException.at(f.path(), "SER header", 2, String.format("series id 0x%04x is not 0x0197: not a TIA series file", seriesId));
		}
		int offsetSize = switch (version) {
		case VERSION_32BIT -> 4;
		case VERSION_64BIT -> 8;
		default -> throw new UnsupportedFormatException(f.path(), "SER header at 0x4", String.format("unsupported SER series version: 0x%04x", version));
		};
		int dataTypeId = b.getInt();
		int tagTypeId = b.getInt();
		int total = b.getInt();
		if (dataTypeId != DATA_1D && dataTypeId != DATA_2D) {
			throw new UnsupportedFormatException(f.path(), "SER header at 0x6", String.format("unsupported SER data type id: 0x%x", dataTypeId));
		}
		if (tagTypeId != TAG_TIME && tagTypeId != TAG_TIME_POSITION) {
			throw new UnsupportedFormatException(f.path(), "SER header at 0xa", String.format("unsupported SER tag type id: 0x%x", tagTypeId));
		}
		ByteBuffer c = f.read("SER header", 18, 4 + offsetSize + 4);
		int valid = c.getInt();
		long offsetArrayOffset = offsetSize == 4 ? Integer.toUnsignedLong(c.getInt()) : c.getLong();
		int nDims = c.getInt();
		if (total < 0 || valid < 0 || valid > total) {
			throw TiaException.at(f.path(), "SER header", 14,
					"element counts are inconsistent: " + valid + " valid of " + total + " total");
		}
		long pos = 18 + 4 + offsetSize + 4;
		if (nDims < 0 || nDims > (f.size() - pos) / (SerDimension.FIXED + 4)) {
			throw TiaException.at(f.path(), "SER header", pos - 4, "number of dimensions " + nDims + " does not fit in the file");
		}
		List<SerDimension> dims = new ArrayList<>(nDims);
		for (int i = 0; i < nDims; i++) {
			String where = "SER dimension array entry " + (i + 1);
			ByteBuffer d = f.read(where, pos, SerDimension.FIXED);
			int size = d.getInt();
			double offset = d.getDouble();
			double delta = d.getDouble();
			int element = d.getInt();
			int descLen = d.getInt();
			pos += SerDimension.FIXED;
			String description = text(f, where + " description", pos, descLen);
			pos += descLen;
			int unitsLen = f.read(where, pos, 4).getInt();
			pos += 4;
			String units = text(f, where + " units", pos, unitsLen);
			pos += unitsLen;
			if (size < 0) {
				throw TiaException.at(f.path(), where, pos, "negative dimension size " + size);
			}
			dims.add(new SerDimension(size, offset, delta, element, description, units));
		}
		return new SerHeader(byteOrder, seriesId, version, dataTypeId, tagTypeId, total, valid, offsetArrayOffset, List.copyOf(dims));
	}

	private static String text(FileBytes f, String where, long pos, int length) {
		if (length < 0 || length > SerDimension.MAX_TEXT) {
			throw TiaException.at(f.path(), where, pos, "implausible text length " + length);
		}
		return SerDimension.text(f.read(where, pos, length));
	}

	/** @return the header fields verbatim, named as in the TIA series file description */
	MetadataTree toTree() {
		MetadataTree t = new MetadataTree().put("ByteOrder", byteOrder).put("SeriesID", seriesId).put("SeriesVersion", seriesVersion)
				.put("DataTypeID", dataTypeId).put("TagTypeID", tagTypeId).put("TotalNumberElements", totalElements)
				.put("ValidNumberElements", validElements).put("OffsetArrayOffset", offsetArrayOffset)
				.put("NumberDimensions", dimensions.size());
		for (int i = 0; i < dimensions.size(); i++) {
			t.put("Dim-" + (i + 1), dimensions.get(i).toTree());
		}
		return t;
	}
}
