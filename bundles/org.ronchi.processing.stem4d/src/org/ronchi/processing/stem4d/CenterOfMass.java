package org.ronchi.processing.stem4d;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;

/**
 * Centre of mass of every pattern, and from it differential phase contrast: the shift from a
 * reference (the mean centre of mass over the scan, the detector centre, or none), rotated by the
 * scan-to-detector rotation (after swapping the detector axes if flip), in the detector's calibrated
 * units; on a 2-D scan also iDPC, the shift field integrated over the scan by Fourier transform
 * ({@link Integration}; units detector units × scan units).
 */
@Component(service = Operation.class)
public class CenterOfMass implements Operation {

	@Override
	public String id() {
		return "stem4d.com-dpc";
	}

	@Override
	public String name() {
		return "Centre of mass, DPC and iDPC";
	}

	@Override
	public String description() {
		return "Centre of mass of each pattern; its shift from a reference (DPC), rotated into the scan frame; "
				+ "and on 2-D scans the integrated DPC (iDPC).";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		List<Parameter> p = new ArrayList<>();
		p.add(Parameter.number("threshold", "", 0.0, "ignore pixels below this fraction of each pattern's maximum").range(0, 1));
		p.add(DetectorParams.center());
		p.add(Parameter.number("mask_radius", "px", null, "only pixels within this radius of center count; default all").optional());
		p.add(Parameter.choice("reference", "mean", "what DPC is measured from", "mean", "center", "none"));
		p.add(Parameter.number("rotation", "deg", 0.0, "rotation from detector to scan axes, counter-clockwise").range(-360, 360));
		p.add(Parameter.bool("flip", false, "swap the detector's y and x axes before rotating"));
		return p;
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		InputInfo in = s.input();
		int[] f = in.sigShape();
		double[] c = Geometry.center(s, DetectorParams.CENTER);
		double radius = DetectorParams.radius(s, "mask_radius", 0);
		List<Axis> sig = in.sigAxes();
		String units = sig.get(0).units();
		s.declare(BufferSpec.nav("com_y", DType.FLOAT64).quantity("Centre of mass y", units).title("centre of mass y"));
		s.declare(BufferSpec.nav("com_x", DType.FLOAT64).quantity("Centre of mass x", units).title("centre of mass x"));
		int[] nav = org.ronchi.core.lazy.Shapes.toInt(in.navShape());
		List<Axis> navAxes = new ArrayList<>();
		for (Axis a : in.navAxes()) {
			navAxes.add(a.withNavigate(false));
		}
		s.declare(BufferSpec.result("dpc_y", DType.FLOAT64, nav).shape(nav, navAxes).quantity("DPC y", units).title("DPC y").arrayKind("image"));
		s.declare(BufferSpec.result("dpc_x", DType.FLOAT64, nav).shape(nav, navAxes).quantity("DPC x", units).title("DPC x").arrayKind("image"));
		boolean idpc = in.navRank() == 2;
		if (idpc) {
			String nu = in.navAxes().get(0).units();
			s.declare(BufferSpec.result("idpc", DType.FLOAT64, nav).shape(nav, navAxes)
					.quantity("Integrated DPC", (units + " " + nu).trim()).title("iDPC").arrayKind("image"));
		}
		return new Com(f[0], f[1], s.params().number("threshold"), c, radius, s.params().string("reference"),
				Math.toRadians(s.params().number("rotation")), s.params().bool("flip"), sig.get(0), sig.get(1), idpc, in);
	}

	private record Com(int ny, int nx, double threshold, double[] center, double radius, String reference, double rotation, boolean flip,
			Axis ay, Axis ax, boolean idpc, InputInfo in) implements Kernel {

		@Override
		public void processFrame(Frame f, BufferSet out) {
			double[] com = FrameMath.centerOfMass(f.floats(), ny, nx, threshold, center[0], center[1], radius);
			out.get("com_y").doubles()[f.index()] = coordinate(ay, com[0]);
			out.get("com_x").doubles()[f.index()] = coordinate(ax, com[1]);
		}

		private static double coordinate(Axis a, double px) {
			return a.isLinear() ? a.offset() + px * a.scale() : px;
		}

		@Override
		public void finish(Results r) {
			double[] cy = r.get("com_y").doubles();
			double[] cx = r.get("com_x").doubles();
			double ry = 0;
			double rx = 0;
			if ("mean".equals(reference)) {
				int n = 0;
				for (int i = 0; i < cy.length; i++) {
					if (!Double.isNaN(cy[i])) {
						ry += cy[i];
						rx += cx[i];
						n++;
					}
				}
				ry = n == 0 ? 0 : ry / n;
				rx = n == 0 ? 0 : rx / n;
			} else if ("center".equals(reference)) {
				ry = coordinate(ay, center[0]);
				rx = coordinate(ax, center[1]);
			}
			double[] dy = r.get("dpc_y").doubles();
			double[] dx = r.get("dpc_x").doubles();
			double cos = Math.cos(rotation);
			double sin = Math.sin(rotation);
			for (int i = 0; i < cy.length; i++) {
				double y = cy[i] - ry;
				double x = cx[i] - rx;
				if (flip) {
					double t = y;
					y = x;
					x = t;
				}
				dx[i] = cos * x - sin * y;
				dy[i] = sin * x + cos * y;
			}
			if (idpc) {
				long[] nav = in.navShape();
				Axis sy = in.navAxes().get(0);
				Axis sx = in.navAxes().get(1);
				double[] phi = Integration.fourier(dy, dx, (int) nav[0], (int) nav[1], sy.isLinear() ? sy.scale() : 1, sx.isLinear() ? sx.scale() : 1);
				System.arraycopy(phi, 0, r.get("idpc").doubles(), 0, phi.length);
			}
		}
	}
}
