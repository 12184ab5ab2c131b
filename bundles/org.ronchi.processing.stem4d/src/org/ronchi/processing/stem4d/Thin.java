package org.ronchi.processing.stem4d;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/** Keeps every n-th scan position (py4DSTEM's thin_R); patterns unchanged. */
@Component(service = Operation.class)
public class Thin implements Operation {

	@Override
	public String id() {
		return "stem4d.thin";
	}

	@Override
	public String name() {
		return "Thin in R";
	}

	@Override
	public String description() {
		return "Keeps every n-th scan position in each scan dimension; rows that are skipped are not read.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.integers("step", "positions", null, "step per scan dimension").range(1, null));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		int[] step = Geometry.perNavDim(s, "step", 1, 1);
		s.navigation(s.navigation().thin(step));
		s.declare(BufferSpec.nav("data", s.input().dtype()).perPosition(f, s.input().sigAxes()).quantity(s.input().quantity(), s.input().units())
				.title("thinned datacube").arrayKind("datacube").merge(BufferSpec.Merge.CUSTOM));
		return new RawFrames(f[1], 0, 0, f[0], f[1], 0, 0, f[1], f[0] * f[1], s.input().dtype().itemSize());
	}
}
