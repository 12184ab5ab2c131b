package org.ronchi.processing.decomposition.ops;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;
import org.ronchi.processing.decomposition.DecompositionException;
import org.ronchi.processing.decomposition.Nmf;
import org.ronchi.processing.decomposition.Preprocessing;

/**
 * {@code decomposition.nmf}: non-negative matrix factorisation X ≈ W H as scikit-learn's
 * {@code NMF(init='nndsvda', solver='cd', tol=0)} (HyperSpy's {@code decomposition(algorithm='NMF')}):
 * a statistics pass (mean, minimum), the SVD of rank r ({@link SvdSchedule}) for the NNDSVDa start, then
 * one pass per HALS iteration ({@link Nmf}): every row of W updated on its own, WᵀX and WᵀW summed, H
 * updated after the pass; W (n × r) is held between passes, X never. Optionally one more pass writes the
 * model W H.
 */
@Component(service = Operation.class)
public final class NmfOperation implements Operation {

	@Override
	public String id() {
		return "decomposition.nmf";
	}

	@Override
	public String name() {
		return "NMF";
	}

	@Override
	public String description() {
		return "Non-negative matrix factorisation (HALS from NNDSVDa, as scikit-learn's NMF solver='cd'): non-negative factors and "
				+ "loadings, the reconstruction error, optionally the model W H.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		List<Parameter> own = List.of(Parameter.integer("output_dimension", "", 2, "r: components").range(1, 200),
				Parameter.integer("iterations", "", 200, "HALS iterations (one pass over the data each; scikit-learn's max_iter with tol=0)")
						.range(1, 100000),
				Parameter.bool("model", false, "also write the model W H (one more pass)"));
		return Decompositions.join(own, Decompositions.solver());
	}

	@Override
	public InputSpec input() {
		return Unfolded.INPUT;
	}

	@Override
	public Kernel prepare(Setup s) {
		int r = s.params().integer("output_dimension");
		int iterations = s.params().integer("iterations");
		boolean model = s.params().bool("model");
		Start start = new Start(r);
		SvdSchedule svd = new SvdSchedule(s, Preprocessing.none(), r, Decompositions.method(s), s.params().integer("oversamples"),
				s.params().integer("power_iterations"), s.params().integer("seed"), true, 0, start);
		if (svd.k < r) {
			throw s.badParameter("output_dimension", r + " components asked, the data have " + svd.k + " (positions, signal values)");
		}
		int firstIteration = svd.passes();
		int last = firstIteration + iterations - 1;
		int[] iterationPasses = new int[iterations];
		for (int i = 0; i < iterations; i++) {
			iterationPasses[i] = firstIteration + i;
		}
		svd.declare(s, iterationPasses);
		int m = svd.m;
		s.declare(BufferSpec.single("wtx", DType.FLOAT64, r * m).hidden().inPasses(iterationPasses));
		s.declare(BufferSpec.single("wtw", DType.FLOAT64, r * r).hidden().inPasses(iterationPasses));
		s.declare(BufferSpec.single("x2", DType.FLOAT64, 1).hidden().inPasses(iterationPasses));
		s.declare(BufferSpec.result("reconstruction_error", DType.FLOAT64, 1).title("reconstruction error ||X - WH||"));
		if (model) {
			s.declare(BufferSpec.nav("model", DType.FLOAT32).perPosition(s.input().sigShape(), s.input().sigAxes())
					.quantity(s.input().quantity(), s.input().units()).title("NMF model W H").arrayKind("model").inPasses(last + 1));
		}
		s.passes(last + 1 + (model ? 1 : 0), (pass, prev) -> {
			if (pass == svd.first && prev.get("minimum").doubles()[0] < 0) {
				throw new DecompositionException("NMF", "negative values in the data (down to " + prev.get("minimum").doubles()[0]
						+ "): NMF needs non-negative data");
			}
			if (pass < firstIteration) {
				return svd.kernel(pass, prev);
			}
			return pass <= last ? new Iteration(svd, r, prev, pass == last) : new Model(svd, r, prev);
		});
		return svd.kernel0();
	}

	/** NNDSVDa from the SVD's loadings: W and H before the first iteration. */
	private record Start(int r) implements SvdSchedule.Finisher {
		@Override
		public boolean keepsSingularValues() {
			return false;
		}

		@Override
		public void declare(Setup s, SvdSchedule svd) {
			s.declare(BufferSpec.result("factors", DType.FLOAT64).shape(svd.x.factorShape(r), svd.x.factorAxes(r)).title("NMF factors (H)")
					.arrayKind("factors"));
			s.declare(BufferSpec.result("w", DType.FLOAT64, svd.x.rows * r).hidden());
		}

		@Override
		public void finish(Results res, SvdSchedule svd) {
			double[] sums = res.get("column_sums").doubles();
			double total = 0;
			for (double v : sums) {
				total += v;
			}
			double mean = total / ((double) svd.n * svd.m);
			Nmf.init(res.get("loadings").doubles(), res.get("basis").doubles(), res.get("singular_values").doubles(), svd.x.rows, svd.m, svd.k, r,
					mean, res.get("w").doubles(), res.get("factors").doubles());
		}
	}

	/** One HALS iteration: each row of W, then H from the sums. */
	private static final class Iteration implements Kernel {
		private final SvdSchedule svd;
		private final int r;
		private final boolean last;
		private final double[] w;
		private final double[] h;
		private final double[] hht;
		private final ThreadLocal<double[]> xht;

		Iteration(SvdSchedule svd, int r, Results prev, boolean last) {
			this.svd = svd;
			this.r = r;
			this.last = last;
			this.w = prev.get("w").doubles();
			this.h = prev.get("factors").doubles();
			this.hht = Nmf.gram(h, r, svd.m);
			this.xht = ThreadLocal.withInitial(() -> new double[2 * r]);
		}

		@Override
		public void processFrame(Frame f, BufferSet out) {
			int i = svd.x.row(f);
			int m = svd.m;
			float[] x = f.floats();
			double[] t = xht.get();
			for (int a = 0; a < r; a++) {
				double s = 0;
				int base = a * m;
				for (int j = 0; j < m; j++) {
					s += x[j] * h[base + j];
				}
				t[a] = s;
				t[r + a] = w[i * r + a];
			}
			Nmf.updateRow(t, hht, r, t, r);
			System.arraycopy(t, r, out.get("loadings").doubles(), f.index() * r, r);
			double[] wtx = out.get("wtx").doubles();
			double[] wtw = out.get("wtw").doubles();
			for (int a = 0; a < r; a++) {
				double wa = t[r + a];
				if (wa != 0) {
					int base = a * m;
					for (int j = 0; j < m; j++) {
						wtx[base + j] += wa * x[j];
					}
				}
				for (int b = 0; b < r; b++) {
					wtw[a * r + b] += wa * t[r + b];
				}
			}
			double s = 0;
			for (int j = 0; j < m; j++) {
				s += (double) x[j] * x[j];
			}
			out.get("x2").doubles()[0] += s;
		}

		@Override
		public void finish(Results res) {
			double[] wtx = res.get("wtx").doubles();
			double[] wtw = res.get("wtw").doubles();
			double[] factors = res.get("factors").doubles();
			Nmf.updateFactors(wtx, wtw, r, svd.m, factors);
			System.arraycopy(res.get("loadings").doubles(), 0, res.get("w").doubles(), 0, svd.x.rows * r);
			if (last) {
				double e2 = Nmf.squaredError(res.get("x2").doubles()[0], wtx, wtw, factors, r, svd.m);
				res.get("reconstruction_error").doubles()[0] = Math.sqrt(Math.max(e2, 0));
			}
		}
	}

	/** The model W H, row by row (reads the data only because every pass does). */
	private static final class Model implements Kernel {
		private final SvdSchedule svd;
		private final int r;
		private final double[] w;
		private final double[] h;

		Model(SvdSchedule svd, int r, Results prev) {
			this.svd = svd;
			this.r = r;
			this.w = prev.get("w").doubles();
			this.h = prev.get("factors").doubles();
		}

		@Override
		public void processFrame(Frame f, BufferSet out) {
			int i = svd.x.row(f);
			int m = svd.m;
			float[] model = out.get("model").floats();
			int base = f.index() * m;
			for (int j = 0; j < m; j++) {
				double v = 0;
				for (int a = 0; a < r; a++) {
					v += w[i * r + a] * h[a * m + j];
				}
				model[base + j] = (float) v;
			}
		}
	}
}
