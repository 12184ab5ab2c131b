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
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;

/**
 * Finds hot pixels as py4DSTEM's filter_hot_pixels does: in the mean pattern, pixels more than a
 * threshold above the median of their 3×3 neighbourhood. Outputs the mask (1 = hot), to be given to
 * {@code stem4d.hot-pixels} (a workflow step may reference it), and the mean pattern.
 */
@Component(service = Operation.class)
public class FindHotPixels implements Operation {

	@Override
	public String id() {
		return "stem4d.find-hot-pixels";
	}

	@Override
	public String name() {
		return "Find hot pixels";
	}

	@Override
	public String description() {
		return "Marks pixels of the mean pattern that exceed their 3x3 neighbourhood median by more than a threshold.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.number("threshold", "", null, "how far above the neighbours' median (data units) a hot pixel is").range(0, null));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		s.declare(BufferSpec.sig("mean", DType.FLOAT64).quantity("Intensity", s.input().units()).title("mean pattern"));
		s.declare(BufferSpec.single("count", DType.INT64, 1).hidden());
		s.declare(BufferSpec.result("mask", DType.FLOAT32, f).shape(f, s.input().sigAxes()).title("hot pixels").arrayKind("diffraction"));
		return new Find(f[0], f[1], s.params().number("threshold"));
	}

	private record Find(int ny, int nx, double threshold) implements Kernel {
		@Override
		public void processFrame(Frame frame, BufferSet out) {
			float[] v = frame.floats();
			double[] m = out.get("mean").doubles();
			for (int i = 0; i < m.length; i++) {
				m[i] += v[i];
			}
			out.get("count").longs()[0]++;
		}

		@Override
		public void finish(Results r) {
			double[] m = r.get("mean").doubles();
			long n = r.get("count").longs()[0];
			float[] mean = new float[m.length];
			for (int i = 0; i < m.length; i++) {
				m[i] /= n;
				mean[i] = (float) m[i];
			}
			float[] mask = r.get("mask").floats();
			double[] work = new double[8];
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++) {
					double med = FrameMath.neighbourMedian(mean, ny, nx, y, x, work);
					mask[y * nx + x] = m[y * nx + x] - med > threshold ? 1 : 0;
				}
			}
		}
	}
}
