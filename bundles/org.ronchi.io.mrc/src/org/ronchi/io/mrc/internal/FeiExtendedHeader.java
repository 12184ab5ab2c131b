package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ronchi.io.mrc.MrcException;
import org.ronchi.core.metadata.MetadataTree;

/**
 * The FEI extended header ({@code exttyp} "FEI1" or "FEI2"), written by EPU, Tomography and Velox: one
 * record per frame, each starting with its own size and metadata version. The fields, in order, are
 * those of Thermo Fisher's "MRC2014 file format specification" (metadata version 0/1 stops after
 * "Alpha tilt max", 768 bytes; version 2 adds the fields from "Scan rotation", 888 bytes). They are
 * packed without padding and little-endian. A record is read field by field while the fields fit in
 * its declared size, so a shorter or longer record of a later version still yields what it shares.
 * Units are the specification's: metres, seconds, volts, degrees (tilts) and radians (convergence angle).
 */
final class FeiExtendedHeader {
	enum Type {
		I4(4), U4(4), I8(8), F8(8), BOOL(1), TEXT(0);

		final int size;

		Type(int size) {
			this.size = size;
		}
	}

	record Field(String name, Type type, int length) {
		int size() {
			return type == Type.TEXT ? length : type.size;
		}
	}

	static final Field[] FIELDS = {
			new Field("Metadata size", Type.I4, 0),
			new Field("Metadata version", Type.I4, 0),
			new Field("Bitmask 1", Type.U4, 0),
			new Field("Timestamp", Type.F8, 0),
			new Field("Microscope type", Type.TEXT, 16),
			new Field("D-Number", Type.TEXT, 16),
			new Field("Application", Type.TEXT, 16),
			new Field("Application version", Type.TEXT, 16),
			new Field("HT", Type.F8, 0),
			new Field("Dose", Type.F8, 0),
			new Field("Alpha tilt", Type.F8, 0),
			new Field("Beta tilt", Type.F8, 0),
			new Field("X-Stage", Type.F8, 0),
			new Field("Y-Stage", Type.F8, 0),
			new Field("Z-Stage", Type.F8, 0),
			new Field("Tilt axis angle", Type.F8, 0),
			new Field("Dual axis rotation", Type.F8, 0),
			new Field("Pixel size X", Type.F8, 0),
			new Field("Pixel size Y", Type.F8, 0),
			new Field("Unused range", Type.TEXT, 48),
			new Field("Defocus", Type.F8, 0),
			new Field("STEM Defocus", Type.F8, 0),
			new Field("Applied defocus", Type.F8, 0),
			new Field("Instrument mode", Type.I4, 0),
			new Field("Projection mode", Type.I4, 0),
			new Field("Objective lens mode", Type.TEXT, 16),
			new Field("High magnification mode", Type.TEXT, 16),
			new Field("Probe mode", Type.I4, 0),
			new Field("EFTEM On", Type.BOOL, 0),
			new Field("Magnification", Type.F8, 0),
			new Field("Bitmask 2", Type.U4, 0),
			new Field("Camera length", Type.F8, 0),
			new Field("Spot index", Type.I4, 0),
			new Field("Illuminated area", Type.F8, 0),
			new Field("Intensity", Type.F8, 0),
			new Field("Convergence angle", Type.F8, 0),
			new Field("Illumination mode", Type.TEXT, 16),
			new Field("Wide convergence angle range", Type.BOOL, 0),
			new Field("Slit inserted", Type.BOOL, 0),
			new Field("Slit width", Type.F8, 0),
			new Field("Acceleration voltage offset", Type.F8, 0),
			new Field("Drift tube voltage", Type.F8, 0),
			new Field("Energy shift", Type.F8, 0),
			new Field("Shift offset X", Type.F8, 0),
			new Field("Shift offset Y", Type.F8, 0),
			new Field("Shift X", Type.F8, 0),
			new Field("Shift Y", Type.F8, 0),
			new Field("Integration time", Type.F8, 0),
			new Field("Binning Width", Type.I4, 0),
			new Field("Binning Height", Type.I4, 0),
			new Field("Camera name", Type.TEXT, 16),
			new Field("Readout area left", Type.I4, 0),
			new Field("Readout area top", Type.I4, 0),
			new Field("Readout area right", Type.I4, 0),
			new Field("Readout area bottom", Type.I4, 0),
			new Field("Ceta noise reduction", Type.BOOL, 0),
			new Field("Ceta frames summed", Type.I4, 0),
			new Field("Direct detector electron counting", Type.BOOL, 0),
			new Field("Direct detector align frames", Type.BOOL, 0),
			new Field("Camera param reserved 0", Type.I4, 0),
			new Field("Camera param reserved 1", Type.I4, 0),
			new Field("Camera param reserved 2", Type.I4, 0),
			new Field("Camera param reserved 3", Type.I4, 0),
			new Field("Bitmask 3", Type.U4, 0),
			new Field("Camera param reserved 4", Type.I4, 0),
			new Field("Camera param reserved 5", Type.I4, 0),
			new Field("Camera param reserved 6", Type.I4, 0),
			new Field("Camera param reserved 7", Type.I4, 0),
			new Field("Camera param reserved 8", Type.I4, 0),
			new Field("Camera param reserved 9", Type.I4, 0),
			new Field("Phase Plate", Type.BOOL, 0),
			new Field("STEM Detector name", Type.TEXT, 16),
			new Field("Gain", Type.F8, 0),
			new Field("Offset", Type.F8, 0),
			new Field("STEM param reserved 0", Type.I4, 0),
			new Field("STEM param reserved 1", Type.I4, 0),
			new Field("STEM param reserved 2", Type.I4, 0),
			new Field("STEM param reserved 3", Type.I4, 0),
			new Field("STEM param reserved 4", Type.I4, 0),
			new Field("Dwell time", Type.F8, 0),
			new Field("Frame time", Type.F8, 0),
			new Field("Scan size left", Type.I4, 0),
			new Field("Scan size top", Type.I4, 0),
			new Field("Scan size right", Type.I4, 0),
			new Field("Scan size bottom", Type.I4, 0),
			new Field("Full scan FOV X", Type.F8, 0),
			new Field("Full scan FOV Y", Type.F8, 0),
			new Field("Element", Type.TEXT, 16),
			new Field("Energy interval lower", Type.F8, 0),
			new Field("Energy interval higher", Type.F8, 0),
			new Field("Method", Type.I4, 0),
			new Field("Is dose fraction", Type.BOOL, 0),
			new Field("Fraction number", Type.I4, 0),
			new Field("Start frame", Type.I4, 0),
			new Field("End frame", Type.I4, 0),
			new Field("Input stack filename", Type.TEXT, 80),
			new Field("Bitmask 4", Type.U4, 0),
			new Field("Alpha tilt min", Type.F8, 0),
			new Field("Alpha tilt max", Type.F8, 0),
			new Field("Scan rotation", Type.F8, 0),
			new Field("Diffraction pattern rotation", Type.F8, 0),
			new Field("Image rotation", Type.F8, 0),
			new Field("Scan mode enumeration", Type.I4, 0),
			new Field("Acquisition time stamp", Type.I8, 0),
			new Field("Detector commercial name", Type.TEXT, 16),
			new Field("Start tilt angle", Type.F8, 0),
			new Field("End tilt angle", Type.F8, 0),
			new Field("Tilt per image", Type.F8, 0),
			new Field("Tilt speed", Type.F8, 0),
			new Field("Beam center X pixel", Type.I4, 0),
			new Field("Beam center Y pixel", Type.I4, 0),
			new Field("CFEG flash timestamp", Type.I8, 0),
			new Field("Phase plate position index", Type.I4, 0),
			new Field("Objective aperture name", Type.TEXT, 16),
	};

