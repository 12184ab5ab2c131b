package org.ronchi.ui.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.ronchi.core.model.Axis;

/**
 * Draws a {@link Rendered} image with calibrated axes, a colour bar and a cursor, and lets the user
 * zoom (wheel, about the mouse), pan (drag; right or middle drag always pans), fit (double-click) and
 * pick a pixel (click). A {@link Tool} can take over left-button drags (drawing a detector, moving a
 * scan position); {@link Overlay}s draw on top. Pixel i covers [i, i+1) in image coordinates; its
 * calibrated position is the axis coordinate of i.
 */
public final class ImageCanvas extends Canvas {

	/** Draws on top of the image; map image coordinates with {@link ImageCanvas#screenX}/{@link ImageCanvas#screenY}. */
	@FunctionalInterface
	public interface Overlay {
		void paint(GC gc, ImageCanvas canvas);
	}

	/** Takes over left-button presses inside the image. Coordinates are continuous image coordinates. */
	public interface Tool {
		/** @return true to take this press (drag and release follow), false to let the canvas pan or pick */
		boolean press(double x, double y);

		void drag(double x, double y);

		void release(double x, double y);
	}

	static final int LEFT = 64;
	static final int TOP = 24;
	static final int BOTTOM = 44;
	static final int RIGHT_BAR = 96;
	static final int RIGHT_PLAIN = 16;

	private Rendered rendered;
	private Image image;
	private Image barImage;
	private String barColormap;
	private Axis xAxis;
	private Axis yAxis;
	private String title = "";
	private String valueLabel = "";
	private String message = "Select a dataset in the Data Tree";
	private boolean fitted = true;
	private double zoom = 1;
	private double offX;
	private double offY;
	private long cursorX = -1;
	private long cursorY = -1;
	private Tool tool;
	private boolean toolActive;
	private Point dragStart;
	private double dragOffX;
	private double dragOffY;
	private boolean clickCandidate;
	private final List<Overlay> overlays = new ArrayList<>();
	private final List<BiConsumer<Integer, Integer>> hoverListeners = new ArrayList<>();
	private final List<BiConsumer<Integer, Integer>> clickListeners = new ArrayList<>();

