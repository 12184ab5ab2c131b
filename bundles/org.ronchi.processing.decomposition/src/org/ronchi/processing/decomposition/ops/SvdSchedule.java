package org.ronchi.processing.decomposition.ops;

import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;
import org.ronchi.processing.decomposition.ColumnStatistics;
import org.ronchi.processing.decomposition.DecompositionException;
import org.ronchi.processing.decomposition.Orthonormal;
import org.ronchi.processing.decomposition.Preprocessing;
import org.ronchi.processing.decomposition.RowTransform;

/**
 * A truncated SVD of the unfolded input (n used positions × m used signal values) as passes of one
 * engine run, the data never held whole; each pass's kernel is built from the buffers the one before
 * left (how a resumed run rebuilds it):
 * <ol>
 * <li>with Poisson normalisation, centring on navigation or {@code statistics}: the column sums, the
 * rows used and the smallest value;</li>
 * <li>the decomposition proper, one of three ways ({@link Method}): <b>gram</b> sums Xᵀ X (m × m) in
 * one pass and takes its eigen-decomposition; <b>sketch</b> passes alternate Y = X Ω (l values per
 * position, orthonormalised once the pass is over: the range Q) with B = Qᵀ X (l × m, summed in order),
 * and the SVD of B gives the singular values and vectors: with l = min(n, m) ("sketch-exact") that is
 * the full SVD to rounding; with l = k + oversamples and q power iterations (Ω ← orth(Bᵀ), Halko,
 * Martinsson &amp; Tropp, SIAM Rev. 53, 217, 2011; scikit-learn's {@code randomized_svd}) an
 * approximation whose error of σ_j falls as (σ_{l+1}/σ_j)^(2q+1);</li>
 * <li>the loadings pass: each row projected on the k right singular vectors (and rotated, for ICA),
 * ‖X‖², the model from N components when asked; its finish ({@link Finisher}) turns them into the
 * outputs.</li>
 * </ol>
 * Per row the work is a dot product or an axpy over m values, which C2 vectorises.
 */
final class SvdSchedule {
	/** Largest l·(positions + m) for which the exact sketch is chosen (doubles held: Y and B). */
	static final long EXACT_SKETCH_VALUES = 1L << 24;
	/** Largest m for which the Gram matrix (m² doubles) is chosen. */
	static final int GRAM_LIMIT = 1024;

	/** How the decomposition is computed. */
	enum Method {
		AUTO, GRAM, SKETCH_EXACT, RANDOMIZED;

