package org.ronchi.processing.diffraction.ops;

import java.util.List;

import org.eclipse.january.dataset.DoubleDataset;
import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.Axis;
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
import org.ronchi.processing.diffraction.BraggParams;
import org.ronchi.processing.diffraction.BraggPeaks;
import org.ronchi.processing.diffraction.BraggVectorMap;
import org.ronchi.processing.diffraction.Ellipse;
import org.ronchi.processing.diffraction.Lattice;
import org.ronchi.processing.diffraction.Maxima;

/**
 * {@code stem4d.lattice}: reciprocal lattice vectors g1, g2 of every pattern from its origin-corrected
 * Bragg peaks (the {@code peaks} of {@code stem4d.origin}), py4DSTEM's {@code fit_lattice_vectors_all_DPs}
 * ({@link Lattice#fit}): each peak indexed to the nearest point of the basis, then the basis and the
 * origin fitted by intensity-weighted least squares. The basis is given (g1, g2) or found in a first
 * pass: the Bragg vector map of all peaks, its maxima, the two shortest non-collinear vectors
 * ({@link Lattice#guessBasis}). Calibration flows into the results: peaks corrected for the elliptical
 * distortion (a, b, theta of {@code stem4d.ellipse}), scaled by the pixel size, rotated from detector to
 * scan coordinates (py4DSTEM's QR rotation and flip).
 */
@Component(service = Operation.class)
public final class LatticeOperation implements Operation {
	static final List<String> COMPONENTS = List.of("x0", "y0", "g1x", "g1y", "g2x", "g2y");

	@Override
	public String id() {
		return "stem4d.lattice";
	}

	@Override
	public String name() {
		return "Lattice vectors";
	}

