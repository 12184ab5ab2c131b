package org.ronchi.processing.stem4d;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/** Crops patterns to a window (Q) and the scan to a window (R); values keep their dtype. */
@Component(service = Operation.class)
public class Crop implements Operation {

	@Override
	public String id() {
		return "stem4d.crop";
	}

	@Override
	public String name() {
		return "Crop in Q and R";
	}

	@Override
	public String description() {
		return "Keeps a window of each pattern (Q) and of the scan (R); only the window is read.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.integers("q", "px", null, "y0, y1, x0, x1: detector rows y0..y1-1, columns x0..x1-1; default all").length(4)
				.optional(), Parameter.integers("r", "positions", null, "start, stop per scan dimension (e.g. y0, y1, x0, x1); default all").optional());
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		int[] q = s.params().integers("q");
		if (q == null) {
			q = new int[] { 0, f[0], 0, f[1] };
		}
		if (q[0] < 0 || q[0] >= q[1] || q[1] > f[0] || q[2] < 0 || q[2] >= q[3] || q[3] > f[1]) {
			throw s.badParameter("q", "must satisfy 0 <= y0 < y1 <= " + f[0] + " and 0 <= x0 < x1 <= " + f[1] + ", got " + java.util.Arrays.toString(q));
		}
		long[] nav = s.input().navShape();
		int[] r = s.params().integers("r");
		if (r != null) {
			if (r.length != 2 * nav.length) {
				throw s.badParameter("r", "needs a start and a stop per scan dimension (" + 2 * nav.length + " values), got " + r.length);
			}
			long[] start = new long[nav.length];
			long[] count = new long[nav.length];
			for (int d = 0; d < nav.length; d++) {
				if (r[2 * d] < 0 || r[2 * d] >= r[2 * d + 1] || r[2 * d + 1] > nav[d]) {
					throw s.badParameter("r", "dimension " + d + " must satisfy 0 <= start < stop <= " + nav[d] + ", got " + r[2 * d] + ", " + r[2 * d + 1]);
				}
				start[d] = r[2 * d];
				count[d] = r[2 * d + 1] - r[2 * d];
			}
			s.navigation(s.navigation().crop(start, count));
		}
		int h = q[1] - q[0];
		int w = q[3] - q[2];
		s.declare(BufferSpec.nav("data", s.input().dtype()).perPosition(new int[] { h, w }, Geometry.sigAxes(s.input(), q[0], q[2], 1, 1, 0, 0, h, w))
				.quantity(s.input().quantity(), s.input().units()).title("cropped datacube").arrayKind("datacube").merge(BufferSpec.Merge.CUSTOM));
		return new RawFrames(f[1], q[0], q[2], h, w, 0, 0, w, h * w, s.input().dtype().itemSize());
	}
}
