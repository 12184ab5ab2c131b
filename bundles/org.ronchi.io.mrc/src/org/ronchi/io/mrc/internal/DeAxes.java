package org.ronchi.io.mrc.internal;

import java.util.List;

import org.ronchi.core.model.Axis;

/**
 * Axes of a Direct Electron movie from its sidecar. Imaging frames are calibrated by
 * "Specimen Pixel Size X/Y (nanometers)"; diffraction frames are named ky, kx and left in pixels,
 * because the unit of DE's "Diffraction Pixel Size" is not stated (RosettaSciIO reads it as 1/nm,
 * DE's own examples as mrad): the value stays in the original metadata. Scan axes are in pixels (DE
 * records no scan step). The frame axis of a movie is time, {@code Autosave Movie Sum Count / Frames
 * Per Second} seconds per saved frame.
 */
final class DeAxes {
	private DeAxes() {
	}

	static List<Axis> signal(DeInfo de, MrcAxes cal, MrcHeader h) {
		Axis y = cal.axis(1, h.ny(), false);
		Axis x = cal.axis(2, h.nx(), false);
		if (de == null) {
			return List.of(y, x);
		}
		if (de.diffracting()) {
			return List.of(Axis.index("ky", h.ny()), Axis.index("kx", h.nx()));
		}
		double py = de.number("Specimen Pixel Size Y (nanometers)");
		double px = de.number("Specimen Pixel Size X (nanometers)");
		if (py > 0 && px > 0) {
			return List.of(Axis.linear("y", "nm", h.ny(), py, 0), Axis.linear("x", "nm", h.nx(), px, 0));
		}
		return List.of(y, x);
	}

	static Axis time(DeInfo de, long frames) {
		double fps = de.number("Frames Per Second");
		double sum = de.number("Autosave Movie Sum Count");
		double perFrame = (sum >= 1 ? sum : 1) / fps;
		if (fps > 0 && Double.isFinite(perFrame)) {
			return new Axis("time", "s", frames, perFrame, 0, null, true);
		}
		return Axis.index("frame", frames).withNavigate(true);
	}

	/** @return names of scan grid axes: [repeat,] y, x[, point repeat] for a DE raster, y, x[, visit] for positions */
	static String[] scanNames(DeScan scan, DeInfo de) {
		int rank = scan.navShape().length;
		if (scan.frameOf() != null) {
			return rank == 2 ? new String[] { "scan_y", "scan_x" } : new String[] { "scan_y", "scan_x", "visit" };
		}
		if (rank == 1) {
			return new String[] { "frame" };
		}
		String[] names = new String[rank];
		for (int i = 0; i < rank; i++) {
			names[i] = "nav" + i;
		}
		names[0] = "scan_y";
		names[1] = "scan_x";
		if (de != null && rank >= 3) {
			int repeats = de.positive("Scan - Repeats", 1);
			int k = 0;
			if (repeats > 1) {
				names[k++] = "repeat";
			}
			names[k++] = "scan_y";
			names[k++] = "scan_x";
			if (k < rank) {
				names[k] = "point_repeat";
			}
		}
		return names;
	}
}
