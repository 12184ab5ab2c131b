package org.ronchi.processing.decomposition;

import java.util.Arrays;

/**
 * Non-negative matrix factorisation X ≈ W H (W: n × r loadings, H: r × m factors) by hierarchical
 * alternating least squares (HALS: exact coordinate descent on one component at a time, the update
 * scikit-learn's {@code NMF(solver='cd')} makes), initialised by NNDSVDa (Boutsidis &amp; Gallopoulos
 * 2008, zeros filled with the mean of X, as scikit-learn's default {@code init='nndsvda'}) from an
 * exact {@link TruncatedSvd}. Deterministic: no random start.
 * <p>
 * Out of core: W (n × r) is held, X is not; each iteration is one pass in which every block updates its
 * own rows of W (they depend only on that block and H) and sums WᵀX and WᵀW, merged in block order,
 * after which H is updated.
 */
public final class Nmf {
	private Nmf() {
	}

	/**
	 * @param w n × r, C order
	 * @param h r × m, C order
	 * @param error ‖X − WH‖_F after the last iteration
	 */
	public record Result(double[] w, double[] h, int rank, int iterations, double error) {
	}

	public static Result compute(RowBlocks x, int rank, int iterations) {
		int n = x.rows();
		int m = x.columns();
		SvdResult svd = TruncatedSvd.compute(x, Preprocessing.none(), TruncatedSvd.Options.of(rank));
		double[] w = new double[n * rank];
		double[] h = new double[rank * m];
		double[] sums = x.run(sumPass(m));
		double mean = sums[0] / ((double) n * m);
		if (sums[1] < 0) {
			throw new DecompositionException("NMF", "negative values in the data: NMF needs non-negative data");
		}
		nndsvd(svd, n, m, rank, w, h, mean);
		double[] state = null;
		for (int it = 0; it < iterations; it++) {
			state = iterate(x, w, h, rank, it == iterations - 1);
		}
		double err = state == null ? Double.NaN : Math.sqrt(Math.max(state[0], 0));
		return new Result(w, h, rank, iterations, err);
	}

	/** {sum, min} of X. */
	private static RowBlocks.Pass<double[]> sumPass(int m) {
		return new RowBlocks.Pass<>() {
			@Override
			public double[] start() {
				return new double[] { 0, Double.POSITIVE_INFINITY };
			}

			@Override
			public void block(long first, int count, float[] data, double[] acc) {
				for (int i = 0; i < count * m; i++) {
					acc[0] += data[i];
					acc[1] = Math.min(acc[1], data[i]);
				}
			}

			@Override
			public void merge(double[] into, double[] later) {
				into[0] += later[0];
				into[1] = Math.min(into[1], later[1]);
			}
		};
	}

	private static void nndsvd(SvdResult svd, int n, int m, int r, double[] w, double[] h, double mean) {
		int k = svd.components();
		double[] f = svd.factors(); // m × k, unit columns
		double[] l = svd.loadings(); // n × k = U S
		for (int c = 0; c < r; c++) {
			double s = c < k ? svd.singularValues()[c] : 0;
			double[] x = new double[n];
			double[] y = new double[m];
			for (int i = 0; i < n; i++) {
				x[i] = s == 0 ? 0 : l[i * k + c] / s;
			}
			for (int j = 0; j < m; j++) {
				y[j] = c < k ? f[j * k + c] : 0;
			}
			if (c == 0) {
				for (int i = 0; i < n; i++) {
					w[i * r] = Math.sqrt(s) * Math.abs(x[i]);
				}
				for (int j = 0; j < m; j++) {
					h[j] = Math.sqrt(s) * Math.abs(y[j]);
				}
				continue;
			}
			double xp = 0;
			double xn = 0;
			double yp = 0;
			double yn = 0;
			for (double v : x) {
				xp += v > 0 ? v * v : 0;
				xn += v < 0 ? v * v : 0;
			}
			for (double v : y) {
				yp += v > 0 ? v * v : 0;
				yn += v < 0 ? v * v : 0;
			}
			xp = Math.sqrt(xp);
			xn = Math.sqrt(xn);
			yp = Math.sqrt(yp);
			yn = Math.sqrt(yn);
			boolean positive = xp * yp > xn * yn;
			double sigma = positive ? xp * yp : xn * yn;
			double lbd = Math.sqrt(s * sigma);
			double nx = positive ? xp : xn;
			double ny = positive ? yp : yn;
			for (int i = 0; i < n; i++) {
				double v = positive ? Math.max(x[i], 0) : Math.max(-x[i], 0);
				w[i * r + c] = nx == 0 ? 0 : lbd * v / nx;
			}
			for (int j = 0; j < m; j++) {
				double v = positive ? Math.max(y[j], 0) : Math.max(-y[j], 0);
				h[c * m + j] = ny == 0 ? 0 : lbd * v / ny;
			}
		}
		for (int i = 0; i < w.length; i++) {
			w[i] = w[i] < 1e-6 ? mean : w[i];
		}
		for (int i = 0; i < h.length; i++) {
			h[i] = h[i] < 1e-6 ? mean : h[i];
		}
	}

