package org.ronchi.processing.decomposition;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Truncated SVD/PCA of a matrix seen as passes over row blocks ({@link RowBlocks}), never held whole.
 * Three ways, chosen by {@link Method#AUTO} from the shape (m used signal values, n used positions,
 * l = k + oversamples):
 * <ul>
 * <li><b>sketch-exact</b> when min(n, m) ≤ {@link #EXACT_SKETCH_LIMIT}: the randomized range finder
 * with l = min(n, m); the sketch then spans the whole range, so the result equals the full SVD to
 * rounding; two passes;</li>
 * <li><b>gram</b> when m ≤ {@link #GRAM_LIMIT}: Xᵀ X summed over blocks in one pass (its partials are
 * what an engine kernel would merge), its eigen-decomposition (as an SVD), and a second pass for the loadings; exact
 * up to the squared condition number (σ₁/σₖ)² × 1e-16;</li>
 * <li><b>randomized</b> otherwise: Halko, Martinsson &amp; Tropp's range finder (SIAM Rev. 53, 217, 2011)
 * with a Gaussian test matrix (fixed seed), q power iterations re-orthonormalised each time (as
 * scikit-learn's {@code randomized_svd}), 2 + 2q passes; approximate: the error of σ_j falls as
 * (σ_{l+1}/σ_j)^(2q+1).</li>
 * </ul>
 * Each pass maps blocks to partial products and merges them in order (sums), so results do not depend on
 * the thread count. A first pass collects column statistics when centring on navigation or normalising
 * Poisson noise.
 */
public final class TruncatedSvd {
	/** Largest min(n, m) for which the exact sketch is used. */
	public static final int EXACT_SKETCH_LIMIT = 512;
	/** Largest m for which the Gram matrix (m² doubles) is used. */
	public static final int GRAM_LIMIT = 1024;

	/** How the decomposition is computed. */
	public enum Method {
		AUTO, GRAM, SKETCH_EXACT, RANDOMIZED
	}

	/**
	 * @param k components
	 * @param oversamples extra sketch columns (randomized; scikit-learn's 10)
	 * @param powerIterations q (randomized)
	 * @param seed of the test matrix
	 */
	public record Options(int k, Method method, int oversamples, int powerIterations, long seed) {
		public static Options of(int k) {
			return new Options(k, Method.AUTO, 10, 2, 0);
		}

		public Options method(Method m) {
			return new Options(k, m, oversamples, powerIterations, seed);
		}

		public Options powerIterations(int q) {
			return new Options(k, method, oversamples, q, seed);
		}
	}

	private TruncatedSvd() {
	}

	public static SvdResult compute(RowBlocks x, Preprocessing pre, Options o) {
		int m0 = x.columns();
		int[] cols = pre.columns(m0);
		int passes = 0;
		ColumnStatistics stats = new ColumnStatistics(cols.length);
		if (pre.needsColumnStatistics()) {
			stats = x.run(ColumnStatistics.pass(pre, cols, m0));
			passes++;
		} else {
			for (int i = 0; i < x.rows(); i++) {
				stats.rows += pre.rowUsed(i) ? 1 : 0;
			}
		}
		int n = (int) stats.rows;
		int m = cols.length;
		if (n == 0 || m == 0) {
			throw new DecompositionException("decomposition", "all the data are masked");
		}
		int k = Math.min(o.k(), Math.min(n, m));
		RowTransform t = new RowTransform(pre, cols, stats);
		Method method = o.method();
		if (method == Method.AUTO) {
			method = Math.min(n, m) <= EXACT_SKETCH_LIMIT ? Method.SKETCH_EXACT : m <= GRAM_LIMIT ? Method.GRAM : Method.RANDOMIZED;
		}
		Decomposed d;
		if (method == Method.GRAM) {
			d = gram(x, pre, t, k);
			passes += 1;
		} else {
			int l = method == Method.SKETCH_EXACT ? Math.min(n, m) : Math.min(k + o.oversamples(), Math.min(n, m));
			int q = method == Method.SKETCH_EXACT ? 0 : o.powerIterations();
			d = randomized(x, pre, t, k, l, q, o.seed());
			passes += 2 + 2 * q;
		}
		return finish(x, pre, t, d, k, n, m0, method.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), passes);
	}

	/** Singular values, factors (used columns × k, column-major) and loadings rows (null: need a pass), total ‖X‖². */
	private record Decomposed(double[] s, double[][] v, double[][] u, double total) {
	}

	private static Decomposed gram(RowBlocks x, Preprocessing pre, RowTransform t, int k) {
		int m = t.cols.length;
		int m0 = x.columns();
		double[] g = x.run(new RowBlocks.Pass<double[]>() {
			@Override
			public double[] start() {
				return new double[m * m];
			}

			@Override
			public void block(long first, int count, float[] data, double[] acc) {
				double[] row = new double[m];
				for (int r = 0; r < count; r++) {
					if (!pre.rowUsed(first + r)) {
						continue;
					}
					t.apply(data, r * m0, row);
					for (int i = 0; i < m; i++) {
						double a = row[i];
						if (a == 0) {
							continue;
						}
						int base = i * m;
						for (int j = i; j < m; j++) {
							acc[base + j] += a * row[j];
						}
					}
				}
			}

			@Override
			public void merge(double[] into, double[] later) {
				for (int i = 0; i < into.length; i++) {
					into[i] += later[i];
				}
			}
		});
		double[][] full = new double[m][m];
		double total = 0;
		for (int i = 0; i < m; i++) {
			total += g[i * m + i];
			for (int j = i; j < m; j++) {
				full[i][j] = full[j][i] = g[i * m + j];
			}
		}
		// Xᵀ X is symmetric positive semi-definite: its SVD is its eigen-decomposition, and commons-math3's SVD
		// (Golub-Kahan) converges where its EigenDecomposition gives up on many equal (zero) eigenvalues
		SingularValueDecomposition e = new SingularValueDecomposition(new Array2DRowRealMatrix(full, false));
		double[] lambda = e.getSingularValues(); // descending
		RealMatrix vs = e.getV();
		double[] s = new double[k];
		double[][] v = new double[k][m];
		for (int c = 0; c < k; c++) {
			s[c] = Math.sqrt(Math.max(lambda[c], 0));
			for (int j = 0; j < m; j++) {
				v[c][j] = vs.getEntry(j, c);
			}
		}
		return new Decomposed(s, v, null, total);
	}

	private static Decomposed randomized(RowBlocks x, Preprocessing pre, RowTransform t, int k, int l, int q, long seed) {
		int m = t.cols.length;
		int n0 = x.rows();
		// test matrix Ω (m × l), row-major so a row of X multiplies it with contiguous axpys
		double[] omega = new double[m * l];
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < omega.length; i++) {
			omega[i] = gaussian(random);
		}
		double[][] y = sketch(x, pre, t, omega, l); // n0 × l as l columns
		Orthonormal.orthonormalise(y, seed + 1);
		for (int it = 0; it < q; it++) {
			double[][] z = project(x, pre, t, y, l); // l × m: Qᵀ X
			Orthonormal.orthonormalise(z, seed + 2 + it);
			double[] zRows = new double[m * l];
			for (int j = 0; j < l; j++) {
				for (int c = 0; c < m; c++) {
					zRows[c * l + j] = z[j][c];
				}
			}
			y = sketch(x, pre, t, zRows, l);
			Orthonormal.orthonormalise(y, seed + 100 + it);
		}
		double[][] b = project(x, pre, t, y, l); // l × m
		double total = 0;
		// ‖X‖² is not known from the sketch unless it is exact; the last projection pass could sum it, see below
		SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(b, false));
		double[] s = Arrays.copyOf(svd.getSingularValues(), k);
		RealMatrix ub = svd.getU(); // l × r
		RealMatrix vb = svd.getV(); // m × r
		double[][] v = new double[k][m];
		double[][] u = new double[k][n0];
		for (int c = 0; c < k; c++) {
			for (int j = 0; j < m; j++) {
				v[c][j] = vb.getEntry(j, c);
			}
			for (int i = 0; i < n0; i++) {
				double sum = 0;
				for (int j = 0; j < l; j++) {
					sum += y[j][i] * ub.getEntry(j, c);
				}
				u[c][i] = sum * s[c];
			}
		}
		return new Decomposed(s, v, u, total);
	}

	/** One pass: Y = X Ω (rows of the used positions; others 0), as l columns of n. */
	private static double[][] sketch(RowBlocks x, Preprocessing pre, RowTransform t, double[] omega, int l) {
		int m = t.cols.length;
		int m0 = x.columns();
		double[][] y = new double[l][x.rows()];
		x.run(new RowBlocks.Pass<Object>() {
			@Override
			public Object start() {
				return null;
			}

			@Override
			public void block(long first, int count, float[] data, Object unused) {
				double[] row = new double[m];
				double[] acc = new double[l];
				for (int r = 0; r < count; r++) {
					if (!pre.rowUsed(first + r)) {
						continue;
					}
					t.apply(data, r * m0, row);
					Arrays.fill(acc, 0);
					for (int c = 0; c < m; c++) {
						double a = row[c];
						int base = c * l;
						for (int j = 0; j < l; j++) {
							acc[j] += a * omega[base + j];
						}
					}
					for (int j = 0; j < l; j++) { // rows of a block are distinct: no merge needed
						y[j][(int) first + r] = acc[j];
					}
				}
			}

			@Override
			public void merge(Object into, Object later) {
			}
		});
		return y;
	}

	/** One pass: B = Qᵀ X (l × m), summed over blocks in order. */
	private static double[][] project(RowBlocks x, Preprocessing pre, RowTransform t, double[][] qCols, int l) {
		int m = t.cols.length;
		int m0 = x.columns();
		double[] b = x.run(new RowBlocks.Pass<double[]>() {
			@Override
			public double[] start() {
				return new double[l * m];
			}

			@Override
			public void block(long first, int count, float[] data, double[] acc) {
				double[] row = new double[m];
				for (int r = 0; r < count; r++) {
					long i = first + r;
					if (!pre.rowUsed(i)) {
						continue;
					}
					t.apply(data, r * m0, row);
					for (int j = 0; j < l; j++) {
						double qi = qCols[j][(int) i];
						int base = j * m;
						for (int c = 0; c < m; c++) {
							acc[base + c] += qi * row[c];
						}
					}
				}
			}

			@Override
			public void merge(double[] into, double[] later) {
				for (int i = 0; i < into.length; i++) {
					into[i] += later[i];
				}
			}
		});
		double[][] out = new double[l][m];
		for (int j = 0; j < l; j++) {
			System.arraycopy(b, j * m, out[j], 0, m);
		}
		return out;
	}

	private static SvdResult finish(RowBlocks x, Preprocessing pre, RowTransform t, Decomposed d, int k, int n, int m0, String method,
			int passes) {
		int n0 = x.rows();
		int m = t.cols.length;
		double[][] u = d.u();
		double[] rowScale = new double[n0];
		// loadings (gram: a pass computes X V; randomized: from the sketch) and the Poisson row scales
		double[][] loadings = u == null ? new double[k][n0] : u;
		double[] totals = x.run(new RowBlocks.Pass<double[]>() {
			@Override
			public double[] start() {
				return new double[1];
			}

			@Override
			public void block(long first, int count, float[] data, double[] acc) {
				double[] row = new double[m];
				for (int r = 0; r < count; r++) {
					int i = (int) (first + r);
					if (!pre.rowUsed(i)) {
						continue;
					}
					rowScale[i] = t.rowScale(data, r * m0);
					t.apply(data, r * m0, row);
					acc[0] += Orthonormal.dot(row, row);
					if (u == null) {
						for (int c = 0; c < k; c++) {
							loadings[c][i] = Orthonormal.dot(row, d.v()[c]);
						}
					}
				}
			}

			@Override
			public void merge(double[] into, double[] later) {
				into[0] += later[0];
			}
		});
		passes++;
		double total = totals[0];
		double[] factors = new double[m0 * k];
		Arrays.fill(factors, Double.NaN);
		double[] load = new double[n0 * k];
		for (int c = 0; c < k; c++) {
			// svd_flip, u-based: the largest |loading| positive
			int arg = 0;
			for (int i = 1; i < n0; i++) {
				if (Math.abs(loadings[c][i]) > Math.abs(loadings[c][arg])) {
					arg = i;
				}
			}
			double sign = loadings[c][arg] < 0 ? -1 : 1;
			for (int j = 0; j < m; j++) {
				factors[t.cols[j] * k + c] = sign * d.v()[c][j] * t.columnScale(j);
			}
			for (int i = 0; i < n0; i++) {
				load[i * k + c] = pre.rowUsed(i) ? sign * loadings[c][i] * (pre.poisson() ? rowScale[i] : 1) : Double.NaN;
			}
		}
		double[] s = d.s();
		double[] ev = new double[k];
		double[] ratio = new double[k];
		for (int c = 0; c < k; c++) {
			ev[c] = s[c] * s[c] / n;
			ratio[c] = s[c] * s[c] / total;
		}
		return new SvdResult(s, ev, ratio, factors, load, n0, m0, method, passes);
	}

	static double gaussian(SplittableRandom r) {
		double u1 = r.nextDouble();
		double u2 = r.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}
}
