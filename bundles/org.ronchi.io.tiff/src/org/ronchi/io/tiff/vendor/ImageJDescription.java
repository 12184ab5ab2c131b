package org.ronchi.io.tiff.vendor;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.tiff.format.Ifd;
import org.ronchi.io.tiff.format.Tags;

/**
 * The ImageDescription ImageJ writes ("ImageJ=1.51a\nimages=2\nslices=2\nunit=micron\nspacing=2.5\n..."):
 * one key=value per line. ImageJ's TiffEncoder is the reference: pixel size is 1/XResolution in
 * {@code unit}, {@code spacing} the z step, {@code finterval} the time step; {@code images} pages form a
 * hyperstack of {@code frames} x {@code slices} x {@code channels}.
 */
public final class ImageJDescription {
	private ImageJDescription() {
	}

	/** @return the parsed description, or null if it is not ImageJ's */
	public static MetadataTree parse(String description) {
		if (description == null || !description.startsWith("ImageJ=")) {
			return null;
		}
		MetadataTree t = new MetadataTree();
		for (String line : description.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				String key = line.substring(0, eq).strip();
				String value = line.substring(eq + 1).strip();
				t.put(key, key.equals("ImageJ") ? value : Numbers.parse(value));
			}
		}
		return t;
	}

	/** @return an integer entry (images, slices, frames, channels), or {@code dflt} */
	public static int count(MetadataTree ij, String key, int dflt) {
		Double d = Attributes.asDouble(ij.child(key));
		return d == null || d < 1 || d > Integer.MAX_VALUE ? dflt : (int) Math.round(d);
	}

	/** ImageJ's unit names to symbols ("micron" → "µm"); "pixel" and "" mean uncalibrated. */
	public static String unit(Object unit) {
		String u = unit == null ? "" : Attributes.asString(unit).strip();
		return switch (u) {
		case "micron", "microns", "um", "\\u00B5m" -> "µm";
		case "angstrom", "A" -> "Å";
		case "pixel", "pixels", "inch" -> "";
		default -> u;
		};
	}

	/** @return pixel size 1/XResolution (and 1/YResolution) in the description's unit, the z spacing, or NONE */
	public static Calibration calibration(MetadataTree ij, Ifd ifd) {
		String unit = unit(ij.child("unit"));
		double xr = ifd.real(Tags.X_RESOLUTION);
		double yr = ifd.real(Tags.Y_RESOLUTION);
		Calibration.Axis x = Calibration.Axis.PIXELS;
		Calibration.Axis y = Calibration.Axis.PIXELS;
		if (!unit.isEmpty() && xr > 0) {
			x = new Calibration.Axis(1 / xr, 0, unit);
			y = new Calibration.Axis(yr > 0 ? 1 / yr : 1 / xr, 0, unit(ij.child("yunit")).isEmpty() ? unit : unit(ij.child("yunit")));
		}
		Double spacing = Attributes.asDouble(ij.child("spacing"));
		Calibration.Axis z = spacing != null && spacing > 0 ? new Calibration.Axis(spacing, 0, unit(ij.child("zunit")))
				: Calibration.Axis.PIXELS;
		return new Calibration(y, x, z, "ImageJ");
	}
}
