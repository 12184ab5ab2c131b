package org.ronchi.processing.diffraction;

/**
 * The Bragg vector map: a 2-D histogram of peak intensities over detector pixels, each peak spread
 * over its four neighbouring pixels with bilinear weights (py4DSTEM's {@code get_bragg_vector_map},
 * raw mode, sampling 1). Peaks may be shifted first (origin correction), e.g. to put every pattern's
 * origin on one pixel.
 */
public final class BraggVectorMap {
	private BraggVectorMap() {
	}

	/** Adds the peaks, moved by (dx, dy), into {@code map} (nx × ny); parts falling outside are dropped. */
	public static void add(BraggPeaks peaks, double dx, double dy, double[] map, int nx, int ny) {
		for (int i = 0; i < peaks.size(); i++) {
			double x = peaks.qx()[i] + dx;
			double y = peaks.qy()[i] + dy;
			double v = peaks.intensity()[i];
			if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(v)) {
				continue;
			}
			int x0 = (int) Math.floor(x);
			int y0 = (int) Math.floor(y);
			double fx = x - x0;
			double fy = y - y0;
			deposit(map, nx, ny, x0, y0, v * (1 - fx) * (1 - fy));
			deposit(map, nx, ny, x0 + 1, y0, v * fx * (1 - fy));
			deposit(map, nx, ny, x0, y0 + 1, v * (1 - fx) * fy);
			deposit(map, nx, ny, x0 + 1, y0 + 1, v * fx * fy);
		}
	}

	private static void deposit(double[] map, int nx, int ny, int x, int y, double v) {
		if (x >= 0 && y >= 0 && x < nx && y < ny) {
			map[x * ny + y] += v;
		}
	}
}
