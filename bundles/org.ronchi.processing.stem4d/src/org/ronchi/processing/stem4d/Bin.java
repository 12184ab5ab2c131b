package org.ronchi.processing.stem4d;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Partition;
import org.ronchi.processing.Setup;

/**
 * Bins the datacube: blocks of q pixels in each pattern and of r positions in the scan are summed (or
 * averaged) into one; remainders that do not fill a block are dropped, as py4DSTEM's bin_Q/bin_R do.
 * The result is float32.
 */
@Component(service = Operation.class)
public class Bin implements Operation {

	@Override
	public String id() {
		return "stem4d.bin";
	}

	@Override
	public String name() {
		return "Bin in Q and R";
	}

	@Override
	public String description() {
		return "Sums or averages blocks of detector pixels (Q) and of scan positions (R).";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.integers("q", "px", new int[] { 1, 1 }, "detector block (y, x)").length(2).range(1, null),
				Parameter.integers("r", "positions", null, "scan block, one per scan dimension; default no binning").optional(),
				Parameter.choice("method", "sum", "how a block combines", "sum", "mean"));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		int[] q = s.params().integers("q");
		if (q[0] > f[0] || q[1] > f[1]) {
			throw s.badParameter("q", "must be at most the frame size (" + f[0] + ", " + f[1] + ") px, got (" + q[0] + ", " + q[1] + ")");
		}
		int[] r = Geometry.perNavDim(s, "r", 1, 1);
		long[] nav = s.input().navShape();
		for (int d = 0; d < r.length; d++) {
			if (r[d] > nav[d]) {
				throw s.badParameter("r", "must be at most the scan size " + org.ronchi.core.lazy.Shapes.format(nav) + ", got " + r[d]);
			}
		}
		s.navigation(s.navigation().bin(r));
		int oy = f[0] / q[0];
		int ox = f[1] / q[1];
		long blockSize = (long) q[0] * q[1];
		for (int b : r) {
			blockSize *= b;
		}
		float scale = "mean".equals(s.params().string("method")) ? 1f / blockSize : 1f;
		s.declare(BufferSpec.nav("data", DType.FLOAT32).perPosition(new int[] { oy, ox }, Geometry.sigAxes(s.input(), 0, 0, q[0], q[1], 0, 0, oy, ox))
				.quantity("Intensity", s.input().units()).title("binned datacube").arrayKind("datacube"));
		return new BinKernel(f[0], f[1], q[0], q[1], r, oy * ox, scale);
	}

	private record BinKernel(int ny, int nx, int by, int bx, int[] r, int block, float scale) implements Kernel {
		@Override
		public void processFrame(Frame f, BufferSet out) {
			Partition p = f.partition();
			int[] g = f.gridPosition();
			int[] oc = p.outCount();
			int slot = 0;
			for (int d = 0; d < g.length; d++) {
				int o = g[d] / r[d];
				if (o >= oc[d]) {
					return; // a remainder position that fills no block
				}
				slot = slot * oc[d] + o;
			}
			FrameMath.binInto(f.floats(), ny, nx, by, bx, out.get("data").floats(), slot * block, scale);
		}
	}
}
