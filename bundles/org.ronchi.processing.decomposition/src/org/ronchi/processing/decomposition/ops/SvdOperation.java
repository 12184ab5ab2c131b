package org.ronchi.processing.decomposition.ops;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;

/**
 * {@code decomposition.svd}: truncated SVD/PCA of any signal over its navigation positions (HyperSpy's
 * {@code decomposition(algorithm='SVD')}): uncentred unless asked, Poisson normalisation and masks as
 * HyperSpy, out of core in a few passes ({@link SvdSchedule}).
 */
@Component(service = Operation.class)
public final class SvdOperation implements Operation {

	@Override
	public String id() {
		return "decomposition.svd";
	}

	@Override
	public String name() {
		return "SVD / PCA";
	}

	@Override
	public String description() {
		return "Truncated singular value decomposition of the data unfolded to positions x signal values (HyperSpy's decomposition): "
				+ "singular values, explained variance, factors (signals) and loadings (maps), optionally the data rebuilt from the first components.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		List<Parameter> own = List.of(Parameter.integer("output_dimension", "", 10, "components kept").range(1, 1000),
				Parameter.integer("model_components", "", 0, "rebuild the data from this many components as output 'model' (0: no model)")
						.range(0, 1000));
		return Decompositions.join(Decompositions.join(own, Decompositions.preprocessing()), Decompositions.solver());
	}

	@Override
	public InputSpec input() {
		return Unfolded.INPUT;
	}

	@Override
	public Kernel prepare(Setup s) {
		SvdSchedule svd = new SvdSchedule(s, Decompositions.preprocessing(s), s.params().integer("output_dimension"), Decompositions.method(s),
				s.params().integer("oversamples"), s.params().integer("power_iterations"), s.params().integer("seed"), false,
				s.params().integer("model_components"), new Outputs());
		svd.declare(s);
		s.passes(svd.passes(), svd::kernel);
		return svd.kernel0();
	}

	/** Explained variance, factors, loadings, the mean when centred on navigation. */
	static final class Outputs implements SvdSchedule.Finisher {
		@Override
		public void declare(Setup s, SvdSchedule svd) {
			int k = svd.k;
			List<org.ronchi.core.model.Axis> comp = List.of(org.ronchi.core.model.Axis.index("component", k));
			s.declare(BufferSpec.result("explained_variance", DType.FLOAT64, k).shape(new int[] { k }, comp).title("explained variance")
					.arrayKind("spectrum"));
			s.declare(BufferSpec.result("explained_variance_ratio", DType.FLOAT64, k).shape(new int[] { k }, comp)
					.title("explained variance ratio").arrayKind("spectrum"));
			s.declare(BufferSpec.result("factors", DType.FLOAT64).shape(svd.x.factorShape(k), svd.x.factorAxes(k)).title("factors")
					.arrayKind("factors"));
			if (svd.pre.centre() == org.ronchi.processing.decomposition.Preprocessing.Centre.NAVIGATION) {
				s.declare(BufferSpec.result("mean", DType.FLOAT64).shape(s.input().sigShape(), s.input().sigAxes()).title("mean signal")
						.quantity(s.input().quantity(), s.input().units()));
			}
		}

		@Override
		public void finish(Results r, SvdSchedule svd) {
			double[][] ev = svd.explained(r);
			System.arraycopy(ev[0], 0, r.get("explained_variance").doubles(), 0, svd.k);
			System.arraycopy(ev[1], 0, r.get("explained_variance_ratio").doubles(), 0, svd.k);
			svd.writeComponents(r, r.get("basis").doubles(), r.get("factors").doubles());
			double[] means = svd.transform(r).columnMeans();
			if (means != null) {
				double[] mean = r.get("mean").doubles();
				java.util.Arrays.fill(mean, Double.NaN);
				for (int j = 0; j < svd.m; j++) {
					mean[svd.cols[j]] = means[j];
				}
			}
		}
	}
}
