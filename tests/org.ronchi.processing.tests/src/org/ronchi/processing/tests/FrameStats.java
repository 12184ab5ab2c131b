package org.ronchi.processing.tests;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
 * A test operation exercising every buffer kind: per frame its sum times a factor (NAV), the sum of all
 * frames (SIG), a frame count (SINGLE, hidden) and their mean (RESULT). Counts the frames it maps.
 */
final class FrameStats implements Operation {
	final AtomicInteger framesMapped = new AtomicInteger();

	@Override
	public String id() {
		return "test.frame-stats";
	}

	@Override
	public String name() {
		return "Frame statistics";
	}

	@Override
	public String description() {
		return "sums";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.number("factor", "", 1.0, "multiplies the per-frame sums").range(0, 10));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		s.declare(BufferSpec.nav("sum", DType.FLOAT64).units("counts"));
		s.declare(BufferSpec.sig("total", DType.FLOAT64));
		s.declare(BufferSpec.single("frames", DType.INT64, 1).hidden());
		s.declare(BufferSpec.result("mean", DType.FLOAT64, s.input().sigShape()));
		double factor = s.params().number("factor");
		int n = s.input().frameSize();
		AtomicInteger counter = framesMapped;
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				counter.incrementAndGet();
				double[] v = f.doubles();
				double sum = 0;
				double[] total = out.get("total").doubles();
				for (int i = 0; i < n; i++) {
					sum += v[i];
					total[i] += v[i];
				}
				out.get("sum").doubles()[f.index()] = sum * factor;
				out.get("frames").longs()[0]++;
			}

			@Override
			public void finish(Results r) {
				double[] t = r.get("total").doubles();
				long c = r.get("frames").longs()[0];
				double[] m = r.get("mean").doubles();
				for (int i = 0; i < n; i++) {
					m[i] = t[i] / c;
				}
			}
		};
	}
}
