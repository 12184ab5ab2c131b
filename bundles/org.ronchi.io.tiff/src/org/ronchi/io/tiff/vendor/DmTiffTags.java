package org.ronchi.io.tiff.vendor;

import org.ronchi.core.model.Attributes;
import org.ronchi.io.tiff.format.Ifd;

/**
 * The private tags 65003-65027 DigitalMicrograph writes when it exports a TIFF: units, origins and scales of
 * the x (columns), y (rows) and z axes, the intensity calibration, and (65027) its own tag group as a binary
 * blob. Undocumented; the meaning of each number is HyperSpy's (rsciio tiff), including that the "origin"
 * tags are calibrated offsets, which the DM-exported test file confirms (139.66264 µm).
 */
public final class DmTiffTags {
	public static final int X_UNITS = 65003;
	public static final int Y_UNITS = 65004;
	public static final int Z_UNITS = 65005;
	public static final int X_ORIGIN = 65006;
	public static final int Y_ORIGIN = 65007;
	public static final int Z_ORIGIN = 65008;
	public static final int X_SCALE = 65009;
	public static final int Y_SCALE = 65010;
	public static final int Z_SCALE = 65011;
	public static final int INTENSITY_UNITS = 65022;
	public static final int INTENSITY_OFFSET = 65024;
	public static final int INTENSITY_SCALE = 65025;

	private DmTiffTags() {
	}

	/** @return true if the page carries DM calibration tags */
	public static boolean present(Ifd ifd) {
		for (int t : new int[] { X_UNITS, Y_UNITS, Z_UNITS, X_ORIGIN, Y_ORIGIN, Z_ORIGIN, X_SCALE, Y_SCALE, Z_SCALE,
				INTENSITY_UNITS, INTENSITY_OFFSET, INTENSITY_SCALE }) {
			if (ifd.has(t)) {
				return true;
			}
		}
		return false;
	}

	public static Calibration calibration(Ifd ifd) {
		return new Calibration(axis(ifd, Y_SCALE, Y_ORIGIN, Y_UNITS), axis(ifd, X_SCALE, X_ORIGIN, X_UNITS),
				axis(ifd, Z_SCALE, Z_ORIGIN, Z_UNITS), "DigitalMicrograph");
	}

	private static Calibration.Axis axis(Ifd ifd, int scaleTag, int originTag, int unitsTag) {
		double scale = ifd.real(scaleTag);
		double origin = ifd.real(originTag);
		String unit = ifd.ascii(unitsTag);
		return new Calibration.Axis(Double.isNaN(scale) || scale == 0 ? 1 : scale, Double.isNaN(origin) ? 0 : origin,
				unit == null ? "" : unit.strip());
	}

	/** @return the intensity units (65022), or null */
	public static String intensityUnits(Ifd ifd) {
		String u = ifd.ascii(INTENSITY_UNITS);
		return u == null || u.isBlank() ? null : Attributes.asString(u).strip();
	}
}
