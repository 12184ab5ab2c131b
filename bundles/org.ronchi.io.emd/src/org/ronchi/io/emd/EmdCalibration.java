package org.ronchi.io.emd;

/**
 * py4DSTEM's Calibration: the Metadata named "calibration" of a tree's root (shared by every node of the
 * tree), holding pixel sizes and units of real (R) and diffraction (Q) space, origins, ellipse and
 * rotation parameters. This view reads the common ones; {@link EmdMetadata#params()} has them all.
 */
public record EmdCalibration(EmdMetadata metadata) {
	public static final String NAME = "calibration";

	/** @return the root's calibration, or null if the tree has none */
	public static EmdCalibration of(EmdNode anyNode) {
		EmdMetadata m = anyNode.root().metadata(NAME);
		return m == null ? null : new EmdCalibration(m);
	}

	public Double qPixelSize() {
		return number("Q_pixel_size");
	}

	public Double rPixelSize() {
		return number("R_pixel_size");
	}

	/** @return Q pixel units made readable ("A^-1" is "1 / Å") */
	public String qPixelUnits() {
		return EmdUnits.emd1(text("Q_pixel_units"));
	}

	public String rPixelUnits() {
		return EmdUnits.emd1(text("R_pixel_units"));
	}

	private Double number(String key) {
		return metadata.get(key) instanceof Number n ? n.doubleValue() : null;
	}

	private String text(String key) {
		return metadata.get(key) instanceof String s ? s : null;
	}
}
