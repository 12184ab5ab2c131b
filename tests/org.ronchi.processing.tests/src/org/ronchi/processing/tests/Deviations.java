package org.ronchi.processing.tests;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ronchi.core.model.DType;
import org.ronchi.processing.Buffer;
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
 * A multi-pass test operation: pass 0 sums the frames (the mean frame, a RESULT computed in finish),
 * pass 1 maps each frame's squared distance from that mean (NAV) and their maximum (SINGLE), pass 2
 * (with {@code passes = 3}) divides each frame's distance by that maximum (a second NAV output). Each
 * pass is built from the buffers the previous one left, as a resumed run rebuilds it. Counts frames
 * mapped per pass.
 */
final class Deviations implements Operation {
	final AtomicInteger[] framesMapped = { new AtomicInteger(), new AtomicInteger(), new AtomicInteger() };

	@Override
	public String id() {
		return "test.deviations";
	}

	@Override
	public String name() {
		return "Deviations from the mean frame";
	}

	@Override
	public String description() {
		return "each frame's squared distance from the mean frame, in two or three passes";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.integer("passes", "", 2, "2 or 3").range(2, 3));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		int n = s.input().frameSize();
		s.declare(BufferSpec.single("sum", DType.FLOAT64, n).hidden().inPasses(0));
		s.declare(BufferSpec.single("frames", DType.INT64, 1).hidden().inPasses(0));
		s.declare(BufferSpec.result("mean", DType.FLOAT64, n));
		s.declare(BufferSpec.nav("distance", DType.FLOAT64).inPasses(1));
		s.declare(BufferSpec.single("largest", DType.FLOAT64, 1).merge(BufferSpec.Merge.MAX).inPasses(1));
		int passes = s.params().integer("passes");
		if (passes == 3) {
			s.declare(BufferSpec.nav("relative", DType.FLOAT64).inPasses(2));
		}
		s.passes(passes, (pass, previous) -> pass == 1 ? distances(previous) : relative(previous));
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				framesMapped[0].incrementAndGet();
				double[] v = f.doubles();
				double[] sum = out.get("sum").doubles();
				out.get("frames").longs()[0]++;
				for (int i = 0; i < v.length; i++) {
					sum[i] += v[i];
				}
			}

			@Override
			public void finish(Results r) {
				double[] sum = r.get("sum").doubles();
				double[] mean = r.get("mean").doubles();
				double frames = r.get("frames").longs()[0];
				for (int i = 0; i < mean.length; i++) {
					mean[i] = sum[i] / frames;
				}
			}
		};
	}

	private Kernel distances(Results previous) {
		double[] mean = previous.get("mean").doubles();
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				framesMapped[1].incrementAndGet();
				double[] v = f.doubles();
				double d = 0;
				for (int i = 0; i < v.length; i++) {
					d += (v[i] - mean[i]) * (v[i] - mean[i]);
				}
				out.get("distance").doubles()[f.index()] = d;
				double[] largest = out.get("largest").doubles();
				largest[0] = Math.max(largest[0], d);
			}
		};
	}

	private Kernel relative(Results previous) {
		double largest = previous.get("largest").doubles()[0];
		double[] mean = previous.get("mean").doubles();
		Buffer check = previous.get("distance"); // a NAV buffer pass 2 does not fill: readable
		if (check.size() != previous.input().frames()) {
			throw new IllegalStateException("distance has " + check.size() + " values");
		}
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				framesMapped[2].incrementAndGet();
				double[] v = f.doubles();
				double d = 0;
				for (int i = 0; i < v.length; i++) {
					d += (v[i] - mean[i]) * (v[i] - mean[i]);
				}
				out.get("relative").doubles()[f.index()] = d / largest;
			}
		};
	}
}
