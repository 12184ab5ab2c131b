package org.ronchi.io.tiff.vendor;

import org.ronchi.core.metadata.Units;

/**
 * Axis calibration read from a page's metadata: rows (y), columns (x) and the stack axis (z), each a linear
 * scale, offset and unit ("" when the vendor gives none).
 *
 * @param source which metadata it came from ("FEI", "DigitalMicrograph", ...), or "" when uncalibrated
 */
public record Calibration(Axis y, Axis x, Axis z, String source) {

	/** One calibrated axis. */
	public record Axis(double scale, double offset, String unit) {
		public static final Axis PIXELS = new Axis(1, 0, "");
	}

	public static final Calibration NONE = new Calibration(Axis.PIXELS, Axis.PIXELS, Axis.PIXELS, "");

	/** @return square pixels of {@code metres}, in the readable unit for an image {@code width} pixels wide */
	public static Calibration metres(double xMetres, double yMetres, int width, String source) {
		Units.Length lx = Units.compact(xMetres, width);
		double f = lx.scale() / xMetres;
		return new Calibration(new Axis(yMetres * f, 0, lx.unit()), new Axis(lx.scale(), 0, lx.unit()), Axis.PIXELS, source);
	}

	public Calibration withZ(Axis newZ) {
		return new Calibration(y, x, newZ, source);
	}
}
