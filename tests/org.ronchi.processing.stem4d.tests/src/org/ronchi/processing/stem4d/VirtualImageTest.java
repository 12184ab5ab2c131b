package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.DType;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.stem4d.Support.Cube;

/** Virtual detectors against direct per-pixel loops, on uint16 (exact integer path) and float32 cubes. */
class VirtualImageTest {
	private static final Cube U16 = new Cube(DType.UINT16, 5, 7, 12, 10, new int[] { 2, 7, 12, 10 }, 1);
	private static final Cube F32 = new Cube(DType.FLOAT32, 4, 3, 9, 11, null, 2);

	interface Pixel {
		double weight(int y, int x, double cy, double cx);
	}

	static double[] direct(Cube c, Pixel w, double cy, double cx, boolean perPattern) {
		double[] out = new double[c.positions()];
		for (int p = 0; p < c.positions(); p++) {
			double oy = cy;
			double ox = cx;
			if (perPattern) {
				double s = 0;
				double sy = 0;
				double sx = 0;
				for (int y = 0; y < c.ny; y++) {
					for (int x = 0; x < c.nx; x++) {
						s += c.at(p, y, x);
						sy += c.at(p, y, x) * y;
						sx += c.at(p, y, x) * x;
					}
				}
				oy = sy / s;
				ox = sx / s;
			}
			for (int y = 0; y < c.ny; y++) {
				for (int x = 0; x < c.nx; x++) {
					out[p] += w.weight(y, x, oy, ox) * c.at(p, y, x);
				}
			}
		}
		return out;
	}

	static Pixel circle(double r) {
		return (y, x, cy, cx) -> (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r ? 1 : 0;
	}

	static Pixel annulus(double ri, double ro) {
		return (y, x, cy, cx) -> {
			double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
			return d2 >= ri * ri && d2 <= ro * ro ? 1 : 0;
		};
	}

	@Test
	void detectorsMatchDirectSums() {
		for (Cube c : new Cube[] { U16, F32 }) {
			double rel = c.dtype == DType.UINT16 ? 0 : 1e-6;
			double cy = 5.3;
			double cx = 4.6;
			VirtualImage op = new VirtualImage();
			Support.close(direct(c, circle(3.2), cy, cx, false),
					Support.run(op, c.node, Map.of("detector", "circle", "center", Support.list(cy, cx), "radius", 3.2)).get("image"), rel, "circle");
			Support.close(direct(c, circle(3), 4, 4, false),
					Support.run(op, c.node, Map.of("detector", "circle", "center", Support.list(4, 4), "radius", 3)).get("image"), rel,
					"circle through pixel centres (d == r counts)");
			Support.close(direct(c, annulus(2, 4.5), cy, cx, false), Support.run(op, c.node,
					Map.of("detector", "annulus", "center", Support.list(cy, cx), "inner_radius", 2, "outer_radius", 4.5)).get("image"), rel, "annulus");
			Support.close(direct(c, annulus(2, 3), 4, 5, false), Support.run(op, c.node,
					Map.of("detector", "annulus", "center", Support.list(4, 5), "inner_radius", 2, "outer_radius", 3)).get("image"), rel,
					"annulus with d == ri and d == ro on pixels");
			Support.close(direct(c, (y, x, a, b) -> y >= 2 && y < 7 && x >= 1 && x < 9 ? 1 : 0, 0, 0, false),
					Support.run(op, c.node, Map.of("detector", "rectangle", "rectangle", List.of(2, 7, 1, 9))).get("image"), rel, "rectangle");
			Support.close(direct(c, (y, x, a, b) -> y == 5 && x == 4 ? 1 : 0, 0, 0, false),
					Support.run(op, c.node, Map.of("detector", "point", "center", Support.list(5.2, 3.7))).get("image"), rel, "point (rounded)");
			double[][] mask = new double[c.ny][c.nx];
			for (int y = 0; y < c.ny; y++) {
				for (int x = 0; x < c.nx; x++) {
					mask[y][x] = (y * 7 + x * 3) % 5 * 0.25;
				}
			}
			Support.close(direct(c, (y, x, a, b) -> mask[y][x], 0, 0, false),
					Support.run(op, c.node, Map.of("detector", "mask", "mask", mask)).get("image"), 1e-6, "weighted mask");
			Support.close(direct(c, circle(2.5), 0, 0, true),
					Support.run(op, c.node, Map.of("detector", "circle", "radius", 2.5, "origin", "center-of-mass")).get("image"), 1e-6,
					"circle centred on each pattern's centre of mass");
			Map<String, double[]> both = Support.run(new VirtualBfAdf(), c.node,
					Map.of("center", Support.list(cy, cx), "bf_radius", 2.5, "adf_inner", 3, "adf_outer", 6));
			Support.close(direct(c, circle(2.5), cy, cx, false), both.get("bf"), rel, "BF");
			Support.close(direct(c, annulus(3, 6), cy, cx, false), both.get("adf"), rel, "ADF");
		}
	}

	@Test
	void resultsCarryScanCalibration() {
		RunResult r = Support.runOnce(new VirtualBfAdf(), U16.node, Map.of());
		var bf = r.output("bf");
		assertEquals(List.of(5L, 7L), java.util.Arrays.stream(bf.shape()).boxed().toList());
		assertEquals("R_x", bf.axes().get(1).name());
		assertEquals(0.25, bf.axes().get(1).scale());
		assertEquals(1.0, bf.axes().get(1).offset());
		assertEquals("nm", bf.axes().get(1).units());
		assertEquals("counts", bf.units());
		assertEquals("Intensity", bf.quantity());
	}

	@Test
	void badGeometryIsReportedWithTheAllowedRange() {
		ParameterException x = assertThrows(ParameterException.class,
				() -> Support.runOnce(new VirtualImage(), U16.node, Map.of("detector", "circle", "radius", 40)));
		assertTrue(x.getMessage().contains("'radius' must be between 0 and 15.6 px (the frame diagonal), got 40"), x.getMessage());
		x = assertThrows(ParameterException.class,
				() -> Support.runOnce(new VirtualImage(), U16.node, Map.of("detector", "circle", "center", Support.list(12, 3))));
		assertTrue(x.getMessage().contains("'center' must lie on the frame: y from 0 to 11 px"), x.getMessage());
		x = assertThrows(ParameterException.class, () -> Support.runOnce(new VirtualImage(), U16.node, Map.of("detector", "ring")));
		assertTrue(x.getMessage().contains("'detector' must be one of point, circle, annulus, rectangle, mask, got 'ring'"), x.getMessage());
		x = assertThrows(ParameterException.class, () -> Support.runOnce(new VirtualImage(), U16.node, Map.of("detector", "mask")));
		assertTrue(x.getMessage().contains("'mask' is required"), x.getMessage());
		x = assertThrows(ParameterException.class,
				() -> Support.runOnce(new VirtualImage(), U16.node, Map.of("detector", "mask", "mask", new double[3][3])));
		assertTrue(x.getMessage().contains("'mask' must have the frame's shape (12, 10)"), x.getMessage());
	}
}