		static Method named(String s) {
			return valueOf(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}

		String id() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	/** What an operation makes of the SVD: its outputs. */
	interface Finisher {
		/** Declares the outputs (in prepare, after the SVD's buffers). */
		void declare(Setup s, SvdSchedule svd);

		/**
		 * The singular values and vectors are known (the finish of the last decomposition pass): e.g. sets
		 * the rotation the loadings pass applies. Default: none.
		 */
		default void decomposed(Results r, SvdSchedule svd) {
		}

		/** Completes the outputs after the loadings pass. */
		void finish(Results r, SvdSchedule svd);

		/** @return whether the singular values are an output (else a hidden buffer) */
		default boolean keepsSingularValues() {
			return true;
		}
	}

	final Unfolded x;
	final Preprocessing pre;
	final int[] cols;
	final int n;
	final int m;
	final int k;
	final Method method;
	final int l;
	final int q;
	final long seed;
	final boolean stats;
	final int modelComponents;
	private final Finisher finisher;
	/** First pass of the decomposition proper, and the loadings pass. */
	final int first;
	final int loadings;

	/**
	 * @param k               components wanted (at most min(n, m))
	 * @param statistics      whether to run the statistics pass even when preprocessing does not need it (NMF: the mean and minimum)
	 * @param modelComponents components the model output is rebuilt from; 0: no model
	 */
	SvdSchedule(Setup s, Preprocessing pre, int k, Method requested, int oversamples, int powerIterations, long seed, boolean statistics,
			int modelComponents, Finisher finisher) {
		this.finisher = finisher;
		this.x = new Unfolded(s.input());
		this.pre = pre;
		this.cols = pre.columns(x.columns);
		this.n = pre.rowsUsed(x.rows);
		this.m = cols.length;
		if (n == 0 || m == 0) {
			throw new DecompositionException("decomposition", "all the data are masked");
		}
		this.k = Math.min(k, Math.min(n, m));
		Method chosen = requested;
		int full = Math.min(n, m);
		if (chosen == Method.AUTO) {
			chosen = full <= 512 && (long) full * (x.rows + m) <= EXACT_SKETCH_VALUES ? Method.SKETCH_EXACT
					: m <= GRAM_LIMIT ? Method.GRAM : Method.RANDOMIZED;
		}
		this.method = chosen;
		this.l = method == Method.SKETCH_EXACT ? full : Math.min(this.k + oversamples, full);
		this.q = method == Method.RANDOMIZED ? powerIterations : 0;
		this.seed = seed;
		this.stats = statistics || pre.needsColumnStatistics();
		this.modelComponents = Math.min(modelComponents, this.k);
		this.first = stats ? 1 : 0;
		this.loadings = first + (method == Method.GRAM ? 1 : 2 + 2 * q);
	}

	/** @return passes of the SVD, the loadings pass included */
	int passes() {
		return loadings + 1;
	}

	private int[] sketchPasses() {
		int[] p = new int[q + 1];
		for (int i = 0; i <= q; i++) {
			p[i] = first + 2 * i;
		}
		return p;
	}

	private int[] projectPasses() {
		int[] p = new int[q + 1];
		for (int i = 0; i <= q; i++) {
			p[i] = first + 2 * i + 1;
		}
		return p;
	}

	/**
	 * Declares the buffers of every SVD pass, the loadings, then the finisher's outputs.
	 *
	 * @param laterLoadings passes after the SVD that also fill the loadings (NMF's iterations)
	 */
	void declare(Setup s, int... laterLoadings) {
		if (stats) {
			s.declare(BufferSpec.single("column_sums", DType.FLOAT64, m).hidden().inPasses(0));
			s.declare(BufferSpec.single("rows_used", DType.INT64, 1).hidden().inPasses(0));
			s.declare(BufferSpec.single("minimum", DType.FLOAT64, 1).merge(BufferSpec.Merge.MIN).hidden().inPasses(0));
		}
		if (method == Method.GRAM) {
			s.declare(BufferSpec.single("gram", DType.FLOAT64, m * m).hidden().inPasses(first));
		} else {
			s.declare(BufferSpec.nav("sketch", DType.FLOAT64).perPosition(new int[] { l }, null).hidden().inPasses(sketchPasses()));
			s.declare(BufferSpec.result("range", DType.FLOAT64, l * x.rows).hidden());
			s.declare(BufferSpec.single("projection", DType.FLOAT64, l * m).hidden().inPasses(projectPasses()));
			if (q > 0) {
				s.declare(BufferSpec.result("test_matrix", DType.FLOAT64, m * l).hidden());
			}
		}
		s.declare(BufferSpec.result("basis", DType.FLOAT64, k * m).hidden());
		s.declare(BufferSpec.result("rotation", DType.FLOAT64, k * k).hidden());
		BufferSpec values = BufferSpec.result("singular_values", DType.FLOAT64, k).shape(new int[] { k }, List.of(Axis.index("component", k)))
				.title("singular values").arrayKind("spectrum");
		s.declare(finisher.keepsSingularValues() ? values : values.hidden());
		int[] filled = new int[1 + laterLoadings.length];
		filled[0] = loadings;
		System.arraycopy(laterLoadings, 0, filled, 1, laterLoadings.length);
		s.declare(BufferSpec.nav("loadings", DType.FLOAT64).perPosition(new int[] { k }, List.of(Axis.index("component", k)))
				.title("loadings").inPasses(filled));
		s.declare(BufferSpec.nav("row_scale", DType.FLOAT64).hidden().inPasses(loadings));
		s.declare(BufferSpec.single("total", DType.FLOAT64, 1).hidden().inPasses(loadings));
		if (modelComponents > 0) {
			s.declare(BufferSpec.nav("model", DType.FLOAT32).perPosition(x.input.sigShape(), x.input.sigAxes())
					.quantity(x.input.quantity(), x.input.units()).title("model from " + modelComponents + " components").arrayKind("model")
					.inPasses(loadings));
		}
		finisher.declare(s, this);
	}

	/** @return the kernel of the first pass */
	Kernel kernel0() {
		return stats ? new Statistics() : algorithm(first, null);
	}

	/** @return the kernel of an SVD pass after the first, from the buffers the previous left */
	Kernel kernel(int pass, Results prev) {
		return pass == loadings ? new Loadings(prev) : algorithm(pass, prev);
	}

	private Kernel algorithm(int pass, Results prev) {
		RowTransform t = transform(prev);
		if (method == Method.GRAM) {
			return new Gram(t);
		}
		int it = (pass - first) / 2;
		if ((pass - first) % 2 == 1) {
			return new Project(t, prev.get("range").doubles(), it);
		}
		double[] omega = it == 0 ? testMatrix() : prev.get("test_matrix").doubles();
		return new Sketch(t, omega, it);
	}

	/** The preprocessing of rows, from the statistics pass's sums (or none). */
	RowTransform transform(Results prev) {
		ColumnStatistics c = stats ? new ColumnStatistics(prev.get("column_sums").doubles(), prev.get("rows_used").longs()[0],
				prev.get("minimum").doubles()[0]) : new ColumnStatistics(new double[m], n, 0);
		return new RowTransform(pre, cols, c);
	}

	/** Ω: m × l Gaussian, row-major (a row of X times it is a run of axpys). */
	private double[] testMatrix() {
		double[] omega = new double[m * l];
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < omega.length; i++) {
			omega[i] = Orthonormal.gaussian(random);
		}
		return omega;
	}

