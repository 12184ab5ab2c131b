package org.ronchi.processing.decomposition;

/**
 * Non-negative matrix factorisation X ≈ W H (W: n × r loadings, H: r × m factors) by hierarchical
 * alternating least squares (HALS: exact coordinate descent on one component at a time, the update
 * scikit-learn's {@code NMF(solver='cd')} makes), initialised by NNDSVDa (Boutsidis &amp; Gallopoulos
 * 2008, zeros filled with the mean of X, as scikit-learn's default {@code init='nndsvda'}) from a
 * truncated SVD. Deterministic: no random start.
 * <p>
 * The pieces an out-of-core run needs: each iteration is one pass over the data in which every row of W
 * is updated on its own ({@link #updateRow}: it depends only on that row of X and on H), and WᵀX, WᵀW and
 * ‖X‖² are summed; then H is updated from those sums ({@link #updateFactors}). Matrices are C-order
 * {@code double[]}.
 */
public final class Nmf {
	private Nmf() {
	}

	/**
	 * NNDSVDa from a truncated SVD (signs do not matter: flipping a component's u and v together gives
	 * the same W and H).
	 *
	 * @param u      n × k: the SVD's loadings U·S, row-major (k ≥ r)
	 * @param v      k × m: the right singular vectors, one per row
	 * @param s      the k singular values
	 * @param mean   the mean of X (fills the near-zero entries, "a" of NNDSVDa)
	 * @param w      n × r, filled
	 * @param h      r × m, filled
	 */
	public static void init(double[] u, double[] v, double[] s, int n, int m, int k, int r, double mean, double[] w, double[] h) {
		for (int c = 0; c < r; c++) {
			double sc = c < k ? s[c] : 0;
			double[] x = new double[n];
			double[] y = new double[m];
			for (int i = 0; i < n; i++) {
				x[i] = sc == 0 ? 0 : u[i * k + c] / sc;
			}
			if (c < k) {
				System.arraycopy(v, c * m, y, 0, m);
			}
			if (c == 0) {
				for (int i = 0; i < n; i++) {
					w[i * r] = Math.sqrt(sc) * Math.abs(x[i]);
				}
				for (int j = 0; j < m; j++) {
					h[j] = Math.sqrt(sc) * Math.abs(y[j]);
				}
				continue;
			}
			double xp = positiveNorm(x, 1);
			double xn = positiveNorm(x, -1);
			double yp = positiveNorm(y, 1);
			double yn = positiveNorm(y, -1);
			boolean positive = xp * yp > xn * yn;
			double lbd = Math.sqrt(sc * (positive ? xp * yp : xn * yn));
			double nx = positive ? xp : xn;
			double ny = positive ? yp : yn;
			double sign = positive ? 1 : -1;
			for (int i = 0; i < n; i++) {
				w[i * r + c] = nx == 0 ? 0 : lbd * Math.max(sign * x[i], 0) / nx;
			}
			for (int j = 0; j < m; j++) {
				h[c * m + j] = ny == 0 ? 0 : lbd * Math.max(sign * y[j], 0) / ny;
			}
		}
		for (int i = 0; i < w.length; i++) {
			w[i] = w[i] < 1e-6 ? mean : w[i];
		}
		for (int i = 0; i < h.length; i++) {
			h[i] = h[i] < 1e-6 ? mean : h[i];
		}
	}

	/** @return the norm of the positive (sign 1) or negative (sign -1) part of a */
	private static double positiveNorm(double[] a, int sign) {
		double s = 0;
		for (double v : a) {
			double p = Math.max(sign * v, 0);
			s += p * p;
		}
		return Math.sqrt(s);
	}

	/** @return H Hᵀ (r × r) */
	public static double[] gram(double[] h, int r, int m) {
		double[] g = new double[r * r];
		for (int a = 0; a < r; a++) {
			for (int b = 0; b < r; b++) {
				double s = 0;
				for (int j = 0; j < m; j++) {
					s += h[a * m + j] * h[b * m + j];
				}
				g[a * r + b] = s;
			}
		}
		return g;
	}

	/**
	 * One HALS sweep over the r entries of one row of W (in place, at {@code offset}), component after
	 * component: {@code w_t ← max(0, w_t − (w·HHᵀ[:, t] − xHᵀ_t) / HHᵀ_tt)}.
	 *
	 * @param xht the row of X times Hᵀ (r values)
	 * @param hht H Hᵀ
	 */
	public static void updateRow(double[] xht, double[] hht, int r, double[] w, int offset) {
		for (int t = 0; t < r; t++) {
			double hess = hht[t * r + t];
			if (hess == 0) {
				continue;
			}
			double grad = -xht[t];
			for (int a = 0; a < r; a++) {
				grad += w[offset + a] * hht[a * r + t];
			}
			w[offset + t] = Math.max(w[offset + t] - grad / hess, 0);
		}
	}

	/** One HALS sweep over the rows of H (in place) from the summed WᵀX (r × m) and WᵀW (r × r). */
	public static void updateFactors(double[] wtx, double[] wtw, int r, int m, double[] h) {
		for (int t = 0; t < r; t++) {
			double hess = wtw[t * r + t];
			if (hess == 0) {
				continue;
			}
			for (int j = 0; j < m; j++) {
				double grad = -wtx[t * m + j];
				for (int a = 0; a < r; a++) {
					grad += wtw[t * r + a] * h[a * m + j];
				}
				h[t * m + j] = Math.max(h[t * m + j] - grad / hess, 0);
			}
		}
	}

	/** @return ‖X − WH‖² = ‖X‖² − 2 tr(Hᵀ WᵀX) + tr(Hᵀ WᵀW H), from the sums of a pass and H */
	public static double squaredError(double x2, double[] wtx, double[] wtw, double[] h, int r, int m) {
		double cross = 0;
		for (int i = 0; i < r * m; i++) {
			cross += wtx[i] * h[i];
		}
		double[] hht = gram(h, r, m);
		double quad = 0;
		for (int i = 0; i < r * r; i++) {
			quad += wtw[i] * hht[i];
		}
		return x2 - 2 * cross + quad;
	}
}
