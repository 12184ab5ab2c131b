package org.ronchi.processing.decomposition.ops;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.processing.Parameter;
import org.ronchi.processing.Params;
import org.ronchi.processing.Setup;
import org.ronchi.processing.decomposition.DecompositionException;
import org.ronchi.processing.decomposition.Preprocessing;

/** The parameters the decomposition operations share, named as HyperSpy's {@code decomposition} names them. */
final class Decompositions {
	private Decompositions() {
	}

	/** How the SVD is computed (every decomposition operation starts with one). */
	static List<Parameter> solver() {
		return List.of(
				Parameter.choice("method", "auto", "auto: sketch-exact when min(positions, signal values) <= 512 (exact), gram when "
						+ "signal values <= 1024 (exact), else randomized (approximate)", "auto", "sketch-exact", "gram", "randomized"),
				Parameter.integer("oversamples", "", 10, "randomized: sketch columns beyond the components").range(0, 1000),
				Parameter.integer("power_iterations", "", 2, "randomized: power iterations (2 passes each)").range(0, 20),
				Parameter.integer("seed", "", 0, "of the random test matrix"));
	}

	/** Centring, Poisson normalisation and masks. */
	static List<Parameter> preprocessing() {
		return List.of(
				Parameter.choice("centre", "none", "subtract the mean signal (navigation) or each position's mean (signal), as HyperSpy's centre",
						"none", "navigation", "signal"),
				Parameter.bool("normalize_poissonian_noise", false, "scale X by 1/(sqrt(row sums) sqrt(column sums)) first, as HyperSpy"),
				Parameter.array("navigation_mask", "positions left out where non-zero (navigation shape)").optional(),
				Parameter.array("signal_mask", "signal values left out where non-zero (signal shape)").optional());
	}

	static List<Parameter> join(List<Parameter> first, List<Parameter> second) {
		List<Parameter> out = new ArrayList<>(first);
		out.addAll(second);
		return out;
	}

	static Preprocessing preprocessing(Setup s) {
		Params p = s.params();
		Preprocessing.Centre centre = Preprocessing.Centre.valueOf(p.string("centre").toUpperCase(java.util.Locale.ROOT));
		boolean poisson = p.bool("normalize_poissonian_noise");
		if (poisson && centre != Preprocessing.Centre.NONE) {
			throw s.badParameter("normalize_poissonian_noise", "works with centre = none only, as in HyperSpy");
		}
		try {
			return new Preprocessing(centre, poisson, Unfolded.mask(s, "navigation_mask", s.input().navShape()),
					Unfolded.mask(s, "signal_mask", org.ronchi.core.lazy.Shapes.toLong(s.input().sigShape())));
		} catch (DecompositionException e) {
			throw s.badParameter("centre", e.problem());
		}
	}

	static SvdSchedule.Method method(Setup s) {
		return SvdSchedule.Method.named(s.params().string("method"));
	}
}
