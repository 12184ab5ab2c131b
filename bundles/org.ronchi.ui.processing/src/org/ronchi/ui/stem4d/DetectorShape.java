package org.ronchi.ui.stem4d;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A virtual detector on the diffraction pattern, in pixel coordinates (pixel i's centre at i): a
 * circle of radius {@code a}, an annulus from {@code a} to {@code b}, or a rectangle of half-height
 * {@code a} and half-width {@code b}, centred at ({@code cy}, {@code cx}).
 */
public record DetectorShape(String kind, double cy, double cx, double a, double b) {
	public static final List<String> KINDS = List.of("circle", "annulus", "rectangle");

	public DetectorShape {
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("unsupported detector: " + kind);
		}
		a = Math.max(0, a);
		b = Math.max(kind.equals("annulus") ? a : 0, b);
	}

	/** A bright-field disk: a circle of an eighth of the frame at its centre, as py4DSTEM's default. */
	public static DetectorShape defaultFor(int ny, int nx) {
		return new DetectorShape("circle", (ny - 1) / 2.0, (nx - 1) / 2.0, Math.max(1, Math.min(ny, nx) / 8.0), 0);
	}

	public DetectorShape withKind(String k, int ny, int nx) {
		double r = a > 0 ? a : Math.min(ny, nx) / 8.0;
		return switch (k) {
		case "circle" -> new DetectorShape(k, cy, cx, kind.equals("annulus") ? b : r, 0);
		case "annulus" -> new DetectorShape(k, cy, cx, kind.equals("circle") ? r : Math.min(ny, nx) / 4.0, kind.equals("circle") ? 2 * r
				: Math.min(ny, nx) / 2.0);
		case "rectangle" -> new DetectorShape(k, cy, cx, r, r);
		default -> throw new IllegalArgumentException("unsupported detector: " + k);
		};
	}

	public DetectorShape movedTo(double y, double x) {
		return new DetectorShape(kind, y, x, a, b);
	}

	/** @return rows y0..y1-1 and columns x0..x1-1 of a rectangle, clipped to the frame */
	public int[] rectangle(int ny, int nx) {
		int y0 = (int) Math.max(0, Math.round(cy - a));
		int y1 = (int) Math.min(ny, Math.round(cy + a) + 1);
		int x0 = (int) Math.max(0, Math.round(cx - b));
		int x1 = (int) Math.min(nx, Math.round(cx + b) + 1);
		return new int[] { y0, Math.max(y0 + 1, y1), x0, Math.max(x0 + 1, x1) };
	}

	/** @return the parameters of the engine's stem4d.virtual-image operation for this detector */
	public Map<String, Object> params(int ny, int nx) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("detector", kind);
		switch (kind) {
		case "circle" -> {
			p.put("center", new double[] { cy, cx });
			p.put("radius", a);
		}
		case "annulus" -> {
			p.put("center", new double[] { cy, cx });
			p.put("inner_radius", a);
			p.put("outer_radius", b);
		}
		case "rectangle" -> p.put("rectangle", rectangle(ny, nx));
		default -> throw new IllegalArgumentException("unsupported detector: " + kind);
		}
		return p;
	}

	/** @return whether pixel (y, x) is inside the detector, by the engine's rules (d <= r; ri <= d <= ro) */
	public boolean covers(int y, int x, int ny, int nx) {
		double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
		return switch (kind) {
		case "circle" -> d2 <= a * a;
		case "annulus" -> d2 >= a * a && d2 <= b * b;
		default -> {
			int[] r = rectangle(ny, nx);
			yield y >= r[0] && y < r[1] && x >= r[2] && x < r[3];
		}
		};
	}

	/** @return e.g. "circle r = 2 px at (3.5, 3.5)" */
	public String describe() {
		String at = " at (" + fmt(cy) + ", " + fmt(cx) + ")";
		return switch (kind) {
		case "circle" -> "circle r = " + fmt(a) + " px" + at;
		case "annulus" -> "annulus " + fmt(a) + "\u2013" + fmt(b) + " px" + at;
		default -> "rectangle " + fmt(2 * a + 1) + " \u00d7 " + fmt(2 * b + 1) + " px" + at;
		};
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
	}
}
