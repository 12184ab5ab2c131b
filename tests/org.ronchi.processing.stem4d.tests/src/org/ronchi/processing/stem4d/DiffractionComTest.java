package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.DType;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.stem4d.Support.Cube;

/** Virtual diffraction, centre of mass, DPC and iDPC against direct computations. */
class DiffractionComTest {
	private static final Cube C = new Cube(DType.UINT16, 6, 5, 10, 12, new int[] { 1, 5, 10, 12 }, 3);

	@Test
	void virtualDiffractionMeanSumMaxMedianWithAndWithoutMask() {
		double[][] mask = new double[C.sy][C.sx];
		for (int y = 0; y < C.sy; y++) {
			for (int x = 0; x < C.sx; x++) {
				mask[y][x] = (y + 2 * x) % 3 == 0 ? 1 : 0;
			}
		}
		int n = C.ny * C.nx;
		for (boolean masked : new boolean[] { false, true }) {
			for (String reduce : new String[] { "mean", "sum", "max", "median" }) {
				double[] expect = new double[n];
				for (int i = 0; i < n; i++) {
					double[] vals = new double[C.positions()];
					int k = 0;
					for (int p = 0; p < C.positions(); p++) {
						if (!masked || mask[p / C.sx][p % C.sx] != 0) {
							vals[k++] = C.v[p * n + i];
						}
					}
					double[] v = Arrays.copyOf(vals, k);
					Arrays.sort(v);
					expect[i] = switch (reduce) {
					case "mean" -> Arrays.stream(v).sum() / k;
					case "sum" -> Arrays.stream(v).sum();
					case "max" -> v[k - 1];
					default -> k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
					};
				}
				Map<String, Object> params = masked ? Map.of("reduce", reduce, "nav_mask", mask) : Map.of("reduce", reduce);
				Support.close(expect, Support.run(new VirtualDiffraction(), C.node, params).get("pattern"), 1e-12, reduce + (masked ? " masked" : ""));
			}
		}
		ParameterException x = assertThrows(ParameterException.class,
				() -> Support.runOnce(new VirtualDiffraction(), C.node, Map.of("nav_mask", new double[2][2])));
		assertTrue(x.getMessage().contains("'nav_mask' must have the scan's shape (6, 5), got (2, 2)"), x.getMessage());
	}

	@Test
	void centreOfMassAndDpc() {
		double rot = 30;
		Map<String, double[]> out = Support.run(new CenterOfMass(), C.node, Map.of("rotation", rot));
		int n = C.positions();
		double[] cy = new double[n];
		double[] cx = new double[n];
		for (int p = 0; p < n; p++) {
			double s = 0;
			double sy = 0;
			double sx = 0;
			for (int y = 0; y < C.ny; y++) {
				for (int x = 0; x < C.nx; x++) {
					s += C.at(p, y, x);
					sy += C.at(p, y, x) * y;
					sx += C.at(p, y, x) * x;
				}
			}
			cy[p] = -0.6 + 0.1 * sy / s; // calibrated: offset + px * scale
			cx[p] = -1 + 0.2 * sx / s;
		}
		Support.close(cy, out.get("com_y"), 1e-12, "com_y");
		Support.close(cx, out.get("com_x"), 1e-12, "com_x");
		double my = Arrays.stream(cy).average().orElseThrow();
		double mx = Arrays.stream(cx).average().orElseThrow();
		double c = Math.cos(Math.toRadians(rot));
		double s = Math.sin(Math.toRadians(rot));
		double[] dy = new double[n];
		double[] dx = new double[n];
		for (int p = 0; p < n; p++) {
			dx[p] = c * (cx[p] - mx) - s * (cy[p] - my);
			dy[p] = s * (cx[p] - mx) + c * (cy[p] - my);
		}
		Support.close(dy, out.get("dpc_y"), 1e-12, "dpc_y");
		Support.close(dx, out.get("dpc_x"), 1e-12, "dpc_x");
		assertEquals(n, out.get("idpc").length);
		RunResult r = Support.runOnce(new CenterOfMass(), C.node, Map.of());
		assertEquals("1/nm", r.output("com_y").units());
		assertEquals("1/nm nm", r.output("idpc").units());
		assertEquals("R_y", r.output("dpc_x").axes().get(0).name());
	}

	@Test
	void fourierIntegrationRecoversAPhaseFromItsGradient() {
		int ny = 11;
		int nx = 8;
		double dy = 0.5;
		double dx = 0.25;
		double[] phi = new double[ny * nx];
		double[] gy = new double[ny * nx];
		double[] gx = new double[ny * nx];
		double ly = ny * dy;
		double lx = nx * dx;
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				double a = 2 * Math.PI * y * dy / ly;
				double b = 2 * Math.PI * 2 * x * dx / lx;
				int i = y * nx + x;
				phi[i] = Math.sin(a) * Math.cos(b) + 0.3 * Math.cos(a);
				gy[i] = 2 * Math.PI / ly * (Math.cos(a) * Math.cos(b) - 0.3 * Math.sin(a));
				gx[i] = -2 * Math.PI * 2 / lx * Math.sin(a) * Math.sin(b);
			}
		}
		Support.close(phi, Integration.fourier(gy, gx, ny, nx, dy, dx), 1e-12, "phase");
	}
}
