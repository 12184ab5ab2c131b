package org.ronchi.processing.diffraction.ops;

import java.util.List;

import org.eclipse.january.dataset.DoubleDataset;
import org.osgi.service.component.annotations.Component;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Params;
import org.ronchi.processing.PointBuffer;
import org.ronchi.processing.Setup;
import org.ronchi.processing.diffraction.BraggDisks;
import org.ronchi.processing.diffraction.BraggParams;
import org.ronchi.processing.diffraction.BraggPeaks;
import org.ronchi.processing.diffraction.BraggVectorMap;

/**
 * {@code stem4d.bragg-disks}: Bragg disks of every pattern by template matching in Fourier space and
 * sub-pixel refinement, py4DSTEM's {@code find_Bragg_disks} ({@link BraggDisks}), with its parameter
 * names and defaults. Output: the peaks of each position as a point list (qx, qy, intensity; EMD 1.0
 * PointListArray) and the Bragg vector map.
 */
@Component(service = Operation.class)
public final class BraggDisksOperation implements Operation {
	/** The record of a Bragg peak: position in detector pixels (qx along the first detector axis) and correlation intensity. */
	static final RecordType.Field[] PEAK = { new RecordType.Field("qx", DType.FLOAT64, "px"), new RecordType.Field("qy", DType.FLOAT64, "px"),
			RecordType.Field.of("intensity", DType.FLOAT64) };

	@Override
	public String id() {
		return "stem4d.bragg-disks";
	}

	@Override
	public String name() {
		return "Bragg disks";
	}

	@Override
	public String description() {
		return "Bragg disks of every pattern (py4DSTEM's find_Bragg_disks): cross-correlation with the probe kernel in Fourier space "
				+ "(corr_power 1) or phase correlation (0), maxima filtered, refined by local DFT upsampling; the peaks per position and the Bragg vector map.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		BraggParams d = BraggParams.defaults();
		return List.of(Parameter.array("template", "the probe kernel (e.g. \"@probe.kernel\"), centred on pixel (0, 0); absent: maxima of the pattern itself")
				.optional(),
				Parameter.number("corr_power", "", d.corrPower(), "1: cross-correlation, 0: phase correlation, between: hybrid").range(0, 1),
				Parameter.number("sigma_dp", "px", d.sigmaDp(), "Gaussian smoothing of the pattern first").range(0, 100),
				Parameter.number("sigma_cc", "px", d.sigmaCc(), "Gaussian smoothing of the correlation").range(0, 100),
				Parameter.choice("subpixel", "multicorr", "refinement: none, poly (parabola) or multicorr (DFT upsampling)", "none", "poly", "multicorr"),
				Parameter.integer("upsample_factor", "", d.upsampleFactor(), "multicorr: upsampling").range(2, 256),
				Parameter.number("min_absolute_intensity", "", d.minAbsoluteIntensity(), "peaks below are dropped").range(0, null),
				Parameter.number("min_relative_intensity", "", d.minRelativeIntensity(), "peaks below this fraction of peak relative_to_peak are dropped")
						.range(0, 1),
				Parameter.integer("relative_to_peak", "", d.relativeToPeak(), "the peak (0: the brightest) intensities are relative to").range(0, 1000),
				Parameter.number("min_peak_spacing", "px", d.minPeakSpacing(), "peaks closer to a brighter one are dropped").range(0, null),
				Parameter.integer("edge_boundary", "px", d.edgeBoundary(), "peaks this close to the edge are dropped").range(0, null),
				Parameter.integer("max_peaks", "", d.maxPeaks(), "at most this many peaks per pattern").range(1, 100000));
	}

	/** The detection parameters a run was given. */
	static BraggParams braggParams(Params p) {
		return new BraggParams(p.number("corr_power"), p.number("sigma_dp"), p.number("sigma_cc"), BraggParams.Subpixel.named(p.string("subpixel")),
				p.integer("upsample_factor"), p.number("min_absolute_intensity"), p.number("min_relative_intensity"), p.integer("relative_to_peak"),
				p.number("min_peak_spacing"), p.integer("edge_boundary"), p.integer("max_peaks"));
	}

	@Override
	public InputSpec input() {
		return new InputSpec(2, 1, 4, false);
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] shape = s.input().sigShape();
		int nx = shape[0];
		int ny = shape[1];
		double[] kernel = null;
		DoubleDataset t = s.params().array("template");
		if (t != null) {
			if (t.getRank() != 2 || t.getShapeRef()[0] != nx || t.getShapeRef()[1] != ny) {
				throw s.badParameter("template", "has shape " + java.util.Arrays.toString(t.getShapeRef()) + ", the patterns are " + nx + " x " + ny);
			}
			kernel = t.getData();
		}
		BraggDisks finder = new BraggDisks(kernel, nx, ny, braggParams(s.params()));
		s.declare(BufferSpec.points("peaks", PEAK).title("Bragg peaks"));
		s.declare(BufferSpec.sig("bvm", DType.FLOAT64).title("Bragg vector map").quantity("Intensity", ""));
		s.workingBytesPerFrame(8L * 8 * nx * ny);
		ThreadLocal<BraggDisks.Workspace> work = ThreadLocal.withInitial(finder::workspace);
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				BraggPeaks p = finder.find(f.doubles(), work.get());
				PointBuffer list = out.points("peaks");
				for (int i = 0; i < p.size(); i++) {
					list.add(f.index(), p.qx()[i], p.qy()[i], p.intensity()[i]);
				}
				BraggVectorMap.add(p, 0, 0, out.get("bvm").doubles(), nx, ny);
			}
		};
	}
}
