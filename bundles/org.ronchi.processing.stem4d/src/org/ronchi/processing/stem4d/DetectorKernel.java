package org.ronchi.processing.stem4d;

import java.util.List;

import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.Frame;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Tile;

/**
 * Sums each frame under one or more virtual detectors into NAV images, in one pass over the data.
 * With a fixed origin the detectors' pixel runs are computed once; int16/uint16 frames are summed
 * exactly as integers over the runs (the loops vectorise). With the origin at each pattern's centre of
 * mass, the runs are recomputed per frame around it.
 */
final class DetectorKernel implements Kernel {
	private final List<Detector> detectors;
	private final List<String> outputs;
	private final int ny;
	private final int nx;
	private final double cy;
	private final double cx;
	private final boolean perPattern;
	private final double threshold;
	private final Detector.Spans[] fixed;
	private final boolean shortPath;
	private final boolean unsigned;

	DetectorKernel(List<Detector> detectors, List<String> outputs, int ny, int nx, double cy, double cx, boolean perPattern, double threshold,
			DType dtype) {
		this.detectors = List.copyOf(detectors);
		this.outputs = List.copyOf(outputs);
		this.ny = ny;
		this.nx = nx;
		this.cy = cy;
		this.cx = cx;
		this.perPattern = perPattern;
		this.threshold = threshold;
		this.fixed = new Detector.Spans[detectors.size()];
		boolean allBinary = true;
		for (int k = 0; k < detectors.size(); k++) {
			Detector d = detectors.get(k);
			allBinary &= d.binary();
			fixed[k] = perPattern || !d.binary() ? null : d.spans(cy, cx, ny, nx);
		}
		this.shortPath = !perPattern && allBinary && (dtype == DType.UINT16 || dtype == DType.INT16);
		this.unsigned = dtype == DType.UINT16;
	}

	@Override
	public void processTile(Tile tile, BufferSet out) {
		double[][] dst = new double[outputs.size()][];
		for (int k = 0; k < dst.length; k++) {
			dst[k] = out.get(outputs.get(k)).doubles();
		}
		for (int i = 0; i < tile.count(); i++) {
			Frame f = tile.frame(i);
			int slot = f.index();
			if (shortPath) {
				short[] s = f.shorts();
				for (int k = 0; k < fixed.length; k++) {
					dst[k][slot] = fixed[k].sum(s, unsigned);
				}
				continue;
			}
			float[] v = f.floats();
			double oy = cy;
			double ox = cx;
			if (perPattern) {
				double[] com = FrameMath.centerOfMass(v, ny, nx, threshold, 0, 0, 0);
				oy = Double.isNaN(com[0]) ? cy : com[0];
				ox = Double.isNaN(com[1]) ? cx : com[1];
			}
			for (int k = 0; k < fixed.length; k++) {
				Detector d = detectors.get(k);
				if (!d.binary()) {
					dst[k][slot] = Detector.weighted(v, d.weights());
				} else {
					Detector.Spans sp = fixed[k] != null ? fixed[k] : d.spans(oy, ox, ny, nx);
					dst[k][slot] = sp.sum(v);
				}
			}
		}
	}

	@Override
	public void processFrame(Frame frame, BufferSet out) {
		throw new UnsupportedOperationException("works on tiles");
	}
}
