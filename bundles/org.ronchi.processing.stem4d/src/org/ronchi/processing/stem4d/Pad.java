package org.ronchi.processing.stem4d;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/** Pads patterns (Q) and the scan (R) with a constant; values keep their dtype. */
@Component(service = Operation.class)
public class Pad implements Operation {

	@Override
	public String id() {
		return "stem4d.pad";
	}

	@Override
	public String name() {
		return "Pad in Q and R";
	}

	@Override
	public String description() {
		return "Adds a border of a constant value around each pattern (Q) and around the scan (R).";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.integers("q", "px", new int[] { 0, 0, 0, 0 }, "top, bottom, left, right").length(4).range(0, 65536),
				Parameter.integers("r", "positions", null, "before, after per scan dimension; default none").optional(),
				Parameter.number("value", "", 0.0, "the value of padded elements"));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		int[] q = s.params().integers("q");
		long[] nav = s.input().navShape();
		int[] r = s.params().integers("r");
		if (r != null) {
			if (r.length != 2 * nav.length) {
				throw s.badParameter("r", "needs before and after per scan dimension (" + 2 * nav.length + " values), got " + r.length);
			}
			long[] before = new long[nav.length];
			long[] after = new long[nav.length];
			for (int d = 0; d < nav.length; d++) {
				if (r[2 * d] < 0 || r[2 * d + 1] < 0) {
					throw s.badParameter("r", "values must be at least 0, got " + java.util.Arrays.toString(r));
				}
				before[d] = r[2 * d];
				after[d] = r[2 * d + 1];
			}
			s.navigation(s.navigation().pad(before, after));
		}
		int h = f[0] + q[0] + q[1];
		int w = f[1] + q[2] + q[3];
		s.declare(BufferSpec.nav("data", s.input().dtype()).perPosition(new int[] { h, w }, Geometry.sigAxes(s.input(), 0, 0, 1, 1, q[0], q[2], h, w))
				.quantity(s.input().quantity(), s.input().units()).title("padded datacube").arrayKind("datacube").merge(BufferSpec.Merge.CUSTOM)
				.fill(s.params().number("value")));
		return new RawFrames(f[1], 0, 0, f[0], f[1], q[0], q[2], w, h * w, s.input().dtype().itemSize());
	}
}
