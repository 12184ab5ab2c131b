package org.ronchi.processing.diffraction.ops;

import java.util.List;

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
import org.ronchi.processing.diffraction.Ellipse;

/**
 * {@code stem4d.ellipse}: the elliptical distortion of diffraction space from a ring in one image, an
 * amorphous halo in a mean pattern or a ring of Bragg vector map maxima ({@link Ellipse}: ring points
 * along rays between two radii, a conic fitted by weighted least squares). py4DSTEM fits the ring's
 * intensity with curve_fit instead; the result is its {@code p_ellipse}.
 */
@Component(service = Operation.class)
public final class EllipseOperation implements Operation {

	@Override
	public String id() {
		return "stem4d.ellipse";
	}

	@Override
	public String name() {
		return "Elliptical distortion";
	}

	@Override
	public String description() {
		return "Fits an ellipse to the brightest ring between two radii of an image (a Bragg vector map or a mean pattern): "
				+ "py4DSTEM's p_ellipse (qx0, qy0, a, b, theta).";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.numbers("radii", "px", null, "ri, ro: the ring lies between these distances from the centre").length(2),
				Parameter.numbers("centre", "px", null, "the ring's approximate centre (qx, qy); default the image's centre pixel").length(2)
						.optional(),
				Parameter.integer("rays", "", 360, "directions the ring is sampled along").range(8, 100000));
	}

	@Override
	public InputSpec input() {
		return new InputSpec(2, 0, 0, false);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] shape = s.input().sigShape();
		int nx = shape[0];
		int ny = shape[1];
		double[] radii = s.params().numbers("radii");
		if (!(radii[0] >= 0 && radii[1] > radii[0])) {
			throw s.badParameter("radii", "needs 0 <= ri < ro, got " + radii[0] + ", " + radii[1]);
		}
		double[] centre = s.params().numbers("centre");
		double cx = centre == null ? nx / 2 : centre[0];
		double cy = centre == null ? ny / 2 : centre[1];
		int rays = s.params().integer("rays");
		s.declare(BufferSpec.sig("image", DType.FLOAT64).hidden());
		s.declare(BufferSpec.result("ellipse", DType.FLOAT64, 5).shape(new int[] { 5 }, List.of(Axis.index("qx0, qy0, a, b, theta", 5)))
				.title("p_ellipse: centre (px), semi-axes a >= b (px), theta (rad, a axis from +qx towards +qy)"));
		s.declare(BufferSpec.result("ring_points", DType.INT64, 1).title("ring points fitted"));
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				double[] v = f.doubles();
				double[] image = out.get("image").doubles();
				for (int i = 0; i < v.length; i++) {
					image[i] += v[i];
				}
			}

			@Override
			public void finish(Results r) {
				double[][] ring = Ellipse.ringPoints(r.get("image").doubles(), nx, ny, cx, cy, radii[0], radii[1], rays);
				Ellipse e = Ellipse.fit(ring[0], ring[1], ring[2]);
				System.arraycopy(new double[] { e.x0(), e.y0(), e.a(), e.b(), e.theta() }, 0, r.get("ellipse").doubles(), 0, 5);
				r.get("ring_points").longs()[0] = ring[0].length;
			}
		};
	}
}