	/** A kernel with a preprocessed-row scratch per thread. */
	private abstract class RowKernel implements Kernel {
		final RowTransform t;
		private final ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[m]);

		RowKernel(RowTransform t) {
			this.t = t;
		}

		@Override
		public final void processFrame(Frame f, BufferSet out) {
			int i = x.row(f);
			if (!pre.rowUsed(i)) {
				masked(f, out);
				return;
			}
			float[] data = f.floats();
			double[] row = scratch.get();
			t.apply(data, 0, row);
			row(f, i, data, row, out);
		}

		/** One used row: the raw values and the preprocessed used columns. */
		abstract void row(Frame f, int i, float[] data, double[] row, BufferSet out);

		/** A masked row. Default: nothing (its NAV values stay 0). */
		void masked(Frame f, BufferSet out) {
		}
	}

	/** Column sums, rows used, minimum. */
	private final class Statistics implements Kernel {
		@Override
		public void processFrame(Frame f, BufferSet out) {
			if (!pre.rowUsed(x.row(f))) {
				return;
			}
			double[] min = out.get("minimum").doubles();
			min[0] = ColumnStatistics.add(f.floats(), 0, cols, out.get("column_sums").doubles(), min[0]);
			out.get("rows_used").longs()[0]++;
		}
	}

	/** Xᵀ X, upper triangle. */
	private final class Gram extends RowKernel {
		Gram(RowTransform t) {
			super(t);
		}

		@Override
		void row(Frame f, int i, float[] data, double[] row, BufferSet out) {
			double[] acc = out.get("gram").doubles();
			for (int a = 0; a < m; a++) {
				double v = row[a];
				if (v == 0) {
					continue;
				}
				int base = a * m;
				for (int b = a; b < m; b++) {
					acc[base + b] += v * row[b];
				}
			}
		}

		@Override
		public void finish(Results r) {
			double[] g = r.get("gram").doubles();
			double[][] full = new double[m][m];
			for (int a = 0; a < m; a++) {
				for (int b = a; b < m; b++) {
					full[a][b] = full[b][a] = g[a * m + b];
				}
			}
			// Xᵀ X is symmetric positive semi-definite: its SVD is its eigen-decomposition, and commons-math3's
			// SVD (Golub-Kahan) converges where its EigenDecomposition gives up on many equal (zero) eigenvalues
			SingularValueDecomposition e = new SingularValueDecomposition(new Array2DRowRealMatrix(full, false));
			double[] lambda = e.getSingularValues();
			double[] s = new double[k];
			for (int c = 0; c < k; c++) {
				s[c] = Math.sqrt(Math.max(lambda[c], 0));
			}
			keep(r, s, e.getV());
		}
	}

	/** Y = X Ω, a row of l values per position; then Q = orth(Y). */
	private final class Sketch extends RowKernel {
		private final double[] omega;
		private final int iteration;
		private final ThreadLocal<double[]> acc = ThreadLocal.withInitial(() -> new double[l]);

