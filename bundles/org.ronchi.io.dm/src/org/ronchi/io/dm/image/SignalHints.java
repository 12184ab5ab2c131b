package org.ronchi.io.dm.image;

/**
 * What the image tags say about how to lay out an image as a signal.
 *
 * @param signalType "EELS", "EDS_TEM", "CL" or "" (names the spectral axis)
 * @param format ImageTags/Meta Data/Format, e.g. "Spectrum", "Spectrum image", or ""
 * @param orsaySpim the image has ImageTags/spim (Orsay spectrum images)
 * @param diffraction a single TEM diffraction pattern (kind "diffraction")
 */
public record SignalHints(String signalType, String format, boolean orsaySpim, boolean diffraction) {

	/** 2-D data whose last axis is a spectrum: a spectrum or spectrum image, or an Orsay spim. */
	boolean spectral() {
		return format.equals("Spectrum image") || format.equals("Spectrum") || orsaySpim;
	}

	/** Data of more than 2 dimensions stored spectrum-first that must become navigation-first. */
	boolean spectrumImage() {
		return format.equals("Spectrum image") || orsaySpim;
	}
}
