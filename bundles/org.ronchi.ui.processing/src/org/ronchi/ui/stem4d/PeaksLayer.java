package org.ronchi.ui.stem4d;

import java.util.Arrays;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.processing.diffraction.BraggPeaks;
import org.ronchi.processing.diffraction.BraggVectorMap;
import org.ronchi.ui.image.ImageCanvas;

/**
 * Bragg peaks over the explorer's pattern: point lists with fields qx, qy and intensity (the
 * {@code peaks} of {@code stem4d.bragg-disks}, or a py4DSTEM PointListArray) whose grid is the explored
 * scan; the peaks of the shown position are drawn as circles (larger for brighter peaks) at their
 * sub-pixel positions, qx down the pattern's rows and qy along its columns. Also makes the Bragg vector
 * map of all positions ({@link BraggVectorMap}).
 */
final class PeaksLayer implements ImageCanvas.Overlay {
	private ArrayNode node;
	private PointListSource lists;
	private int qx;
	private int qy;
	private int intensity;
	private BraggPeaks shown = BraggPeaks.NONE;
	private boolean visible = true;

	/** @return why these lists cannot be drawn over a scan of this navigation shape, or null if they can */
	static String problem(ArrayNode peaks, long[] navShape) {
		PointListSource l = peaks.pointLists();
		if (l == null) {
			return peaks.title() + " holds no point lists";
		}
		if (l.type().index("qx") < 0 || l.type().index("qy") < 0 || l.type().index("intensity") < 0) {
			return peaks.title() + " has fields " + l.type().names() + ", not qx, qy, intensity (Bragg peaks)";
		}
		if (!Arrays.equals(l.shape(), navShape)) {
			return "the peaks' grid " + Arrays.toString(l.shape()) + " is not the scan " + Arrays.toString(navShape);
		}
		return null;
	}

	void set(ArrayNode peaks) {
		node = peaks;
		lists = peaks == null ? null : peaks.pointLists();
		if (lists != null) {
			qx = lists.type().index("qx");
			qy = lists.type().index("qy");
			intensity = lists.type().index("intensity");
		}
		shown = BraggPeaks.NONE;
	}

	ArrayNode node() {
		return node;
	}

	boolean active() {
		return lists != null;
	}

	void setVisible(boolean v) {
		visible = v;
	}

	/** Reads the peaks of one navigation position (the lists' whole grid position). */
	BraggPeaks at(long... position) {
		if (lists == null) {
			shown = BraggPeaks.NONE;
			return shown;
		}
		shown = peaks(lists.read(position));
		return shown;
	}

	private BraggPeaks peaks(PointList p) {
		int n = p.length();
		double[] x = new double[n];
		double[] y = new double[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = p.getDouble(i, qx);
			y[i] = p.getDouble(i, qy);
			v[i] = p.getDouble(i, intensity);
		}
		return new BraggPeaks(x, y, v);
	}

	/**
	 * @param leading the fixed leading indices of the explored cube
	 * @return the Bragg vector map of the scan (every position of the explored cube), nx × ny
	 */
	DoubleDataset vectorMap(long[] leading, long scanY, long scanX, int nx, int ny, java.util.function.BooleanSupplier superseded) {
		double[] map = new double[nx * ny];
		long[] at = Arrays.copyOf(leading, leading.length + 2);
		for (long y = 0; y < scanY && !superseded.getAsBoolean(); y++) {
			for (long x = 0; x < scanX; x++) {
				at[leading.length] = y;
				at[leading.length + 1] = x;
				BraggVectorMap.add(peaks(lists.read(at)), 0, 0, map, nx, ny);
			}
		}
		return DatasetFactory.createFromObject(DoubleDataset.class, map, nx, ny);
	}

	@Override
	public void paint(GC gc, ImageCanvas canvas) {
		if (!visible || shown.size() == 0) {
			return;
		}
		double max = 0;
		for (double v : shown.intensity()) {
			max = Math.max(max, v);
		}
		Color ring = gc.getDevice().getSystemColor(SWT.COLOR_GREEN);
		Color brightest = gc.getDevice().getSystemColor(SWT.COLOR_YELLOW);
		gc.setLineWidth(2);
		gc.setAntialias(SWT.ON);
		for (int i = shown.size() - 1; i >= 0; i--) {
			double sx = canvas.screenX(shown.qy()[i] + 0.5);
			double sy = canvas.screenY(shown.qx()[i] + 0.5);
			int r = (int) Math.round(4 + 6 * Math.sqrt(Math.max(0, shown.intensity()[i]) / max));
			gc.setForeground(i == 0 ? brightest : ring);
			gc.drawOval((int) Math.round(sx) - r, (int) Math.round(sy) - r, 2 * r, 2 * r);
		}
	}
}