	@Override
	public String description() {
		return "Fits the reciprocal lattice vectors g1, g2 (and the origin) to each position's origin-corrected Bragg peaks (py4DSTEM's "
				+ "fit_lattice_vectors_all_DPs); the basis is given or found in the Bragg vector map; ellipse, pixel size and rotation applied.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.numbers("g1", "px", null, "the first basis vector (qx, qy); with g2; default: found in the Bragg vector map")
				.length(2).optional(),
				Parameter.numbers("g2", "px", null, "the second basis vector (qx, qy)").length(2).optional(),
				Parameter.integer("basis_window", "px", 64, "automatic basis: the Bragg vector map spans +- this around the origin").range(4, 4096),
				Parameter.number("basis_min_intensity", "", 0.02, "automatic basis: maxima above this fraction of the brightest").range(0, 1),
				Parameter.number("basis_min_angle", "deg", 30.0, "automatic basis: least angle between g1 and g2").range(1, 90),
				Parameter.number("max_distance", "px", 0.0, "a peak further than this from its lattice point is not indexed (0: a quarter of |g1|)")
						.range(0, null),
				Parameter.integer("min_peaks", "", 5, "positions with fewer indexed peaks get no fit (NaN)").range(3, 10000),
				Parameter.array("ellipse", "p_ellipse (qx0, qy0, a, b, theta) of stem4d.ellipse (e.g. \"@ellipse.ellipse\"): a, b and theta "
						+ "are corrected about the origin").optional(),
				Parameter.number("pixel_size", "", 0.0, "diffraction-space pixel size in units (0: results in px)").range(0, null),
				Parameter.string("units", "1/nm", "the units of pixel_size"),
				Parameter.number("rotation", "deg", 0.0, "rotation of the scan relative to the detector (py4DSTEM's QR_rotation_degrees)"),
				Parameter.bool("flip", false, "the scan is mirrored relative to the detector (py4DSTEM's QR_flip)"));
	}

	@Override
	public InputSpec input() {
		return InputSpec.pointLists();
	}

	/** The detector-to-result map: ellipse correction (px, about the origin), then scale and rotation. */
	record Calibration(Ellipse ellipse, double scale, double cos, double sin, boolean flip) {
		/** @return the peaks in ellipse-corrected pixels */
		BraggPeaks corrected(BraggPeaks p) {
			if (ellipse == null) {
				return p;
			}
			double[] x = new double[p.size()];
			double[] y = new double[p.size()];
			for (int i = 0; i < x.length; i++) {
				double[] c = ellipse.correct(p.qx()[i], p.qy()[i]);
				x[i] = c[0];
				y[i] = c[1];
			}
			return new BraggPeaks(x, y, p.intensity());
		}

		/** @return a vector (corrected px) in result units and scan orientation */
		double[] vector(double x, double y) {
			double fy = flip ? -y : y;
			return new double[] { scale * (cos * x - sin * fy), scale * (sin * x + cos * fy) };
		}

		/** Writes a lattice (corrected px) as x0, y0, g1x, g1y, g2x, g2y in result units at dst[at]. */
		void write(Lattice l, double[] dst, int at) {
			double[] o = vector(l.x0(), l.y0());
			double[] a = vector(l.g1x(), l.g1y());
			double[] b = vector(l.g2x(), l.g2y());
			double[] v = { o[0], o[1], a[0], a[1], b[0], b[1] };
			System.arraycopy(v, 0, dst, at, 6);
		}
	}

	@Override
	public Kernel prepare(Setup s) {
		PeakFields fields = PeakFields.of(s);
		double[] g1 = s.params().numbers("g1");
		double[] g2 = s.params().numbers("g2");
		if ((g1 == null) != (g2 == null)) {
			throw s.badParameter(g1 == null ? "g1" : "g2", "g1 and g2 go together: give both or neither");
		}
		DoubleDataset e = s.params().array("ellipse");
		Ellipse ellipse = null;
		if (e != null) {
			if (e.getSize() != 5) {
				throw s.badParameter("ellipse", "needs the 5 values of p_ellipse, got " + e.getSize());
			}
			ellipse = new Ellipse(0, 0, e.getData()[2], e.getData()[3], e.getData()[4]);
		}
		double pixel = s.params().number("pixel_size");
		String units = pixel > 0 ? s.params().string("units") : fields.units();
		double angle = Math.toRadians(s.params().number("rotation"));
		Calibration cal = new Calibration(ellipse, pixel > 0 ? pixel : 1, Math.cos(angle), Math.sin(angle), s.params().bool("flip"));
		double maxDistance = s.params().number("max_distance");
		int minPeaks = s.params().integer("min_peaks");
		int w = s.params().integer("basis_window");
		int side = 2 * w + 1;
		boolean automatic = g1 == null;
		List<Axis> six = List.of(Axis.index(String.join(", ", COMPONENTS), 6));
		s.declare(BufferSpec.result("basis", DType.FLOAT64).shape(new int[] { 6 }, six).units(units)
				.title("the basis the peaks were indexed with (x0, y0, g1, g2)"));
		s.declare(BufferSpec.result("basis_px", DType.FLOAT64, 6).hidden());
		if (automatic) {
			s.declare(BufferSpec.single("bvm", DType.FLOAT64, side * side).hidden().inPasses(0));
		}
		int fit = automatic ? 1 : 0;
		s.declare(BufferSpec.nav("lattice", DType.FLOAT64).perPosition(new int[] { 6 }, six).units(units).title("lattice: origin, g1, g2")
				.arrayKind("lattice").inPasses(fit));
		s.declare(BufferSpec.nav("fit_error", DType.FLOAT64).units(units).title("rms distance of the indexed peaks from the lattice").inPasses(fit));
		s.declare(BufferSpec.nav("indexed", DType.INT32).title("peaks indexed").inPasses(fit));
		if (!automatic) {
			return new Fit(fields, cal, new double[] { 0, 0, g1[0], g1[1], g2[0], g2[1] }, maxDistance, minPeaks);
		}
		s.passes(2, (pass, prev) -> new Fit(fields, cal, prev.get("basis_px").doubles(), maxDistance, minPeaks));
		double minIntensity = s.params().number("basis_min_intensity");
		double minAngle = s.params().number("basis_min_angle");
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				BraggVectorMap.add(cal.corrected(fields.read(f.points())), w, w, out.get("bvm").doubles(), side, side);
			}

			@Override
			public void finish(Results r) {
				double[] map = r.get("bvm").doubles();
				BraggPeaks maxima = Maxima.find(map, side, side, new BraggParams(1, 0, 0, BraggParams.Subpixel.POLY, 2, 0, 0, 0, 2, 1, 1000));
				Maxima.refineParabolic(maxima, map, side, side);
				double[] x = maxima.qx().clone();
				double[] y = maxima.qy().clone();
				for (int i = 0; i < x.length; i++) {
					x[i] -= w;
					y[i] -= w;
				}
				Lattice b = Lattice.guessBasis(new BraggPeaks(x, y, maxima.intensity()), 0, 0, minIntensity, minAngle);
				System.arraycopy(new double[] { 0, 0, b.g1x(), b.g1y(), b.g2x(), b.g2y() }, 0, r.get("basis_px").doubles(), 0, 6);
			}
		};
	}

	/** Indexes and fits each position's peaks against the basis (corrected px). */
	private static final class Fit implements Kernel {
		private final PeakFields fields;
		private final Calibration cal;
		private final Lattice guess;
		private final double maxDistance;
		private final int minPeaks;

		Fit(PeakFields fields, Calibration cal, double[] basis, double maxDistance, int minPeaks) {
			this.fields = fields;
			this.cal = cal;
			this.guess = new Lattice(basis[0], basis[1], basis[2], basis[3], basis[4], basis[5], 0, 0);
			this.maxDistance = maxDistance > 0 ? maxDistance : 0.25 * Math.hypot(basis[2], basis[3]);
			this.minPeaks = minPeaks;
		}

		@Override
		public void processFrame(Frame f, BufferSet out) {
			Lattice l = Lattice.fit(cal.corrected(fields.read(f.points())), guess, maxDistance, minPeaks);
			cal.write(l, out.get("lattice").doubles(), 6 * f.index());
			out.get("fit_error").doubles()[f.index()] = cal.scale() * l.error();
			out.get("indexed").ints()[f.index()] = l.peaks();
		}

		@Override
		public void finish(Results r) {
			cal.write(guess, r.get("basis").doubles(), 0);
		}
	}
}