		Sketch(RowTransform t, double[] omega, int iteration) {
			super(t);
			this.omega = omega;
			this.iteration = iteration;
		}

		@Override
		void row(Frame f, int i, float[] data, double[] row, BufferSet out) {
			double[] y = acc.get();
			java.util.Arrays.fill(y, 0);
			for (int c = 0; c < m; c++) {
				double a = row[c];
				int base = c * l;
				for (int j = 0; j < l; j++) {
					y[j] += a * omega[base + j];
				}
			}
			System.arraycopy(y, 0, out.get("sketch").doubles(), f.index() * l, l);
		}

		@Override
		public void finish(Results r) {
			double[] y = everyPosition(r, "sketch");
			int rows = x.rows;
			double[][] cols = new double[l][rows];
			for (int i = 0; i < rows; i++) {
				for (int j = 0; j < l; j++) {
					cols[j][i] = pre.rowUsed(i) ? y[i * l + j] : 0; // masked rows: never written, read as 0
				}
			}
			Orthonormal.orthonormalise(cols, iteration == 0 ? seed + 1 : seed + 100 + iteration - 1);
			double[] range = r.get("range").doubles();
			for (int j = 0; j < l; j++) {
				System.arraycopy(cols[j], 0, range, j * rows, rows);
			}
		}
	}

	/** B = Qᵀ X (l × m), summed in order; then the next Ω, or the SVD of B. */
	private final class Project extends RowKernel {
		private final double[] range;
		private final int iteration;

		Project(RowTransform t, double[] range, int iteration) {
			super(t);
			this.range = range;
			this.iteration = iteration;
		}

		@Override
		void row(Frame f, int i, float[] data, double[] row, BufferSet out) {
			double[] b = out.get("projection").doubles();
			int rows = x.rows;
			for (int j = 0; j < l; j++) {
				double qi = range[j * rows + i];
				int base = j * m;
				for (int c = 0; c < m; c++) {
					b[base + c] += qi * row[c];
				}
			}
		}

