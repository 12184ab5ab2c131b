package org.ronchi.io.tiff.meta;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.tiff.format.Ifd;
import org.ronchi.io.tiff.format.Tags;
import org.ronchi.io.tiff.vendor.Calibration;
import org.ronchi.io.tiff.vendor.DmTiffTags;
import org.ronchi.io.tiff.vendor.FeiIni;
import org.ronchi.io.tiff.vendor.ImageJDescription;
import org.ronchi.io.tiff.vendor.SightX;
import org.ronchi.io.tiff.vendor.Vendor;
import org.ronchi.io.tiff.vendor.ZeissSem;

/**
 * Picks a page's axis calibration from its most trusted vendor block: the one switch over vendors. Pixel
 * sizes in metres are shown in a readable unit ({@link org.ronchi.core.metadata.Units#compact}); vendors
 * that state a unit (DM, ImageJ, TVIPS, SightX) keep it.
 */
public final class Calibrations {
	private Calibrations() {
	}

	/**
	 * @param width          image width in pixels (Zeiss pixel sizes refer to a 1024-pixel frame)
	 * @param resolutionTags use XResolution/ResolutionUnit when no vendor calibrates the page (off by default:
	 *                       most software writes screen resolutions there)
	 */
	public static Calibration of(PageMetadata pm, int width, boolean resolutionTags) {
		for (Vendor v : pm.vendors()) {
			Calibration c = of(v, pm.vendor(v), pm, width);
			if (c != null) {
				return c;
			}
		}
		return resolutionTags ? fromResolution(pm.ifd(), width) : Calibration.NONE;
	}

	/** @return the vendor's calibration, or null to fall through to the next vendor */
	private static Calibration of(Vendor v, MetadataTree t, PageMetadata pm, int width) {
		Ifd ifd = pm.ifd();
		switch (v) {
		case FEI -> {
			double[] px = FeiIni.pixelSize(t);
			return px == null ? Calibration.NONE : Calibration.metres(px[0], px[1], width, "FEI");
		}
		case ZEISS -> {
			Double px = ZeissSem.pixelSize(t, width);
			return px == null ? Calibration.NONE : Calibration.metres(px, px, width, "Zeiss");
		}
		case TVIPS -> {
			Double x = Attributes.asDouble(t.child("PixelSizeX"));
			Double y = Attributes.asDouble(t.child("PixelSizeY"));
			if (x != null && x > 0) {
				return Calibration.metres(x * 1e-9, (y != null && y > 0 ? y : x) * 1e-9, width, "TVIPS");
			}
			double xr = ifd.real(Tags.X_RESOLUTION);
			double yr = ifd.real(Tags.Y_RESOLUTION);
			// EM-MENU writes pixels per centimetre when the header has no pixel size
			return xr > 0 ? Calibration.metres(0.01 / xr, 0.01 / (yr > 0 ? yr : xr), width, "TVIPS") : Calibration.NONE;
		}
		case OLYMPUS_SIS -> {
			Double x = Attributes.asDouble(t.child("pixelsizex"));
			Double y = Attributes.asDouble(t.child("pixelsizey"));
			return x == null || x <= 0 ? Calibration.NONE
					: Calibration.metres(x, y != null && y > 0 ? y : x, width, "Olympus SIS");
		}
		case JEOL_SIGHTX -> {
			MetadataTree r = SightX.reporter(t);
			return r == null ? Calibration.NONE
					: SightX.calibration(r, ifd.real(Tags.X_RESOLUTION), ifd.real(Tags.Y_RESOLUTION),
							ifd.scalar(Tags.RESOLUTION_UNIT, 2));
		}
		case DIGITAL_MICROGRAPH -> {
			Calibration dm = DmTiffTags.calibration(ifd);
			MetadataTree ij = pm.vendor(Vendor.IMAGEJ);
			return ij == null ? dm : merge(dm, ImageJDescription.calibration(ij, ifd));
		}
		case IMAGEJ -> {
			return ImageJDescription.calibration(t, ifd);
		}
		default -> throw new IllegalStateException("unsupported vendor: " + v);
		}
	}

	/** DM tags first, then what ImageJ's description adds (HyperSpy's order when a file carries both). */
	private static Calibration merge(Calibration dm, Calibration ij) {
		Calibration.Axis y = ij.y().unit().isEmpty() ? dm.y() : ij.y();
		Calibration.Axis x = ij.x().unit().isEmpty() ? dm.x() : ij.x();
		Calibration.Axis z = ij.z().scale() != 1 ? ij.z() : dm.z();
		return new Calibration(y, x, z, "DigitalMicrograph + ImageJ");
	}

	/** XResolution / YResolution in pixels per inch or centimetre (ResolutionUnit 2 or 3), as µm per pixel. */
	private static Calibration fromResolution(Ifd ifd, int width) {
		double xr = ifd.real(Tags.X_RESOLUTION);
		double yr = ifd.real(Tags.Y_RESOLUTION);
		long unit = ifd.scalar(Tags.RESOLUTION_UNIT, 2);
		double perUnit = unit == 2 ? 0.0254 : unit == 3 ? 0.01 : 0;
		if (!(xr > 0) || perUnit == 0) {
			return Calibration.NONE;
		}
		return Calibration.metres(perUnit / xr, perUnit / (yr > 0 ? yr : xr), width, "ResolutionUnit");
	}
}
