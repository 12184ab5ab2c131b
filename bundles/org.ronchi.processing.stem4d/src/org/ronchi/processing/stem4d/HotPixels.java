package org.ronchi.processing.stem4d;

import java.util.List;

import org.eclipse.january.dataset.DoubleDataset;
import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;

/**
 * Replaces hot pixels in every pattern by the median of their (up to 8) neighbours: pixels of a given
 * mask (e.g. from {@code stem4d.find-hot-pixels}, py4DSTEM's way), and/or, with a threshold, pixels
 * exceeding that median by more than the threshold in the frame itself. The result is float32.
 */
@Component(service = Operation.class)
public class HotPixels implements Operation {

	@Override
	public String id() {
		return "stem4d.hot-pixels";
	}

	@Override
	public String name() {
		return "Hot-pixel filter";
	}

	@Override
	public String description() {
		return "Replaces masked pixels, and pixels exceeding their 3x3 neighbourhood median by more than a threshold, by that median.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.number("threshold", "", null, "replace pixels more than this above their neighbours' median (data units); "
				+ "default none (mask only)").range(0, null).optional(),
				Parameter.array("mask", "known hot pixels: non-zero entries of an array of the frame's shape").optional());
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		DoubleDataset m = s.params().array("mask");
		boolean[] mask = null;
		if (m != null) {
			if (m.getRank() != 2 || m.getShapeRef()[0] != f[0] || m.getShapeRef()[1] != f[1]) {
				throw s.badParameter("mask", "must have the frame's shape (" + f[0] + ", " + f[1] + "), got " + java.util.Arrays.toString(m.getShapeRef()));
			}
			mask = new boolean[f[0] * f[1]];
			for (int i = 0; i < mask.length; i++) {
				mask[i] = m.getData()[i] != 0;
			}
		}
		double threshold = s.params().has("threshold") ? s.params().number("threshold") : Double.POSITIVE_INFINITY;
		if (mask == null && Double.isInfinite(threshold)) {
			throw s.badParameter("threshold", "or mask is required: with neither, no pixel would be replaced");
		}
		s.declare(BufferSpec.nav("data", DType.FLOAT32).perPosition(f, s.input().sigAxes()).quantity(s.input().quantity(), s.input().units())
				.title("hot-pixel filtered datacube").arrayKind("datacube"));
		return new Filter(f[0], f[1], mask, threshold);
	}

	private record Filter(int ny, int nx, boolean[] mask, double threshold) implements Kernel {
		@Override
		public void processFrame(Frame frame, BufferSet out) {
			float[] v = frame.floats();
			float[] dst = out.get("data").floats();
			int base = frame.index() * ny * nx;
			System.arraycopy(v, 0, dst, base, ny * nx);
			double[] work = new double[8];
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++) {
					int i = y * nx + x;
					boolean masked = mask != null && mask[i];
					if (!masked && Double.isInfinite(threshold)) {
						continue;
					}
					double med = FrameMath.neighbourMedian(v, ny, nx, y, x, work);
					if (masked || v[i] - med > threshold) {
						dst[base + i] = (float) med;
					}
				}
			}
		}
	}
}
