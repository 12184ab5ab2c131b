package org.ronchi.ui.stem4d;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.ronchi.ui.image.ImageCanvas;

/**
 * Draws the detector on the diffraction pattern and lets the user shape it with the mouse: dragging its
 * centre mark moves it; dragging a circle's edge (an annulus's inner or outer edge) changes that
 * radius; pressing anywhere else draws a new one of the same kind (circle and annulus: centre at the
 * press, radius to the mouse, the annulus keeping its inner/outer ratio; rectangle: corner to corner).
 * Every move hands the new shape on, so the virtual image follows live.
 */
final class DetectorTool implements ImageCanvas.Tool, ImageCanvas.Overlay {
	private static final Color EDGE = new Color(0, 255, 128);
	private static final Color SHADOW = new Color(0, 0, 0);

	private enum Mode {
		MOVE, INNER, OUTER, DRAW
	}

	private final Supplier<DetectorShape> shape;
	private final Consumer<DetectorShape> changed;
	private final java.util.function.DoubleSupplier zoom;
	private Mode mode = Mode.DRAW;
	private double startY;
	private double startX;
	private double grabY;
	private double grabX;
	private double ratio = 0.5;

	/** @param zoom screen pixels per pattern pixel, so that grabbing tolerances are a few screen pixels */
	DetectorTool(Supplier<DetectorShape> shape, Consumer<DetectorShape> changed, java.util.function.DoubleSupplier zoom) {
		this.shape = shape;
		this.changed = changed;
		this.zoom = zoom;
	}

	@Override
	public boolean press(double x, double y) {
		DetectorShape d = shape.get();
		if (d == null) {
			return false;
		}
		double py = snap(y - 0.5); // pixel-index coordinates: pixel i's centre at i
		double px = snap(x - 0.5);
		startY = py;
		startX = px;
		mode = grab(d, y - 0.5, x - 0.5, Math.max(0.75, 6 / Math.max(1e-9, zoom.getAsDouble())));
		grabY = py - d.cy();
		grabX = px - d.cx();
		if (d.kind().equals("annulus") && d.b() > 0) {
			ratio = d.a() / d.b();
		}
		return true;
	}

	/** @return what a press at (y, x) takes hold of: the centre mark, an edge within tol pixels, or nothing (draw) */
	private static Mode grab(DetectorShape d, double y, double x, double tol) {
		double r = Math.hypot(y - d.cy(), x - d.cx());
		if (r <= Math.max(tol, 1)) {
			return Mode.MOVE;
		}
		return switch (d.kind()) {
		case "circle" -> Math.abs(r - d.a()) <= tol ? Mode.OUTER : Mode.DRAW;
		case "annulus" -> Math.abs(r - d.b()) <= tol ? Mode.OUTER : Math.abs(r - d.a()) <= tol ? Mode.INNER : Mode.DRAW;
		default -> Mode.DRAW;
		};
	}

	@Override
	public void drag(double x, double y) {
		update(snap(y - 0.5), snap(x - 0.5));
	}

	@Override
	public void release(double x, double y) {
		update(snap(y - 0.5), snap(x - 0.5));
	}

	/** Positions snap to half pixels: a detector centred on a pixel or between two, as users mean it. */
	static double snap(double v) {
		return Math.round(v * 2) / 2.0;
	}

	private void update(double py, double px) {
		DetectorShape d = shape.get();
		if (d == null) {
			return;
		}
		switch (mode) {
		case MOVE -> {
			changed.accept(d.movedTo(py - grabY, px - grabX));
			return;
		}
		case OUTER -> {
			double r = snap(Math.hypot(py - d.cy(), px - d.cx()));
			changed.accept(d.kind().equals("annulus") ? new DetectorShape("annulus", d.cy(), d.cx(), Math.min(d.a(), r), r)
					: new DetectorShape(d.kind(), d.cy(), d.cx(), r, d.b()));
			return;
		}
		case INNER -> {
			double r = snap(Math.hypot(py - d.cy(), px - d.cx()));
			changed.accept(new DetectorShape("annulus", d.cy(), d.cx(), Math.min(r, d.b()), d.b()));
			return;
		}
		default -> {
			// DRAW: below
		}
		}
		double r = snap(Math.hypot(py - startY, px - startX));
		DetectorShape n = switch (d.kind()) {
		case "circle" -> new DetectorShape("circle", startY, startX, r, 0);
		case "annulus" -> new DetectorShape("annulus", startY, startX, r * ratio, r);
		default -> new DetectorShape("rectangle", (startY + py) / 2, (startX + px) / 2, Math.abs(py - startY) / 2, Math.abs(px - startX) / 2);
		};
		changed.accept(n);
	}

	@Override
	public void paint(GC gc, ImageCanvas c) {
		DetectorShape d = shape.get();
		if (d == null || c.rendered() == null) {
			return;
		}
		gc.setAntialias(SWT.ON);
		for (int pass = 0; pass < 2; pass++) {
			gc.setForeground(pass == 0 ? SHADOW : EDGE);
			gc.setLineWidth(pass == 0 ? 4 : 2);
			switch (d.kind()) {
			case "circle" -> circle(gc, c, d.cy(), d.cx(), d.a());
			case "annulus" -> {
				circle(gc, c, d.cy(), d.cx(), d.a());
				circle(gc, c, d.cy(), d.cx(), d.b());
			}
			default -> {
				int[] r = d.rectangle(c.rendered().height(), c.rendered().width());
				int x0 = (int) Math.round(c.screenX(r[2]));
				int y0 = (int) Math.round(c.screenY(r[0]));
				gc.drawRectangle(x0, y0, (int) Math.round(c.screenX(r[3])) - x0, (int) Math.round(c.screenY(r[1])) - y0);
			}
			}
			int sx = (int) Math.round(c.screenX(d.cx() + 0.5));
			int sy = (int) Math.round(c.screenY(d.cy() + 0.5));
			gc.drawLine(sx - 4, sy, sx + 4, sy);
			gc.drawLine(sx, sy - 4, sx, sy + 4);
		}
		gc.setLineWidth(1);
	}

	private static void circle(GC gc, ImageCanvas c, double cy, double cx, double r) {
		int x0 = (int) Math.round(c.screenX(cx + 0.5 - r));
		int y0 = (int) Math.round(c.screenY(cy + 0.5 - r));
		int d = (int) Math.round(2 * r * c.zoom());
		gc.drawOval(x0, y0, Math.max(1, d), Math.max(1, d));
	}
}
