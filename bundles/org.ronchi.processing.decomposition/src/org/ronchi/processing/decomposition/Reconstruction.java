package org.ronchi.processing.decomposition;

/**
 * The data rebuilt from the first N components of a decomposition, {@code loadings[:, :N] ·
 * factors[:, :N]ᵀ} (HyperSpy's {@code get_decomposition_model}), row by row so a denoised datacube can
 * be streamed out; a centred decomposition adds its mean back ({@code mean}: the mean signal for centre
 * navigation, null otherwise).
 */
public final class Reconstruction {
	private Reconstruction() {
	}

	/**
	 * @param loadingsRow the k loadings of one position
	 * @param factors m × k, C order (NaN in masked signal values)
	 * @param out m values
	 */
	public static void row(double[] loadingsRow, double[] factors, int m, int k, int components, double[] mean, double[] out) {
		for (int j = 0; j < m; j++) {
			double s = mean == null ? 0 : mean[j];
			for (int c = 0; c < components; c++) {
				s += loadingsRow[c] * factors[j * k + c];
			}
			out[j] = s;
		}
	}
}