		@Override
		public void finish(Results r) {
			double[] b = r.get("projection").doubles();
			if (iteration < q) {
				double[][] z = new double[l][m];
				for (int j = 0; j < l; j++) {
					System.arraycopy(b, j * m, z[j], 0, m);
				}
				Orthonormal.orthonormalise(z, seed + 2 + iteration);
				double[] omega = r.get("test_matrix").doubles();
				for (int j = 0; j < l; j++) {
					for (int c = 0; c < m; c++) {
						omega[c * l + j] = z[j][c];
					}
				}
				return;
			}
			double[][] rows = new double[l][m];
			for (int j = 0; j < l; j++) {
				System.arraycopy(b, j * m, rows[j], 0, m);
			}
			SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(rows, false));
			keep(r, java.util.Arrays.copyOf(svd.getSingularValues(), k), svd.getV());
		}
	}

	/** Records the singular values and the first k right singular vectors (columns of v, m × ≥k). */
	private void keep(Results r, double[] s, RealMatrix v) {
		System.arraycopy(s, 0, r.get("singular_values").doubles(), 0, k);
		double[] basis = r.get("basis").doubles();
		for (int c = 0; c < k; c++) {
			for (int j = 0; j < m; j++) {
				basis[c * m + j] = v.getEntry(j, c);
			}
		}
		double[] rot = r.get("rotation").doubles();
		for (int c = 0; c < k; c++) {
			rot[c * k + c] = 1;
		}
		finisher.decomposed(r, this);
	}

	/**
	 * Each row's projections u = row · basisᵀ, written rotated (u · R) as the loadings, its Poisson
	 * scale, ‖X‖², and the model from the first N components.
	 */
	private final class Loadings extends RowKernel {
		private final double[] basis;
		private final double[] rotation;
		private final double[] means;
		private final ThreadLocal<double[]> u = ThreadLocal.withInitial(() -> new double[k]);

		Loadings(Results prev) {
			super(transform(prev));
			this.basis = prev.get("basis").doubles();
			this.rotation = prev.get("rotation").doubles();
			this.means = t.columnMeans();
		}

		@Override
		void row(Frame f, int i, float[] data, double[] row, BufferSet out) {
			double[] p = u.get();
			double total = 0;
			for (int c = 0; c < m; c++) {
				total += row[c] * row[c];
			}
			out.get("total").doubles()[0] += total;
			for (int c = 0; c < k; c++) {
				double s = 0;
				int base = c * m;
				for (int j = 0; j < m; j++) {
					s += row[j] * basis[base + j];
				}
				p[c] = s;
			}
			double[] load = out.get("loadings").doubles();
			int at = f.index() * k;
			for (int c = 0; c < k; c++) {
				double s = 0;
				for (int a = 0; a < k; a++) {
					s += p[a] * rotation[a * k + c];
				}
				load[at + c] = s;
			}
			double scale = t.rowScale(data, 0);
			out.get("row_scale").doubles()[f.index()] = scale;
			if (modelComponents > 0) {
				float[] model = out.get("model").floats();
				int base = f.index() * x.columns;
				masked(f, out);
				double rowMean = t.rowMean(data, 0);
				for (int j = 0; j < m; j++) {
					double v = 0;
					for (int c = 0; c < modelComponents; c++) {
						v += p[c] * basis[c * m + j];
					}
					v = v * scale * t.columnScale(j) + (means == null ? rowMean : means[j]);
					model[base + cols[j]] = (float) v;
				}
			}
		}

		@Override
		void masked(Frame f, BufferSet out) {
			if (modelComponents > 0) {
				int base = f.index() * x.columns;
				java.util.Arrays.fill(out.get("model").floats(), base, base + x.columns, Float.NaN);
			}
		}

		@Override
		public void finish(Results r) {
			finisher.finish(r, SvdSchedule.this);
		}
	}

	/**
	 * @return a NAV buffer's values, checked to cover every position (a test run of one position cannot
	 *         decompose: every pass needs all rows)
	 */
	double[] everyPosition(Results r, String name) {
		org.ronchi.processing.Buffer b = r.get(name);
		if (b.shape()[0] != x.input.navShape()[0] || b.size() / b.perPosition() != x.rows) {
			throw new DecompositionException("decomposition", "needs every position of the data; a run of one position (a test run) cannot decompose");
		}
		return b.doubles();
	}

	/** @return the explained variance S² / n and its ratio S² / ‖X‖² of the singular values */
	double[][] explained(Results r) {
		double[] s = r.get("singular_values").doubles();
		double total = r.get("total").doubles()[0];
		double[] ev = new double[k];
		double[] ratio = new double[k];
		for (int c = 0; c < k; c++) {
			ev[c] = s[c] * s[c] / n;
			ratio[c] = s[c] * s[c] / total;
		}
		return new double[][] { ev, ratio };
	}

	/**
	 * Writes the factors (k × signal shape: rows of basis, rotated by R⁻¹ and scaled to unit norm, NaN in
	 * masked signal values, times √(column sum) after Poisson normalisation) and completes the loadings in
	 * place (their component scaled inversely, signs flipped so each component's largest absolute loading
	 * is positive, as HyperSpy's {@code svd_flip}; times √(row sum) after Poisson normalisation; NaN at
	 * masked positions).
	 *
	 * @param factorRows k × m factor rows before scaling (basis, or R⁻¹ basis for a rotation)
	 */
	void writeComponents(Results r, double[] factorRows, double[] factors) {
		double[] load = everyPosition(r, "loadings");
		double[] rowScale = r.get("row_scale").doubles();
		RowTransform t = transform(r);
		int rows = x.rows;
		java.util.Arrays.fill(factors, Double.NaN);
		for (int c = 0; c < k; c++) {
			double norm = 0;
			for (int j = 0; j < m; j++) {
				norm += factorRows[c * m + j] * factorRows[c * m + j];
			}
			norm = Math.sqrt(norm);
			int arg = -1;
			for (int i = 0; i < rows; i++) {
				if (pre.rowUsed(i) && (arg < 0 || Math.abs(load[i * k + c]) > Math.abs(load[arg * k + c]))) {
					arg = i;
				}
			}
			double sign = load[arg * k + c] < 0 ? -1 : 1;
			for (int j = 0; j < m; j++) {
				factors[c * x.columns + cols[j]] = sign * factorRows[c * m + j] / norm * t.columnScale(j);
			}
			for (int i = 0; i < rows; i++) {
				load[i * k + c] = pre.rowUsed(i) ? sign * load[i * k + c] * norm * rowScale[i] : Double.NaN;
			}
		}
	}
}
