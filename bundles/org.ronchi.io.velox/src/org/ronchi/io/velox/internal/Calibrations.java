package org.ronchi.io.velox.internal;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;

/**
 * Axes from a signal's metadata: the scan or camera pixel grid from {@code BinaryResult}
 * ({@code PixelSize}, {@code Offset}, {@code PixelUnitX/Y}), frame times from {@code Scan/FrameTime}
 * or the detector's {@code ExposureTime}, and the EDS energy scale from the detector's
 * {@code Dispersion} and {@code OffsetEnergy} (eV per channel, eV), given in keV.
 */
final class Calibrations {
	private Calibrations() {
	}

	/**
	 * @return the y and x axes of a {@code rows x cols} grid; y takes x's unit, as HyperSpy does, so that
	 *         both read alike even in {@link AxisUnits.Mode#COMPACT}
	 */
	static Axis[] grid(MetadataTree original, long rows, long cols, boolean navigate, AxisUnits.Mode mode) {
		Object br = original.child("BinaryResult");
		MetadataTree b = br instanceof MetadataTree t ? t : new MetadataTree();
		double width = number(b.at("PixelSize", "width"), 1);
		double height = number(b.at("PixelSize", "height"), 1);
		String unit = Attributes.asString(b.child("PixelUnitX"));
		AxisUnits.Calibration x = AxisUnits.convert(width, number(b.at("Offset", "x"), 0), unit, cols, mode);
		AxisUnits.Calibration y = AxisUnits.convert(height, number(b.at("Offset", "y"), 0), unit, cols, mode);
		return new Axis[] { new Axis("y", y.units(), rows, y.scale(), y.offset(), null, navigate),
				new Axis("x", x.units(), cols, x.scale(), x.offset(), null, navigate) };
	}

	/** @return a navigation axis of frames: the frame time if the metadata has one, else frame numbers */
	static Axis frames(MetadataTree original, long count, long first, long prefixSize, AxisUnits.Mode mode) {
		Object t = original.at("Scan", "FrameTime");
		if (t == null) {
			MetadataTree d = VeloxMetadata.detector(original);
			t = d == null ? null : d.child("ExposureTime");
		}
		Double time = Attributes.asDouble(t);
		if (time == null || !(time > 0)) {
			return new Axis("frame", "", count, 1, first, null, true);
		}
		AxisUnits.Calibration c = AxisUnits.convert(time, first * time, "s", prefixSize, mode);
		return new Axis("Time", c.units(), count, c.scale(), c.offset(), null, true);
	}

	/**
	 * @return the EDS energy axis in keV; channel-index scale when the detector has no calibration
	 *         (RosettaSciIO's fallback)
	 */
	static Axis energy(MetadataTree original, String name, long size, int rebin) {
		MetadataTree d = VeloxMetadata.detector(original);
		if (d == null || d.child("Dispersion") == null) {
			d = anyCalibratedDetector(original);
		}
		Double dispersion = d == null ? null : Attributes.asDouble(d.child("Dispersion"));
		Double offset = d == null ? null : Attributes.asDouble(d.child("OffsetEnergy"));
		if (dispersion == null || offset == null) {
			return new Axis(name, "", size, rebin, 0, null, false);
		}
		return new Axis(name, "keV", size, dispersion / 1000 * rebin, offset / 1000, null, false);
	}

	/** RosettaSciIO's lookup: the first detector whose name contains BinaryResult/Detector and that has a dispersion. */
	private static MetadataTree anyCalibratedDetector(MetadataTree original) {
		String name = Attributes.asString(original.at("BinaryResult", "Detector"));
		if (name == null || !(original.child("Detectors") instanceof MetadataTree all)) {
			return null;
		}
		for (Object o : all.entries().values()) {
			if (o instanceof MetadataTree d && d.child("Dispersion") != null
					&& String.valueOf(Attributes.asString(d.child("DetectorName"))).contains(name)) {
				return d;
			}
		}
		return null;
	}

	static double number(Object v, double fallback) {
		Double d = Attributes.asDouble(v);
		return d == null || !Double.isFinite(d) ? fallback : d;
	}
}