	public ImageCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		addPaintListener(e -> paint(e.gc));
		addMouseWheelListener(this::wheel);
		addMouseListener(new org.eclipse.swt.events.MouseAdapter() {
			@Override
			public void mouseDown(MouseEvent e) {
				down(e);
			}

			@Override
			public void mouseUp(MouseEvent e) {
				up(e);
			}

			@Override
			public void mouseDoubleClick(MouseEvent e) {
				if (e.button == 1 && !toolActive) {
					fit();
				}
			}
		});
		addMouseMoveListener(this::move);
		addListener(SWT.MouseExit, e -> hoverListeners.forEach(l -> l.accept(-1, -1)));
		addDisposeListener(e -> disposeImages());
	}

	/**
	 * Shows an image. The view (zoom, pan) is kept when the size is unchanged, so stepping through a
	 * stack does not jump; a new size fits the image to the canvas.
	 *
	 * @param x calibration of the columns, or null for pixel indices
	 * @param y calibration of the rows, or null
	 * @param valueLabel what the colour bar measures, e.g. "Intensity (counts)"
	 */
	public void setImage(Rendered r, Axis x, Axis y, String title, String valueLabel) {
		boolean sameSize = rendered != null && r != null && rendered.width() == r.width() && rendered.height() == r.height();
		disposeImage();
		rendered = r;
		xAxis = x;
		yAxis = y;
		this.title = title == null ? "" : title;
		this.valueLabel = valueLabel == null ? "" : valueLabel;
		if (r != null) {
			image = new Image(getDisplay(), r.imageData());
		}
		if (r == null || r.rgb()) {
			disposeBar();
		} else if (barImage == null || !r.colormap().name().equals(barColormap)) { // stepping through a stack keeps the bar
			disposeBar();
			ImageData bar = new ImageData(1, 256, 8, r.colormap().palette());
			for (int i = 0; i < 256; i++) {
				bar.setPixel(0, i, 255 - i);
			}
			barImage = new Image(getDisplay(), bar);
			barColormap = r.colormap().name();
		}
		if (!sameSize) {
			fitted = true;
		}
		redraw();
	}

	/** Shows a message instead of an image (nothing selected, an error). */
	public void setMessage(String text) {
		disposeImages();
		rendered = null;
		message = text == null ? "" : text;
		redraw();
	}

	public Rendered rendered() {
		return rendered;
	}

	public String message() {
		return rendered == null ? message : "";
	}

	private void disposeImages() {
		disposeImage();
		disposeBar();
	}

	private void disposeImage() {
		if (image != null) {
			image.dispose();
			image = null;
		}
	}

	private void disposeBar() {
		if (barImage != null) {
			barImage.dispose();
			barImage = null;
		}
	}

	/** Marks a pixel (the plot's trace, a scan position); -1 hides the mark. */
	public void setCursor(long x, long y) {
		if (x == cursorX && y == cursorY) {
			return; // a slider step through a stack keeps the cursor: no paint of the old image
		}
		cursorX = x;
		cursorY = y;
		redraw();
	}

	public void setTool(Tool t) {
		tool = t;
	}

	public void addOverlay(Overlay o) {
		overlays.add(o);
	}

	/** @param l gets the pixel under the mouse (column, row), or (-1, -1) when it leaves the image */
	public void addHoverListener(BiConsumer<Integer, Integer> l) {
		hoverListeners.add(l);
	}

	/** @param l gets the pixel clicked (column, row) */
	public void addClickListener(BiConsumer<Integer, Integer> l) {
		clickListeners.add(l);
	}

	/** Fits the whole image into the canvas. */
	public void fit() {
		fitted = true;
		redraw();
	}

	/** @return screen pixels per image pixel */
	public double zoom() {
		return zoom;
	}

	/** Zooms by factor about the canvas point (sx, sy). */
	public void zoomAt(double factor, int sx, int sy) {
		if (rendered == null) {
			return;
		}
		layoutFit();
		double px = (sx - offX) / zoom;
		double py = (sy - offY) / zoom;
		zoom = Math.max(0.01, Math.min(256, zoom * factor));
		offX = sx - px * zoom;
		offY = sy - py * zoom;
		fitted = false;
		redraw();
	}

	/** @return the canvas x of image x coordinate (pixel edges at integers) */
	public double screenX(double x) {
		layoutFit();
		return offX + x * zoom;
	}

	public double screenY(double y) {
		layoutFit();
		return offY + y * zoom;
	}

	/** @return the image coordinates of a canvas point */
	public double[] imageAt(int sx, int sy) {
		layoutFit();
		return new double[] { (sx - offX) / zoom, (sy - offY) / zoom };
	}

	/** @return the rectangle the image is drawn in (without axes and colour bar) */
	public Rectangle plotArea() {
		Rectangle ca = getClientArea();
		int right = rendered != null && !rendered.rgb() ? RIGHT_BAR : RIGHT_PLAIN;
		return new Rectangle(ca.x + LEFT, ca.y + TOP, Math.max(10, ca.width - LEFT - right), Math.max(10, ca.height - TOP - BOTTOM));
	}

	private void layoutFit() {
		if (!fitted || rendered == null) {
			return;
		}
		Rectangle a = plotArea();
		zoom = Math.min(a.width / (double) rendered.width(), a.height / (double) rendered.height());
		offX = a.x + (a.width - rendered.width() * zoom) / 2;
		offY = a.y + (a.height - rendered.height() * zoom) / 2;
	}

	private void wheel(MouseEvent e) {
		zoomAt(e.count > 0 ? 1.25 : 0.8, e.x, e.y);
	}

	private void down(MouseEvent e) {
		if (rendered == null) {
			return;
		}
		double[] p = imageAt(e.x, e.y);
		if (e.button == 1 && tool != null && inside(p) && tool.press(p[0], p[1])) {
			toolActive = true;
			return;
		}
		dragStart = new Point(e.x, e.y);
		layoutFit();
		dragOffX = offX;
		dragOffY = offY;
		clickCandidate = e.button == 1;
	}

	private void move(MouseEvent e) {
		if (rendered == null) {
			return;
		}
		double[] p = imageAt(e.x, e.y);
		if (toolActive) {
			tool.drag(p[0], p[1]);
		} else if (dragStart != null) {
			int dx = e.x - dragStart.x;
			int dy = e.y - dragStart.y;
			if (!clickCandidate || Math.abs(dx) + Math.abs(dy) > 3) {
				clickCandidate = false;
				offX = dragOffX + dx;
				offY = dragOffY + dy;
				fitted = false;
				redraw();
			}
		}
		int ix = (int) Math.floor(p[0]);
		int iy = (int) Math.floor(p[1]);
		boolean in = inside(p);
		hoverListeners.forEach(l -> l.accept(in ? ix : -1, in ? iy : -1));
	}

	private void up(MouseEvent e) {
		if (rendered == null) {
			return;
		}
		double[] p = imageAt(e.x, e.y);
		if (toolActive) {
			toolActive = false;
			tool.release(p[0], p[1]);
			return;
		}
		boolean click = clickCandidate && dragStart != null;
		dragStart = null;
		clickCandidate = false;
		if (click && inside(p)) {
			click((int) Math.floor(p[0]), (int) Math.floor(p[1]));
		}
	}

	/** Picks a pixel as a click does: moves the cursor and tells the click listeners. */
	public void click(int x, int y) {
		setCursor(x, y);
		clickListeners.forEach(l -> l.accept(x, y));
	}

	private boolean inside(double[] p) {
		return rendered != null && p[0] >= 0 && p[1] >= 0 && p[0] < rendered.width() && p[1] < rendered.height();
	}

	private void paint(GC gc) {
		Rectangle ca = getClientArea();
		Color bg = getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND);
		Color fg = getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
		gc.setBackground(bg);
		gc.fillRectangle(ca);
		gc.setForeground(fg);
		if (rendered == null) {
			Point te = gc.textExtent(message);
			gc.drawText(message, ca.x + Math.max(4, (ca.width - te.x) / 2), ca.y + (ca.height - te.y) / 2, true);
			return;
		}
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		layoutFit();
		Rectangle a = plotArea();
		gc.setClipping(a);
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		gc.fillRectangle(a);
		drawVisible(gc, a);
		drawCursor(gc);
		for (Overlay o : overlays) {
			o.paint(gc, this);
		}
		gc.setClipping((Rectangle) null);
		gc.setForeground(fg);
		gc.setBackground(bg);
		gc.drawRectangle(a.x - 1, a.y - 1, a.width + 1, a.height + 1);
		drawXAxis(gc, a);
		drawYAxis(gc, a);
		if (barImage != null) {
			drawColorBar(gc, a);
		}
		gc.drawText(title, a.x, ca.y + 4, true);
	}

	private void drawVisible(GC gc, Rectangle a) {
		int w = rendered.width();
		int h = rendered.height();
		int sx0 = (int) Math.max(0, Math.floor((a.x - offX) / zoom));
		int sy0 = (int) Math.max(0, Math.floor((a.y - offY) / zoom));
		int sx1 = (int) Math.min(w, Math.ceil((a.x + a.width - offX) / zoom));
		int sy1 = (int) Math.min(h, Math.ceil((a.y + a.height - offY) / zoom));
		if (sx1 <= sx0 || sy1 <= sy0) {
			return;
		}
		int dx0 = (int) Math.round(offX + sx0 * zoom);
		int dy0 = (int) Math.round(offY + sy0 * zoom);
		int dx1 = (int) Math.round(offX + sx1 * zoom);
		int dy1 = (int) Math.round(offY + sy1 * zoom);
		gc.setInterpolation(zoom >= 1 ? SWT.NONE : SWT.HIGH); // crisp pixels when magnified, smooth when reduced
		gc.drawImage(image, sx0, sy0, sx1 - sx0, sy1 - sy0, dx0, dy0, Math.max(1, dx1 - dx0), Math.max(1, dy1 - dy0));
	}

	private void drawCursor(GC gc) {
		if (cursorX < 0 || cursorY < 0 || cursorX >= rendered.width() || cursorY >= rendered.height()) {
			return;
		}
		gc.setLineWidth(1);
		if (zoom >= 10) { // large pixels: outline the pixel itself
			int x0 = (int) Math.round(screenX(cursorX));
			int y0 = (int) Math.round(screenY(cursorY));
			int s = (int) Math.round(zoom);
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.drawRectangle(x0 - 1, y0 - 1, s + 1, s + 1);
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
			gc.drawRectangle(x0, y0, s - 1, s - 1);
			return;
		}
		int cx = (int) Math.round(screenX(cursorX + 0.5));
		int cy = (int) Math.round(screenY(cursorY + 0.5));
		int r = 6;
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.drawOval(cx - r - 1, cy - r - 1, 2 * r + 2, 2 * r + 2);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
		gc.drawOval(cx - r, cy - r, 2 * r, 2 * r);
		gc.drawLine(cx - r - 5, cy, cx - r + 2, cy);
		gc.drawLine(cx + r - 2, cy, cx + r + 5, cy);
		gc.drawLine(cx, cy - r - 5, cx, cy - r + 2);
		gc.drawLine(cx, cy + r - 2, cx, cy + r + 5);
	}

	private void drawXAxis(GC gc, Rectangle a) {
		int n = rendered.width();
		double p0 = Math.max(0, (a.x - offX) / zoom);
		double p1 = Math.min(n, (a.x + a.width - offX) / zoom);
		int y = a.y + a.height + 1;
		for (double[] t : ticks(xAxis, p0, p1, Math.max(2, (int) ((p1 - p0) * zoom / 90)))) { // one tick per ~90 px of image
			int sx = (int) Math.round(screenX(t[0]));
			if (sx < a.x - 1 || sx > a.x + a.width + 1) {
				continue;
			}
			gc.drawLine(sx, y, sx, y + 4);
			String s = Ticks.format(t[1]);
			Point te = gc.textExtent(s);
			gc.drawText(s, sx - te.x / 2, y + 5, true);
		}
		String label = axisLabel(xAxis, "x");
		Point te = gc.textExtent(label);
		gc.drawText(label, a.x + (a.width - te.x) / 2, y + 5 + te.y, true);
	}

	private void drawYAxis(GC gc, Rectangle a) {
		int n = rendered.height();
		double p0 = Math.max(0, (a.y - offY) / zoom);
		double p1 = Math.min(n, (a.y + a.height - offY) / zoom);
		int x = a.x - 1;
		int lineH = gc.getFontMetrics().getHeight();
		for (double[] t : ticks(yAxis, p0, p1, Math.max(2, (int) ((p1 - p0) * zoom / 60)))) {
			int sy = (int) Math.round(screenY(t[0]));
			if (sy < a.y - 1 || sy > a.y + a.height + 1) {
				continue;
			}
			gc.drawLine(x - 4, sy, x, sy);
			String s = Ticks.format(t[1]);
			Point te = gc.textExtent(s);
			gc.drawText(s, Math.max(lineH + 2, x - 6 - te.x), sy - te.y / 2, true);
		}
		String label = axisLabel(yAxis, "y");
		Point te = gc.textExtent(label);
		Transform t = new Transform(getDisplay());
		try {
			t.translate(getClientArea().x + 2, a.y + (a.height + te.x) / 2f);
			t.rotate(-90);
			gc.setTransform(t);
			gc.drawText(label, 0, 0, true);
		} finally {
			gc.setTransform(null);
			t.dispose();
		}
	}

	/** @return ticks as {image coordinate, label value}: calibrated values at nice steps, or nice indices for non-linear axes */
	static List<double[]> ticks(Axis axis, double p0, double p1, int target) {
		List<double[]> out = new ArrayList<>();
		if (axis != null && axis.isLinear() && axis.scale() != 0 && Double.isFinite(axis.scale()) && Double.isFinite(axis.offset())) {
			// pixel i (centre at i + 0.5) is at offset + i * scale
			double c0 = axis.offset() + (p0 - 0.5) * axis.scale();
			double c1 = axis.offset() + (p1 - 0.5) * axis.scale();
			for (double v : Ticks.nice(c0, c1, target)) {
				out.add(new double[] { (v - axis.offset()) / axis.scale() + 0.5, v });
			}
			return out;
		}
		for (double v : Ticks.nice(Math.ceil(p0 - 0.5), Math.floor(p1 - 0.5), target)) {
			if (v != Math.rint(v)) {
				continue;
			}
			double label = axis != null && axis.size() > v && v >= 0 ? axis.coordinate((long) v) : v;
			out.add(new double[] { v + 0.5, label });
		}
		return out;
	}

	static String axisLabel(Axis axis, String fallback) {
		if (axis == null) {
			return fallback + " (pixels)";
		}
		String u = axis.units().isEmpty() ? (axis.isLinear() && axis.scale() == 1 && axis.offset() == 0 ? "pixels" : "") : axis.units();
		return u.isEmpty() ? axis.name() : axis.name() + " (" + u + ")";
	}

	private void drawColorBar(GC gc, Rectangle a) {
		int bx = a.x + a.width + 12;
		int bw = 14;
		gc.setInterpolation(SWT.NONE);
		gc.drawImage(barImage, 0, 0, 1, 256, bx, a.y, bw, a.height);
		gc.drawRectangle(bx - 1, a.y - 1, bw + 1, a.height + 1);
		double lo = rendered.low();
		double hi = rendered.high();
		double[] ticks = rendered.log() ? Ticks.logTicks(lo, hi, Math.max(2, a.height / 50)) : Ticks.nice(lo, hi, Math.max(2, a.height / 50));
		int lastY = Integer.MAX_VALUE;
		int lineH = gc.getFontMetrics().getHeight();
		for (double v : ticks) {
			int sy = (int) Math.round(a.y + a.height - (v - lo) / (hi - lo) * a.height);
			if (Math.abs(lastY - sy) < lineH) {
				continue; // log ticks crowd towards the top: keep the labels readable
			}
			lastY = sy;
			gc.drawLine(bx + bw, sy, bx + bw + 3, sy);
			String s = rendered.log() ? Ticks.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", Math.pow(10, v))))
					: Ticks.format(v);
			Point te = gc.textExtent(s);
			gc.drawText(s, bx + bw + 5, sy - te.y / 2, true);
		}
		String label = valueLabel + (rendered.log() ? " (log)" : "");
		Point te = gc.textExtent(label);
		gc.drawText(label, Math.max(a.x + a.width / 2, Math.min(bx - te.x / 2, getClientArea().width - te.x - 2)), getClientArea().y + 4, true);
	}
}
