package org.ronchi.io.tiff.vendor;

/**
 * Vendor metadata a page can carry, in the order they are trusted for calibration (the order HyperSpy uses:
 * an FEI block wins over DM tags an export may have added), each with its mapping file
 * ({@code mappings/<name>.map}) and the key of its branch in the original metadata.
 */
public enum Vendor {
	FEI("fei-tiff", "FEI_HELIOS"),
	ZEISS("zeiss-tiff", "CZ_SEM"),
	TVIPS("tvips-tiff", "TVIPS"),
	OLYMPUS_SIS("olympus-sis-tiff", "OlympusSIS"),
	JEOL_SIGHTX("jeol-sightx-tiff", "JEOL_SightX"),
	DIGITAL_MICROGRAPH("dm-tiff", "TIFF"),
	IMAGEJ(null, "ImageJ");

	private final String mapping;
	private final String branch;

	Vendor(String mapping, String branch) {
		this.mapping = mapping;
		this.branch = branch;
	}

	/** @return the mapping file's name without ".map", or null if the vendor has nothing to map */
	public String mapping() {
		return mapping;
	}

	/** @return the original-metadata branch holding the vendor's block (FEI_SFEG files use that key instead) */
	public String branch() {
		return branch;
	}
}
