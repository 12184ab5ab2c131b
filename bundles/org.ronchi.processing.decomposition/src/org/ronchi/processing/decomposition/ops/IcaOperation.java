package org.ronchi.processing.decomposition.ops;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;
import org.ronchi.processing.decomposition.FastIca;

/**
 * {@code decomposition.ica}: blind source separation as HyperSpy's {@code blind_source_separation} after
 * an SVD: FastICA ({@link FastIca}) on the first N factors finds the unmixing matrix W; the independent
 * factors are {@code factors · Wᵀ} and their loadings {@code loadings · W⁻¹} (computed per position in
 * the loadings pass), so their product is the SVD model from N components.
 */
@Component(service = Operation.class)
public final class IcaOperation implements Operation {

	@Override
	public String id() {
		return "decomposition.ica";
	}

	@Override
	public String name() {
		return "ICA (blind source separation)";
	}

	@Override
	public String description() {
		return "Independent components of the first N SVD components (FastICA, logcosh, as HyperSpy's blind_source_separation): "
				+ "independent factors and their loadings.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		List<Parameter> own = List.of(Parameter.integer("components", "", 2, "N: SVD components separated").range(2, 100),
				Parameter.integer("max_iterations", "", 200, "FastICA iterations at most").range(1, 100000),
				Parameter.number("tolerance", "", 1e-4, "FastICA stops when the unmixing changes less").range(0, 1),
				Parameter.integer("model_components", "", 0, "rebuild the data from this many components as output 'model' (0: no model)")
						.range(0, 100));
		return Decompositions.join(Decompositions.join(own, Decompositions.preprocessing()), Decompositions.solver());
	}

	@Override
	public InputSpec input() {
		return Unfolded.INPUT;
	}

	@Override
	public Kernel prepare(Setup s) {
		int n = s.params().integer("components");
		SvdSchedule svd = new SvdSchedule(s, Decompositions.preprocessing(s), n, Decompositions.method(s), s.params().integer("oversamples"),
				s.params().integer("power_iterations"), s.params().integer("seed"), false, s.params().integer("model_components"),
				new Separation(s.params().integer("seed"), s.params().integer("max_iterations"), s.params().number("tolerance")));
		if (svd.k < n) {
			throw s.badParameter("components", n + " components asked, the data have " + svd.k);
		}
		svd.declare(s);
		s.passes(svd.passes(), svd::kernel);
		return svd.kernel0();
	}

	/** FastICA on the factors once the SVD is known; the rotated components after the loadings pass. */
	private record Separation(long seed, int maxIterations, double tolerance) implements SvdSchedule.Finisher {
		@Override
		public void declare(Setup s, SvdSchedule svd) {
			int k = svd.k;
			s.declare(BufferSpec.result("factors", DType.FLOAT64).shape(svd.x.factorShape(k), svd.x.factorAxes(k)).title("independent factors")
					.arrayKind("factors"));
			s.declare(BufferSpec.result("unmixing", DType.FLOAT64).shape(new int[] { k, k },
					List.of(Axis.index("component", k), Axis.index("factor", k))).title("unmixing matrix"));
			s.declare(BufferSpec.result("converged", DType.INT32, 1).title("FastICA converged (1) or stopped at max_iterations (0)"));
		}

		@Override
		public void decomposed(Results r, SvdSchedule svd) {
			int k = svd.k;
			int m = svd.m;
			double[] basis = r.get("basis").doubles();
			double[] signals = new double[m * k];
			for (int c = 0; c < k; c++) {
				for (int j = 0; j < m; j++) {
					signals[j * k + c] = basis[c * m + j];
				}
			}
			FastIca.Result ica = FastIca.separate(signals, m, k, seed, maxIterations, tolerance);
			System.arraycopy(ica.unmixing(), 0, r.get("unmixing").doubles(), 0, k * k);
			r.get("converged").ints()[0] = ica.converged() ? 1 : 0;
			double[][] w = new double[k][k];
			for (int a = 0; a < k; a++) {
				System.arraycopy(ica.unmixing(), a * k, w[a], 0, k);
			}
			RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(w, false)).getSolver().getInverse();
			double[] rot = r.get("rotation").doubles();
			for (int a = 0; a < k; a++) {
				for (int c = 0; c < k; c++) {
					rot[a * k + c] = inverse.getEntry(a, c);
				}
			}
		}

		@Override
		public void finish(Results r, SvdSchedule svd) {
			int k = svd.k;
			int m = svd.m;
			double[] basis = r.get("basis").doubles();
			double[] w = r.get("unmixing").doubles();
			double[] rows = new double[k * m];
			for (int c = 0; c < k; c++) {
				for (int a = 0; a < k; a++) {
					double wa = w[c * k + a];
					for (int j = 0; j < m; j++) {
						rows[c * m + j] += wa * basis[a * m + j];
					}
				}
			}
			svd.writeComponents(r, rows, r.get("factors").doubles());
		}
	}
}
