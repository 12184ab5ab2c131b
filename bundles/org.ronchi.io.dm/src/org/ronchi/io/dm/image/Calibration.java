package org.ronchi.io.dm.image;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;

/**
 * One entry of ImageData/Calibrations: Dimension/N for an axis, Brightness for the values. DM's origin
 * is in pixels: the calibrated coordinate of pixel i is {@code (i - origin) * scale}, so the offset is
 * {@code -origin * scale}.
 */
public record Calibration(double origin, double scale, String units) {
	public static final Calibration NONE = new Calibration(0, 1, "");

	public double offset() {
		return origin == 0 ? 0.0 : -origin * scale;
	}

	static Calibration of(Object tree) {
		if (!(tree instanceof MetadataTree t)) {
			return NONE;
		}
		Double origin = Attributes.asDouble(t.child("Origin"));
		Double scale = Attributes.asDouble(t.child("Scale"));
		String units = t.child("Units") instanceof String s ? s : "";
		return new Calibration(origin == null ? 0 : origin, scale == null ? 1 : scale, units);
	}
}
