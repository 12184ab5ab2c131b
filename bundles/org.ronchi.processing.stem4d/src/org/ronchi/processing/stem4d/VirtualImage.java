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

/** A virtual image: each pattern summed under one virtual detector (py4DSTEM's get_virtual_image). */
@Component(service = Operation.class)
public class VirtualImage implements Operation {

	@Override
	public String id() {
		return "stem4d.virtual-image";
	}

	@Override
	public String name() {
		return "Virtual image";
	}

	@Override
	public String description() {
		return "Sums each diffraction pattern under a virtual detector (point, circle, annulus, rectangle or mask), "
				+ "optionally centred on each pattern's centre of mass.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		List<Parameter> p = new ArrayList<>();
		p.add(Parameter.choice("detector", "circle", "detector geometry", "point", "circle", "annulus", "rectangle", "mask"));
		p.add(DetectorParams.center());
		p.add(Parameter.number("radius", "px", null, "circle radius; default an eighth of the frame").optional());
		p.add(Parameter.number("inner_radius", "px", null, "annulus inner radius (pixels at or beyond it count); default a quarter of the frame")
				.optional());
		p.add(Parameter.number("outer_radius", "px", null, "annulus outer radius (pixels at or within it count); default half the frame")
				.optional());
		p.add(Parameter.integers("rectangle", "px", null, "y0, y1, x0, x1: rows y0..y1-1, columns x0..x1-1").length(4).optional());
		p.add(Parameter.array("mask", "weights of the frame's shape (arbitrary values; 0/1 for a binary mask)").optional());
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
		double[] c = Geometry.center(s, DetectorParams.CENTER);
		Detector d = DetectorParams.detector(s);
		s.declare(BufferSpec.nav("image", DType.FLOAT64).quantity("Intensity", s.input().units())
				.title("virtual " + d.kind() + " image"));
		return new DetectorKernel(List.of(d), List.of("image"), f[0], f[1], c[0], c[1], DetectorParams.perPattern(s),
				s.params().number(DetectorParams.ORIGIN_THRESHOLD), s.input().dtype());
	}
}
