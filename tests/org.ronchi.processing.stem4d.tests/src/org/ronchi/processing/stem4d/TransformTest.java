package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.stem4d.Support.Cube;

/** Bin, crop, pad, thin, hot pixels and the FFT against direct index arithmetic. */
class TransformTest {
	private static final Cube C = new Cube(DType.UINT16, 7, 5, 9, 10, new int[] { 1, 5, 9, 10 }, 4);

	@Test
	void binInQAndR() {
		for (String method : new String[] { "sum", "mean" }) {
			RunResult r = Support.runOnce(new Bin(), C.node, Map.of("q", List.of(2, 3), "r", List.of(3, 2), "method", method));
			ArrayNode d = r.output("data");
			assertArrayEquals(new long[] { 2, 2, 4, 3 }, d.shape(), "remainders dropped");
			double[] expect = new double[2 * 2 * 4 * 3];
			for (int oy = 0; oy < 2; oy++) {
				for (int ox = 0; ox < 2; ox++) {
					for (int qy = 0; qy < 4; qy++) {
						for (int qx = 0; qx < 3; qx++) {
							double s = 0;
							for (int a = 0; a < 3; a++) {
								for (int b = 0; b < 2; b++) {
									for (int c = 0; c < 2; c++) {
										for (int e = 0; e < 3; e++) {
											s += C.at((oy * 3 + a) * C.sx + ox * 2 + b, qy * 2 + c, qx * 3 + e);
										}
									}
								}
							}
							expect[((oy * 2 + ox) * 4 + qy) * 3 + qx] = method.equals("mean") ? s / 36 : s;
						}
					}
				}
			}
			Support.close(expect, Support.run(new Bin(), C.node, Map.of("q", List.of(2, 3), "r", List.of(3, 2), "method", method)).get("data"), 1e-6,
					"bin " + method);
			assertEquals(0.1 * 2, d.axes().get(2).scale(), 1e-12, "binned Q scale");
			assertEquals(-0.6 + 0.1 * 0.5, d.axes().get(2).offset(), 1e-12, "binned Q offset: centre of the first block");
			assertEquals(1.5, d.axes().get(0).scale(), 1e-12, "binned R scale");
			assertEquals(0.5, d.axes().get(0).offset(), 1e-12, "binned R offset");
		}
	}

