package org.ronchi.processing.diffraction.ops;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.processing.Setup;
import org.ronchi.processing.diffraction.BraggPeaks;

/**
 * Where qx, qy and intensity are in the records of point-list input: the fields of that name, as
 * {@code stem4d.bragg-disks} writes them and py4DSTEM/emdfile name them, so a PointListArray saved by
 * py4DSTEM can be processed too.
 */
record PeakFields(int qx, int qy, int intensity, String units) {

	static PeakFields of(Setup s) {
		RecordType t = s.input().records();
		int x = t.index("qx");
		int y = t.index("qy");
		int i = t.index("intensity");
		if (x < 0 || y < 0 || i < 0) {
			throw new org.ronchi.processing.InputException(s.input().file(), s.input().where(),
					"needs point lists with fields qx, qy and intensity (Bragg peaks); they have " + t.names());
		}
		return new PeakFields(x, y, i, t.fields().get(x).units());
	}

	/** @return one position's peaks */
	BraggPeaks read(PointList p) {
		int n = p.length();
		double[] x = new double[n];
		double[] y = new double[n];
		double[] v = new double[n];
		for (int k = 0; k < n; k++) {
			x[k] = p.getDouble(k, qx);
			y[k] = p.getDouble(k, qy);
			v[k] = p.getDouble(k, intensity);
		}
		return new BraggPeaks(x, y, v);
	}
}
