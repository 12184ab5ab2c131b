package org.ronchi.processing.diffraction.ops;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.PointBuffer;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;
import org.ronchi.processing.diffraction.BraggPeaks;
import org.ronchi.processing.diffraction.BraggVectorMap;
import org.ronchi.processing.diffraction.OriginFit;

/**
 * {@code stem4d.origin}: the unscattered beam of every pattern from its Bragg peaks (py4DSTEM's
 * {@code measure_origin} on Bragg vectors: the brightest peak, or the one nearest a guess), a plane
 * fitted over the scan with iterated outlier rejection ({@code fit_origin(fitfunction='plane',
 * robust=True)}), then the peaks shifted so the fitted origin is 0 (the origin calibration of
 * py4DSTEM's calibrated Bragg vectors) and, if asked, their Bragg vector map centred on the origin.
 * Two passes over the peaks: measure, then shift.
 */
@Component(service = Operation.class)
public final class Origin implements Operation {

	@Override
	public String id() {
		return "stem4d.origin";
	}

	@Override
	public String name() {
		return "Origin (unscattered beam)";
	}

	@Override
	public String description() {
		return "Measures the unscattered beam in each pattern's Bragg peaks, fits a plane over the scan (robust), and writes the peaks "
				+ "shifted so that the origin is 0, optionally with their Bragg vector map.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(
				Parameter.choice("method", "intensity", "the origin of a pattern: its brightest peak, or the peak nearest to guess", "intensity",
						"distance"),
				Parameter.numbers("guess", "px", null, "distance: the expected origin (qx0, qy0)").length(2).optional(),
				Parameter.number("max_distance", "px", 0.0, "a peak further than this from the guess is not the origin (0: no limit)").range(0, null),
				Parameter.choice("fit", "plane", "plane: the fitted plane is the origin; none: each pattern's own measurement", "plane", "none"),
				Parameter.integer("robust_steps", "", 3, "plane: refits after dropping outliers").range(0, 100),
				Parameter.number("robust_thresh", "", 2.0, "plane: outliers have a squared residual above this times the mean").range(0, null),
				Regions.navMask("the positions the plane is fitted to"),
				Parameter.integers("bvm_shape", "px", null, "also write the Bragg vector map of the shifted peaks, this shape (e.g. the detector's), "
						+ "origin at its centre pixel").length(2).optional());
	}

	@Override
	public InputSpec input() {
		return InputSpec.pointLists();
	}

	@Override
	public Kernel prepare(Setup s) {
		PeakFields fields = PeakFields.of(s);
		boolean brightest = s.params().string("method").equals("intensity");
		double[] guess = s.params().numbers("guess");
		if (!brightest && guess == null) {
			throw s.badParameter("guess", "method 'distance' needs a guess (qx0, qy0)");
		}
		double maxDistance = s.params().number("max_distance") == 0 ? Double.POSITIVE_INFINITY : s.params().number("max_distance");
		boolean plane = s.params().string("fit").equals("plane");
		int steps = s.params().integer("robust_steps");
		double thresh = s.params().number("robust_thresh");
		boolean[] mask = Regions.mask(s, "nav_mask");
		long[] nav = s.input().navShape();
		int positions = Math.toIntExact(Shapes.size(nav));
		int[] bvm = s.params().integers("bvm_shape");
		if (bvm != null && (bvm[0] < 2 || bvm[1] < 2)) {
			throw s.badParameter("bvm_shape", "needs at least 2 x 2 pixels");
		}
		String units = fields.units();
		List<Axis> mapAxes = new ArrayList<>(s.input().navAxes());
		mapAxes.add(Axis.index("qx0, qy0", 2));
		int[] mapShape = new int[nav.length + 1];
		for (int d = 0; d < nav.length; d++) {
			mapShape[d] = (int) nav[d];
		}
		mapShape[nav.length] = 2;
		s.declare(BufferSpec.nav("origin_measured", DType.FLOAT64).perPosition(new int[] { 2 }, List.of(Axis.index("qx0, qy0", 2))).units(units)
				.title("measured origin").inPasses(0));
		s.declare(BufferSpec.result("origin", DType.FLOAT64).shape(mapShape, mapAxes).units(units).title(plane ? "fitted origin" : "origin"));
		s.declare(BufferSpec.result("plane", DType.FLOAT64).shape(new int[] { 2, 3 },
				List.of(Axis.index("qx0, qy0", 2), Axis.index("slope along the first scan axis, slope along the last, offset", 3))).units(units)
				.title("origin plane q0 = m1 r1 + m2 r2 + b (per scan step)"));
		s.declare(BufferSpec.points("peaks", new org.ronchi.core.lazy.RecordType.Field("qx", DType.FLOAT64, units),
				new org.ronchi.core.lazy.RecordType.Field("qy", DType.FLOAT64, units), org.ronchi.core.lazy.RecordType.Field.of("intensity", DType.FLOAT64))
				.title("Bragg peaks relative to the origin").inPasses(1));
		if (bvm != null) {
			s.declare(BufferSpec.single("bvm", DType.FLOAT64, bvm).shape(bvm, List.of(Axis.linear("qx", units, bvm[0], 1, -(bvm[0] / 2)),
					Axis.linear("qy", units, bvm[1], 1, -(bvm[1] / 2)))).title("Bragg vector map, origin at the centre").arrayKind("diffraction")
					.quantity("Intensity", "").inPasses(1));
		}
		s.passes(2, (pass, prev) -> new Shift(fields, prev.get("origin").doubles(), nav, bvm));
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				BraggPeaks p = fields.read(f.points());
				double[] o;
				if (brightest) {
					int best = -1;
					for (int i = 0; i < p.size(); i++) {
						best = best < 0 || p.intensity()[i] > p.intensity()[best] ? i : best;
					}
					o = best < 0 ? new double[] { Double.NaN, Double.NaN } : new double[] { p.qx()[best], p.qy()[best] };
				} else {
					o = OriginFit.fromPeaks(p, guess[0], guess[1], maxDistance);
				}
				System.arraycopy(o, 0, out.get("origin_measured").doubles(), 2 * f.index(), 2);
			}

			@Override
			public void finish(Results r) {
				double[] measured = r.get("origin_measured").doubles();
				double[] origin = r.get("origin").doubles();
				double[] coefficients = r.get("plane").doubles();
				int last = (int) nav[nav.length - 1];
				int first = positions / last;
				for (int c = 0; c < 2; c++) {
					double[] v = new double[positions];
					for (int i = 0; i < positions; i++) {
						v[i] = measured[2 * i + c];
					}
					if (!plane) {
						for (int i = 0; i < positions; i++) {
							origin[2 * i + c] = v[i];
						}
						java.util.Arrays.fill(coefficients, 3 * c, 3 * c + 3, Double.NaN);
						continue;
					}
					OriginFit.Plane fit = OriginFit.fitPlane(v, first, last, mask, steps, thresh);
					for (int i = 0; i < positions; i++) {
						origin[2 * i + c] = fit.at(i / last, i % last);
					}
					coefficients[3 * c] = fit.mx();
					coefficients[3 * c + 1] = fit.my();
					coefficients[3 * c + 2] = fit.b();
				}
			}
		};
	}

	/** Pass 1: the peaks minus their position's origin, and their map. */
	private record Shift(PeakFields fields, double[] origin, long[] nav, int[] bvm) implements Kernel {
		@Override
		public void processFrame(Frame f, BufferSet out) {
			int i = Regions.flat(f, nav);
			double ox = origin[2 * i];
			double oy = origin[2 * i + 1];
			if (Double.isNaN(ox) || Double.isNaN(oy)) {
				return; // no origin: the position's peaks cannot be placed
			}
			BraggPeaks p = fields.read(f.points());
			PointBuffer list = out.points("peaks");
			for (int k = 0; k < p.size(); k++) {
				list.add(f.index(), p.qx()[k] - ox, p.qy()[k] - oy, p.intensity()[k]);
			}
			if (bvm != null) {
				BraggVectorMap.add(p, bvm[0] / 2 - ox, bvm[1] / 2 - oy, out.get("bvm").doubles(), bvm[0], bvm[1]);
			}
		}
	}
}
