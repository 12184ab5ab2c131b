package org.ronchi.processing.decomposition;

import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Blind source separation of the first N components of a decomposition, as HyperSpy's
 * {@code blind_source_separation} (on the factors by default): FastICA (Hyvärinen 1999) in its
 * parallel form with the logcosh contrast (g = tanh), on data centred and whitened by PCA, with a
 * Gaussian start from a fixed seed, symmetric decorrelation {@code W ← (W Wᵀ)^-1/2 W} each step, stopped
 * when {@code max |1 - |diag(W_new Wᵀ)|| < tol} or after {@code maxIterations} (scikit-learn's
 * {@code FastICA(algorithm='parallel', fun='logcosh')}).
 */
public final class FastIca {
	private FastIca() {
	}

	/**
	 * @param sources samples × N, C order: the independent components, unit variance
	 * @param unmixing N × N: sources = (centred signals) · unmixingᵀ
	 */
	public record Result(double[] sources, double[] unmixing, int iterations, boolean converged) {
	}

	/**
	 * @param signals samples × N, C order (e.g. the first N factors: signal values × components)
	 */
	public static Result separate(double[] signals, int samples, int n, long seed, int maxIterations, double tol) {
		double[] x = signals.clone();
		for (int c = 0; c < n; c++) {
			double mean = 0;
			for (int i = 0; i < samples; i++) {
				mean += x[i * n + c];
			}
			mean /= samples;
			for (int i = 0; i < samples; i++) {
				x[i * n + c] -= mean;
			}
		}
		// whitening: K = D^-1/2 Eᵀ from the covariance, z = x Kᵀ has identity covariance
		double[][] cov = new double[n][n];
		for (int i = 0; i < samples; i++) {
			for (int a = 0; a < n; a++) {
				for (int b = 0; b < n; b++) {
					cov[a][b] += x[i * n + a] * x[i * n + b] / samples;
				}
			}
		}
		EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
		double[][] k = new double[n][n];
		for (int c = 0; c < n; c++) {
			double lambda = e.getRealEigenvalue(c);
			if (!(lambda > 1e-12 * e.getRealEigenvalue(0))) {
				throw new DecompositionException("ICA", "the " + n + " components are linearly dependent: use fewer");
			}
			double[] v = e.getEigenvector(c).toArray();
			for (int a = 0; a < n; a++) {
				k[c][a] = v[a] / Math.sqrt(lambda);
			}
		}
		double[] z = new double[samples * n];
		for (int i = 0; i < samples; i++) {
			for (int c = 0; c < n; c++) {
				double s = 0;
				for (int a = 0; a < n; a++) {
					s += x[i * n + a] * k[c][a];
				}
				z[i * n + c] = s;
			}
		}
		SplittableRandom r = new SplittableRandom(seed);
		double[][] w = new double[n][n];
		for (int a = 0; a < n; a++) {
			for (int b = 0; b < n; b++) {
				w[a][b] = Orthonormal.gaussian(r);
			}
		}
		w = decorrelate(w);
		int it = 0;
		boolean converged = false;
		while (it < maxIterations) {
			it++;
			double[][] next = new double[n][n];
			for (int c = 0; c < n; c++) {
				double gPrimeMean = 0;
				for (int i = 0; i < samples; i++) {
					double u = 0;
					for (int a = 0; a < n; a++) {
						u += w[c][a] * z[i * n + a];
					}
					double g = Math.tanh(u);
					gPrimeMean += 1 - g * g;
					for (int a = 0; a < n; a++) {
						next[c][a] += g * z[i * n + a];
					}
				}
				gPrimeMean /= samples;
				for (int a = 0; a < n; a++) {
					next[c][a] = next[c][a] / samples - gPrimeMean * w[c][a];
				}
			}
			next = decorrelate(next);
			double lim = 0;
			for (int c = 0; c < n; c++) {
				double d = 0;
				for (int a = 0; a < n; a++) {
					d += next[c][a] * w[c][a];
				}
				lim = Math.max(lim, Math.abs(Math.abs(d) - 1));
			}
			w = next;
			if (lim < tol) {
				converged = true;
				break;
			}
		}
		double[] unmixing = new double[n * n];
		for (int c = 0; c < n; c++) {
			for (int a = 0; a < n; a++) {
				double s = 0;
				for (int b = 0; b < n; b++) {
					s += w[c][b] * k[b][a];
				}
				unmixing[c * n + a] = s;
			}
		}
		double[] sources = new double[samples * n];
		for (int i = 0; i < samples; i++) {
			for (int c = 0; c < n; c++) {
				double s = 0;
				for (int a = 0; a < n; a++) {
					s += unmixing[c * n + a] * x[i * n + a];
				}
				sources[i * n + c] = s;
			}
		}
		return new Result(sources, unmixing, it, converged);
	}

	/** (W Wᵀ)^-1/2 W. */
	private static double[][] decorrelate(double[][] w) {
		RealMatrix m = new Array2DRowRealMatrix(w);
		EigenDecomposition e = new EigenDecomposition(m.multiply(m.transpose()));
		RealMatrix v = e.getV();
		int n = w.length;
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			d[i][i] = 1 / Math.sqrt(e.getRealEigenvalue(i));
		}
		return v.multiply(new Array2DRowRealMatrix(d)).multiply(v.transpose()).multiply(m).getData();
	}
}