	/** At most this many frames are listed in the metadata tree; the rest are counted only. */
	static final int MAX_FRAMES = 1024;

	private FeiExtendedHeader() {
	}

	/**
	 * Reads the records of the first {@code frames} frames.
	 *
	 * @return record size, version and count, and the records under {@code frames/<index>}
	 */
	static MetadataTree read(FileBytes f, long offset, long size, int frames, List<String> warnings) {
		if (size < 8) {
			throw MrcException.at(f.path(), "FEI extended header", offset, "is only " + size + " bytes");
		}
		ByteBuffer first = f.read("FEI extended header", offset, 8).order(ByteOrder.LITTLE_ENDIAN);
		int recordSize = first.getInt();
		int version = first.getInt();
		if (recordSize < 12 || recordSize > size) {
			throw MrcException.at(f.path(), "FEI extended header", offset,
					"record size " + recordSize + " does not fit in the extended header of " + size + " bytes");
		}
		long records = size / recordSize;
		int listed = (int) Math.min(Math.min(records, frames), MAX_FRAMES);
		if (listed < Math.min(records, frames)) {
			warnings.add("FEI extended header: only the first " + listed + " of " + Math.min(records, frames) + " frame records are listed");
		}
		MetadataTree t = new MetadataTree().put("record_size", recordSize).put("metadata_version", version).put("records", records);
		MetadataTree list = t.branch("frames");
		if (listed > 0) {
			ByteBuffer all = f.read("FEI extended header", offset, (int) ((long) listed * recordSize)).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < listed; i++) {
				list.put(Integer.toString(i), record(all, i * recordSize, recordSize));
			}
		}
		return t;
	}

	private static MetadataTree record(ByteBuffer b, int start, int size) {
		MetadataTree r = new MetadataTree();
		int p = start;
		for (Field field : FIELDS) {
			if (p + field.size() > start + size) {
				break;
			}
			Object v = switch (field.type()) {
			case I4 -> b.getInt(p);
			case U4 -> Integer.toUnsignedLong(b.getInt(p));
			case I8 -> b.getLong(p);
			case F8 -> b.getDouble(p);
			case BOOL -> b.get(p) != 0;
			case TEXT -> text(b, p, field.length());
			};
			r.put(field.name(), v);
			p += field.size();
		}
		return r;
	}

	private static String text(ByteBuffer b, int at, int n) {
		byte[] t = new byte[n];
		b.get(at, t);
		int end = 0;
		while (end < n && t[end] != 0) {
			end++;
		}
		return new String(t, 0, end, StandardCharsets.ISO_8859_1);
	}
}
