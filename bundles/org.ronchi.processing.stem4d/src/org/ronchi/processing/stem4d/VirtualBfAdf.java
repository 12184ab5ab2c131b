package org.ronchi.processing.stem4d;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/** Virtual bright field (a disk) and annular dark field (an annulus) in one pass over the data. */
@Component(service = Operation.class)
public class VirtualBfAdf implements Operation {

	@Override
	public String id() {
		return "stem4d.virtual-bf-adf";
	}

	@Override
	public String name() {
		return "Virtual BF and ADF";
	}

	@Override
	public String description() {
		return "Virtual bright-field (disk) and annular dark-field (annulus) images, both from one read of the data.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		List<Parameter> p = new ArrayList<>();
		p.add(DetectorParams.center());
		p.add(Parameter.number("bf_radius", "px", null, "bright-field disk radius; default an eighth of the frame").optional());
		p.add(Parameter.number("adf_inner", "px", null, "annulus inner radius; default a quarter of the frame").optional());
		p.add(Parameter.number("adf_outer", "px", null, "annulus outer radius; default half the frame").optional());
		p.add(DetectorParams.origin());
		p.add(DetectorParams.originThreshold());
		return p;
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		int m = Math.min(f[0], f[1]);
		double[] c = Geometry.center(s, DetectorParams.CENTER);
		double bf = DetectorParams.radius(s, "bf_radius", m / 8.0);
		double ri = DetectorParams.radius(s, "adf_inner", m / 4.0);
		double ro = DetectorParams.radius(s, "adf_outer", m / 2.0);
		if (ro < ri) {
			throw s.badParameter("adf_outer", "must be at least adf_inner (" + Parameter.format(ri) + " px), got " + Parameter.format(ro));
		}
		s.declare(BufferSpec.nav("bf", DType.FLOAT64).quantity("Intensity", s.input().units()).title("virtual bright field"));
		s.declare(BufferSpec.nav("adf", DType.FLOAT64).quantity("Intensity", s.input().units()).title("virtual annular dark field"));
		return new DetectorKernel(List.of(new Detector("circle", bf, 0, null, null), new Detector("annulus", ri, ro, null, null)),
				List.of("bf", "adf"), f[0], f[1], c[0], c[1], DetectorParams.perPattern(s), s.params().number(DetectorParams.ORIGIN_THRESHOLD),
				s.input().dtype());
	}
}
