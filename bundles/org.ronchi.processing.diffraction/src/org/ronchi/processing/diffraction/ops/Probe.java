package org.ronchi.processing.diffraction.ops;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.Axis;
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
import org.ronchi.processing.diffraction.ProbeKernel;
import org.ronchi.processing.diffraction.ProbeSize;
import org.ronchi.processing.diffraction.VacuumProbe;

/**
 * {@code stem4d.probe}: the vacuum probe (py4DSTEM's {@code get_vacuum_probe}: aligned average of
 * patterns over vacuum, masked), its radius and centre ({@code get_probe_size}) and the correlation
 * kernel Bragg disk detection takes as {@code template} ({@code get_probe_kernel_*}).
 */
@Component(service = Operation.class)
public final class Probe implements Operation {

	@Override
	public String id() {
		return "stem4d.probe";
	}

	@Override
	public String name() {
		return "Vacuum probe and kernel";
	}

	@Override
	public String description() {
		return "Average of the patterns over vacuum, each moved so its disk is centred, masked (py4DSTEM's get_vacuum_probe); its radius and "
				+ "centre by a threshold sweep (get_probe_size); the cross-correlation kernel for Bragg disk detection (flat, gaussian, sigmoid).";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Regions.r("the vacuum region"), Regions.navMask("the vacuum positions"),
				Parameter.bool("align", true, "centre each pattern's disk before averaging"),
				Parameter.number("mask_threshold", "", 0.2, "the probe mask: pixels above this fraction of the maximum").range(0, 1),
				Parameter.integer("mask_expansion", "px", 12, "cos² fall-off outside the mask over this many pixels").range(1, 1000),
				Parameter.integer("mask_opening", "", 3, "binary opening iterations of the mask").range(0, 100),
				Parameter.choice("kernel", "sigmoid", "template: flat (the probe), gaussian or sigmoid (minus a smooth trench: sums to 0)", "flat",
						"gaussian", "sigmoid", "sigmoid_log"),
				Parameter.number("sigma", "", 1.0, "gaussian: width in units of the probe's radial standard deviation").range(0.01, 100),
				Parameter.numbers("radii", "probe radii", new double[] { 1, 2 }, "sigmoid: inner and outer radius of the trench, in units of the probe radius")
						.length(2),
				Parameter.numbers("thresholds", "", new double[] { 0.01, 0.99 }, "probe size: the threshold sweep's range (fractions of the maximum)")
						.length(2));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		Regions.crop(s);
		boolean[] mask = Regions.mask(s, "nav_mask");
		long[] nav = s.input().navShape();
		int[] shape = s.input().sigShape();
		int nx = shape[0];
		int ny = shape[1];
		boolean align = s.params().bool("align");
		double threshold = s.params().number("mask_threshold");
		int expansion = s.params().integer("mask_expansion");
		int opening = s.params().integer("mask_opening");
		ProbeKernel mode = ProbeKernel.named(s.params().string("kernel"));
		double sigma = s.params().number("sigma");
		double[] radii = s.params().numbers("radii");
		double[] thresholds = s.params().numbers("thresholds");
		if (!(radii[0] >= 0 && radii[1] > radii[0])) {
			throw s.badParameter("radii", "needs 0 <= inner < outer, got " + radii[0] + ", " + radii[1]);
		}
		if (!(thresholds[0] > 0 && thresholds[1] > thresholds[0] && thresholds[1] < 1)) {
			throw s.badParameter("thresholds", "needs 0 < lower < upper < 1, got " + thresholds[0] + ", " + thresholds[1]);
		}
		s.declare(BufferSpec.sig("probe", DType.FLOAT64).quantity(s.input().quantity(), s.input().units()).title("vacuum probe")
				.merge(BufferSpec.Merge.SUM));
		s.declare(BufferSpec.single("patterns", DType.INT64, 1).hidden());
		s.declare(BufferSpec.result("kernel", DType.FLOAT64).shape(shape, null).title(s.params().string("kernel") + " probe kernel, centred on pixel (0, 0)")
				.arrayKind("diffraction"));
		s.declare(BufferSpec.result("size", DType.FLOAT64, 3).shape(new int[] { 3 }, List.of(Axis.index("radius, qx0, qy0", 3))).units("px")
				.title("probe radius and centre (px; aligned: the centre pixel every disk was moved to)"));
		s.workingBytesPerFrame(4L * nx * ny * 8);
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				if (mask != null && !mask[Regions.flat(f, nav)]) {
					return;
				}
				VacuumProbe.accumulate(f.doubles(), nx, ny, align, out.get("probe").doubles());
				out.get("patterns").longs()[0]++;
			}

			@Override
			public void finish(Results r) {
				long n = r.get("patterns").longs()[0];
				if (n == 0) {
					throw new org.ronchi.processing.diffraction.DiffractionException("vacuum probe", "no pattern in the vacuum region");
				}
				double[] probe = r.get("probe").doubles();
				for (int i = 0; i < probe.length; i++) {
					probe[i] /= n;
				}
				VacuumProbe.mask(probe, nx, ny, threshold, expansion, opening);
				ProbeSize size = ProbeSize.measure(probe, nx, ny, thresholds[0], thresholds[1], 100);
				// aligned: every disk was moved to the centre pixel, which is then the probe's centre; the kernel is
				// moved from there by whole pixels, with none of the interpolation error a sub-pixel move of a sharp
				// disk has (which would shift every peak found with it)
				double x0 = align ? nx / 2 : size.x0();
				double y0 = align ? ny / 2 : size.y0();
				System.arraycopy(new double[] { size.radius(), x0, y0 }, 0, r.get("size").doubles(), 0, 3);
				double a = mode == ProbeKernel.GAUSSIAN ? sigma : radii[0] * size.radius();
				double b = radii[1] * size.radius();
				double[] k = mode.make(probe, nx, ny, x0, y0, a, b);
				System.arraycopy(k, 0, r.get("kernel").doubles(), 0, k.length);
			}
		};
	}
}