	/**
	 * One HALS iteration: W rows block by block, then H from the merged WᵀX and WᵀW. With
	 * {@code error}, returns {‖X − WH‖²} for the W of this pass and the new H, from the merged sums.
	 */
	private static double[] iterate(RowBlocks x, double[] w, double[] h, int r, boolean error) {
		int m = x.columns();
		double[] hht = new double[r * r];
		for (int a = 0; a < r; a++) {
			for (int b = 0; b < r; b++) {
				hht[a * r + b] = dot(h, a * m, h, b * m, m);
			}
		}
		// partial: [0, r*m) WᵀX, [r*m, r*m + r*r) WᵀW, last: ‖X‖²
		double[] acc = x.run(new RowBlocks.Pass<double[]>() {
			@Override
			public double[] start() {
				return new double[r * m + r * r + 1];
			}

			@Override
			public void block(long first, int count, float[] data, double[] p) {
				double[] xht = new double[r];
				for (int i = 0; i < count; i++) {
					int row = (int) first + i;
					int off = i * m;
					for (int a = 0; a < r; a++) {
						double s = 0;
						for (int j = 0; j < m; j++) {
							s += data[off + j] * h[a * m + j];
						}
						xht[a] = s;
					}
					for (int t = 0; t < r; t++) { // coordinate descent on W[row, t]
						double hess = hht[t * r + t];
						if (hess == 0) {
							continue;
						}
						double grad = -xht[t];
						for (int a = 0; a < r; a++) {
							grad += w[row * r + a] * hht[a * r + t];
						}
						w[row * r + t] = Math.max(w[row * r + t] - grad / hess, 0);
					}
					for (int a = 0; a < r; a++) {
						double wa = w[row * r + a];
						if (wa != 0) {
							for (int j = 0; j < m; j++) {
								p[a * m + j] += wa * data[off + j];
							}
						}
						for (int b = 0; b < r; b++) {
							p[r * m + a * r + b] += wa * w[row * r + b];
						}
					}
					double s = 0;
					for (int j = 0; j < m; j++) {
						s += (double) data[off + j] * data[off + j];
					}
					p[r * m + r * r] += s;
				}
			}

			@Override
			public void merge(double[] into, double[] later) {
				for (int i = 0; i < into.length; i++) {
					into[i] += later[i];
				}
			}
		});
		double[] wtx = Arrays.copyOf(acc, r * m);
		double[] wtw = Arrays.copyOfRange(acc, r * m, r * m + r * r);
		for (int t = 0; t < r; t++) { // coordinate descent on H[t, :]
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
		if (!error) {
			return null;
		}
		// ‖X − WH‖² = ‖X‖² − 2 tr(Hᵀ WᵀX) + tr(HᵀWᵀW H)
		double cross = 0;
		for (int i = 0; i < r * m; i++) {
			cross += wtx[i] * h[i];
		}
		double quad = 0;
		for (int a = 0; a < r; a++) {
			for (int b = 0; b < r; b++) {
				quad += wtw[a * r + b] * dot(h, a * m, h, b * m, m);
			}
		}
		return new double[] { acc[r * m + r * r] - 2 * cross + quad };
	}

	private static double dot(double[] a, int ao, double[] b, int bo, int n) {
		double s = 0;
		for (int i = 0; i < n; i++) {
			s += a[ao + i] * b[bo + i];
		}
		return s;
	}
}
