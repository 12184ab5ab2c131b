package org.ronchi.processing.stem4d;

import java.util.Arrays;

/**
 * A virtual detector on a frame of ny×nx pixels, py4DSTEM's geometries: a point, a circle
 * ({@code d <= r}), an annulus ({@code ri <= d <= ro}), a rectangle (rows y0..y1-1, columns
 * x0..x1-1) or an arbitrary weight mask. Binary detectors become {@link Spans} (runs of pixels along
 * rows) so summing is a tight loop over contiguous memory; a mask with other weights is applied as is.
 * The maths is here, in pure functions; the kernels only call it.
 *
 * @param kind point, circle, annulus, rectangle or mask
 * @param radius circle radius, or the annulus's inner radius
 * @param outer the annulus's outer radius
 * @param rect y0, y1, x0, x1 of a rectangle
 * @param weights a mask's weights, ny*nx, C order
 */
record Detector(String kind, double radius, double outer, int[] rect, float[] weights) {

	/** @return whether the weights are all 0 or 1 (the mask can be summed as spans) */
	boolean binary() {
		if (weights == null) {
			return true;
		}
		for (float w : weights) {
			if (w != 0 && w != 1) {
				return false;
			}
		}
		return true;
	}

	/** @return the pixels of this detector centred at (cy, cx); for a mask or rectangle the centre is the shift of their origin */
	Spans spans(double cy, double cx, int ny, int nx) {
		Spans s = new Spans(ny);
		switch (kind) {
		case "point" -> {
			int y = (int) Math.round(cy);
			int x = (int) Math.round(cx);
			if (y >= 0 && y < ny && x >= 0 && x < nx) {
				s.add(y * nx + x, 1);
			}
		}
		case "circle" -> disk(s, cy, cx, radius, -1, ny, nx);
		case "annulus" -> disk(s, cy, cx, outer, radius, ny, nx);
		case "rectangle" -> {
			int y0 = Math.max(0, rect[0]);
			int y1 = Math.min(ny, rect[1]);
			int x0 = Math.max(0, rect[2]);
			int x1 = Math.min(nx, rect[3]);
			for (int y = y0; y < y1 && x0 < x1; y++) {
				s.add(y * nx + x0, x1 - x0);
			}
		}
		case "mask" -> {
			for (int y = 0; y < ny; y++) {
				int x = 0;
				while (x < nx) {
					while (x < nx && weights[y * nx + x] == 0) {
						x++;
					}
					int a = x;
					while (x < nx && weights[y * nx + x] != 0) {
						x++;
					}
					if (x > a) {
						s.add(y * nx + a, x - a);
					}
				}
			}
		}
		default -> throw new IllegalArgumentException("unsupported detector: " + kind);
		}
		return s;
	}

	/** Pixels with inner <= d <= outer (no inner bound if inner < 0), row by row, checked with the exact predicate. */
	private static void disk(Spans s, double cy, double cx, double outer, double inner, int ny, int nx) {
		int y0 = Math.max(0, (int) Math.floor(cy - outer));
		int y1 = Math.min(ny - 1, (int) Math.ceil(cy + outer));
		double o2 = outer * outer;
		double i2 = inner * inner;
		for (int y = y0; y <= y1; y++) {
			double dy2 = (y - cy) * (y - cy);
			if (dy2 > o2) {
				continue;
			}
			double dx = Math.sqrt(o2 - dy2);
			int a = Math.max(0, (int) Math.ceil(cx - dx));
			int b = Math.min(nx - 1, (int) Math.floor(cx + dx));
			while (a <= b && dy2 + (a - cx) * (a - cx) > o2) {
				a++;
			}
			while (a > 0 && dy2 + (a - 1 - cx) * (a - 1 - cx) <= o2) {
				a--;
			}
			while (b >= a && dy2 + (b - cx) * (b - cx) > o2) {
				b--;
			}
			while (b < nx - 1 && dy2 + (b + 1 - cx) * (b + 1 - cx) <= o2) {
				b++;
			}
			if (a > b) {
				continue;
			}
			if (inner < 0 || dy2 >= i2) {
				s.add(y * nx + a, b - a + 1);
				continue;
			}
			// exclude d < inner: the hole is [c, e] within [a, b]
			int c = a;
			while (c <= b && dy2 + (c - cx) * (c - cx) >= i2) {
				c++;
			}
			int e = b;
			while (e >= c && dy2 + (e - cx) * (e - cx) >= i2) {
				e--;
			}
			if (c > a) {
				s.add(y * nx + a, c - a);
			}
			if (b > e && e >= c) {
				s.add(y * nx + e + 1, b - e);
			} else if (c > b) {
				// no hole on this row
			}
		}
	}

	/** Contiguous runs of pixels: flat start index and length. */
	static final class Spans {
		int[] start;
		int[] length;
		int n;

		Spans(int capacity) {
			start = new int[Math.max(4, 2 * capacity)];
			length = new int[start.length];
		}

		void add(int at, int len) {
			if (n == start.length) {
				start = Arrays.copyOf(start, 2 * n);
				length = Arrays.copyOf(length, 2 * n);
			}
			start[n] = at;
			length[n++] = len;
		}

		/** @return pixels covered */
		long pixels() {
			long p = 0;
			for (int i = 0; i < n; i++) {
				p += length[i];
			}
			return p;
		}

		/** @return the sum of uint16 (or, signed, int16) pixels over the spans; exact */
		long sum(short[] frame, boolean unsigned) {
			long acc = 0;
			if (unsigned) {
				for (int s = 0; s < n; s++) {
					int a = start[s];
					int e = a + length[s];
					int part = 0;
					for (int i = a; i < e; i++) {
						part += frame[i] & 0xffff;
					}
					acc += part;
				}
			} else {
				for (int s = 0; s < n; s++) {
					int a = start[s];
					int e = a + length[s];
					int part = 0;
					for (int i = a; i < e; i++) {
						part += frame[i];
					}
					acc += part;
				}
			}
			return acc;
		}

		/** @return the sum of float pixels over the spans, accumulated in double per span */
		double sum(float[] frame) {
			double acc = 0;
			for (int s = 0; s < n; s++) {
				int a = start[s];
				int e = a + length[s];
				float p0 = 0;
				float p1 = 0;
				float p2 = 0;
				float p3 = 0;
				int i = a;
				for (; i + 3 < e; i += 4) {
					p0 += frame[i];
					p1 += frame[i + 1];
					p2 += frame[i + 2];
					p3 += frame[i + 3];
				}
				for (; i < e; i++) {
					p0 += frame[i];
				}
				acc += (double) p0 + p1 + p2 + p3;
			}
			return acc;
		}
	}

	/** @return the weighted sum of a frame (weights over the whole frame) */
	static double weighted(float[] frame, float[] w) {
		double acc = 0;
		for (int i = 0; i < w.length; i++) {
			acc += frame[i] * w[i];
		}
		return acc;
	}
}