	@Test
	void cropPadThinKeepTheDtypeAndTheValues() {
		RunResult crop = Support.runOnce(new Crop(), C.node, Map.of("q", List.of(2, 7, 1, 9), "r", List.of(1, 6, 2, 4)));
		ArrayNode d = crop.output("data");
		assertEquals(DType.UINT16, d.dtype());
		assertArrayEquals(new long[] { 5, 2, 5, 8 }, d.shape());
		double[] v = Support.values(d);
		for (int y = 0; y < 5; y++) {
			for (int x = 0; x < 2; x++) {
				for (int qy = 0; qy < 5; qy++) {
					for (int qx = 0; qx < 8; qx++) {
						assertEquals(C.at((y + 1) * C.sx + x + 2, qy + 2, qx + 1), v[((y * 2 + x) * 5 + qy) * 8 + qx]);
					}
				}
			}
		}
		Support.close(v, Support.run(new Crop(), C.node, Map.of("q", List.of(2, 7, 1, 9), "r", List.of(1, 6, 2, 4))).get("data"), 0, "crop parallel");
		assertEquals(1 + 0.25 * 2, d.axes().get(1).offset(), 1e-12, "cropped R offset");
		assertEquals(-0.6 + 0.1 * 2, d.axes().get(2).offset(), 1e-12, "cropped Q offset");

		Map<String, Object> pp = Map.of("q", List.of(1, 2, 3, 0), "r", List.of(0, 1, 2, 0), "value", 7);
		ArrayNode p = Support.runOnce(new Pad(), C.node, pp).output("data");
		assertArrayEquals(new long[] { 8, 7, 12, 13 }, p.shape());
		double[] pv = Support.values(p);
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 7; x++) {
				for (int qy = 0; qy < 12; qy++) {
					for (int qx = 0; qx < 13; qx++) {
						int sy = y;
						int sx = x - 2;
						int iy = qy - 1;
						int ix = qx - 3;
						boolean inside = sy < C.sy && sx >= 0 && iy >= 0 && iy < C.ny && ix >= 0 && ix < C.nx;
						assertEquals(inside ? C.at(sy * C.sx + sx, iy, ix) : 7, pv[((y * 7 + x) * 12 + qy) * 13 + qx]);
					}
				}
			}
		}
		Support.close(pv, Support.run(new Pad(), C.node, pp).get("data"), 0, "pad parallel");

		ArrayNode t = Support.runOnce(new Thin(), C.node, Map.of("step", List.of(3, 2))).output("data");
		assertArrayEquals(new long[] { 3, 3, 9, 10 }, t.shape());
		double[] tv = Support.values(t);
		for (int y = 0; y < 3; y++) {
			for (int x = 0; x < 3; x++) {
				for (int i = 0; i < 90; i++) {
					assertEquals(C.v[((y * 3) * C.sx + x * 2) * 90 + i], tv[(y * 3 + x) * 90 + i]);
				}
			}
		}
		Support.close(tv, Support.run(new Thin(), C.node, Map.of("step", List.of(3, 2))).get("data"), 0, "thin parallel");
		assertEquals(1.5, t.axes().get(0).scale(), 1e-12);
		ParameterException x = assertThrows(ParameterException.class, () -> Support.runOnce(new Thin(), C.node, Map.of("step", List.of(2))));
		assertTrue(x.getMessage().contains("'step' needs one value per navigation dimension (2), got 1"), x.getMessage());
	}

	@Test
	void hotPixelsReplacedByTheNeighbourMedian() {
		double[][] mask = new double[C.ny][C.nx];
		mask[4][4] = 1;
		double[] out = Support.run(new HotPixels(), C.node, Map.of("threshold", 10000, "mask", mask)).get("data");
		for (int p = 0; p < C.positions(); p++) {
			float[] f = new float[90];
			for (int i = 0; i < 90; i++) {
				f[i] = (float) C.v[p * 90 + i];
			}
			for (int y = 0; y < C.ny; y++) {
				for (int x = 0; x < C.nx; x++) {
					double med = naiveMedian(f, y, x);
					double v = C.at(p, y, x);
					double e = (y == 4 && x == 4) || v - med > 10000 ? med : v;
					assertEquals(e, out[p * 90 + y * C.nx + x], 1e-3, "pixel " + p + "," + y + "," + x);
				}
			}
		}
		assertTrue(C.at(3, 1, 2) > 40000 && out[3 * 90 + 1 * C.nx + 2] < 1000, "the planted hot pixel is replaced");
		double[] m = Support.run(new FindHotPixels(), C.node, Map.of("threshold", 1000)).get("mask");
		assertEquals(1.0, m[1 * C.nx + 2], "found in the mean pattern");
		assertEquals(1.0, java.util.Arrays.stream(m).sum(), "and nothing else");
	}

	private static double naiveMedian(float[] f, int y, int x) {
		java.util.List<Double> n = new java.util.ArrayList<>();
		for (int yy = y - 1; yy <= y + 1; yy++) {
			for (int xx = x - 1; xx <= x + 1; xx++) {
				if ((yy != y || xx != x) && yy >= 0 && yy < C.ny && xx >= 0 && xx < C.nx) {
					n.add((double) f[yy * C.nx + xx]);
				}
			}
		}
		java.util.Collections.sort(n);
		int k = n.size();
		return k % 2 == 1 ? n.get(k / 2) : (n.get(k / 2 - 1) + n.get(k / 2)) / 2;
	}

	@Test
	void fftMatchesADirectDft() {
		Cube f = new Cube(DType.FLOAT32, 2, 3, 6, 5, null, 9);
		double[] amp = Support.run(new FrameFft(), f.node, Map.of("output", "amplitude", "shift", true)).get("data");
		double[] cplx = Support.run(new FrameFft(), f.node, Map.of("output", "complex", "shift", false)).get("data");
		for (int p = 0; p < f.positions(); p++) {
			for (int ky = 0; ky < 6; ky++) {
				for (int kx = 0; kx < 5; kx++) {
					double re = 0;
					double im = 0;
					for (int y = 0; y < 6; y++) {
						for (int x = 0; x < 5; x++) {
							double a = -2 * Math.PI * ((double) ky * y / 6 + (double) kx * x / 5);
							re += f.at(p, y, x) * Math.cos(a);
							im += f.at(p, y, x) * Math.sin(a);
						}
					}
					int i = (p * 6 + ky) * 5 + kx;
					assertEquals(re, cplx[2 * i], 1e-3 * (1 + Math.abs(re)), "re");
					assertEquals(im, cplx[2 * i + 1], 1e-3 * (1 + Math.abs(im)), "im");
					int sy = (ky + 3) % 6; // fftshift: output row sy holds frequency ky
					int sx = (kx + 2) % 5;
					assertEquals(Math.hypot(re, im), amp[(p * 6 + sy) * 5 + sx], 1e-3 * (1 + Math.hypot(re, im)), "shifted amplitude");
				}
			}
		}
		ArrayNode d = Support.runOnce(new FrameFft(), f.node, Map.of()).output("data");
		assertEquals("1/1/nm", d.axes().get(2).units());
		assertEquals(1 / (6 * 0.1), d.axes().get(2).scale(), 1e-12);
		assertEquals(-3 / (6 * 0.1), d.axes().get(2).offset(), 1e-12);
	}
}
