package org.ronchi.processing.decomposition;

/**
 * A truncated SVD/PCA of an unfolded matrix X (n positions × m signal values) in HyperSpy's layout:
 * {@code X ≈ loadings · factorsᵀ}, factors with unit-norm columns (m × k, C order), loadings = U·S
 * (n × k), signs such that each loading's largest absolute value is positive (HyperSpy's
 * {@code svd_flip}). After Poisson normalisation factors and loadings are rescaled as HyperSpy does;
 * masked positions and signal values are NaN.
 *
 * @param singularValues k values, largest first
 * @param explainedVariance S² / n (n: positions used)
 * @param explainedVarianceRatio S² / ‖X‖² (the fraction of the total, as HyperSpy's full SVD gives)
 * @param method "gram", "sketch-exact" or "randomized"
 * @param passes passes over the data
 */
public record SvdResult(double[] singularValues, double[] explainedVariance, double[] explainedVarianceRatio, double[] factors,
		double[] loadings, int rows, int columns, String method, int passes) {

	public int components() {
		return singularValues.length;
	}
}
