package org.ronchi.processing.diffraction;

import java.util.Locale;

/**
 * Parameters of Bragg disk detection, named and defaulted as py4DSTEM's {@code find_Bragg_disks}
 * (snake case): {@code corr_power} 1 = cross-correlation, 0 = phase correlation, between = hybrid;
 * {@code sigma_dp} and {@code sigma_cc} Gaussian smoothing (px) of the pattern and of the correlation;
 * {@code subpixel} none, poly (parabola through 3 pixels) or multicorr (local DFT upsampling by
 * {@code upsample_factor}); peaks kept if at least {@code min_absolute_intensity} and
 * {@code min_relative_intensity} × the intensity of peak {@code relative_to_peak}, at least
 * {@code min_peak_spacing} px from a brighter kept peak and {@code edge_boundary} px from the edge, at
 * most {@code max_peaks}.
 */
public record BraggParams(double corrPower, double sigmaDp, double sigmaCc, Subpixel subpixel, int upsampleFactor,
		double minAbsoluteIntensity, double minRelativeIntensity, int relativeToPeak, double minPeakSpacing, int edgeBoundary,
		int maxPeaks) {

	/** Sub-pixel refinement of correlation maxima. */
	public enum Subpixel {
		NONE, POLY, MULTICORR;

		public static Subpixel named(String s) {
			return "pixel".equalsIgnoreCase(s) ? NONE : valueOf(s.toUpperCase(Locale.ROOT));
		}
	}

	public BraggParams {
		if (corrPower < 0 || corrPower > 1) {
			throw new IllegalArgumentException("corr_power must be between 0 and 1: " + corrPower);
		}
		if (upsampleFactor < 2 && subpixel == Subpixel.MULTICORR) {
			throw new IllegalArgumentException("upsample_factor must be at least 2: " + upsampleFactor);
		}
	}

	/** py4DSTEM's defaults for a whole datacube. */
	public static BraggParams defaults() {
		return new BraggParams(1, 0, 2, Subpixel.MULTICORR, 16, 0, 0.005, 0, 60, 20, 70);
	}

	public BraggParams withMinPeakSpacing(double v) {
		return new BraggParams(corrPower, sigmaDp, sigmaCc, subpixel, upsampleFactor, minAbsoluteIntensity, minRelativeIntensity,
				relativeToPeak, v, edgeBoundary, maxPeaks);
	}

	public BraggParams withEdgeBoundary(int v) {
		return new BraggParams(corrPower, sigmaDp, sigmaCc, subpixel, upsampleFactor, minAbsoluteIntensity, minRelativeIntensity,
				relativeToPeak, minPeakSpacing, v, maxPeaks);
	}

	public BraggParams withSubpixel(Subpixel v) {
		return new BraggParams(corrPower, sigmaDp, sigmaCc, v, upsampleFactor, minAbsoluteIntensity, minRelativeIntensity,
				relativeToPeak, minPeakSpacing, edgeBoundary, maxPeaks);
	}

	public BraggParams withCorrPower(double v) {
		return new BraggParams(v, sigmaDp, sigmaCc, subpixel, upsampleFactor, minAbsoluteIntensity, minRelativeIntensity,
				relativeToPeak, minPeakSpacing, edgeBoundary, maxPeaks);
	}

	public BraggParams withMaxPeaks(int v) {
		return new BraggParams(corrPower, sigmaDp, sigmaCc, subpixel, upsampleFactor, minAbsoluteIntensity, minRelativeIntensity,
				relativeToPeak, minPeakSpacing, edgeBoundary, v);
	}

	public BraggParams withMinRelativeIntensity(double v) {
		return new BraggParams(corrPower, sigmaDp, sigmaCc, subpixel, upsampleFactor, minAbsoluteIntensity, v, relativeToPeak,
				minPeakSpacing, edgeBoundary, maxPeaks);
	}
}
