package org.ronchi.processing.diffraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Engine;
import org.ronchi.processing.MemorySource;
import org.ronchi.processing.Operation;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.diffraction.ops.BraggDisksOperation;
import org.ronchi.processing.diffraction.ops.EllipseOperation;
import org.ronchi.processing.diffraction.ops.LatticeOperation;
import org.ronchi.processing.diffraction.ops.Origin;
import org.ronchi.processing.diffraction.ops.Probe;
import org.ronchi.processing.diffraction.ops.StrainOperation;

/**
 * Each 4D-STEM analysis operation against the functions it wires (computed directly here), inline and
 * on several threads with small tiles, on a synthetic strained crystal held in memory.
 */
class OperationsTest {
	static final SyntheticCrystal CRYSTAL = new SyntheticCrystal(8, 6, 128, 5, 1.5, 2e4, 11, 2);

	/** The crystal as an in-memory float32 datacube, chunked by 3 positions. */
	static ArrayNode cube() {
		long[] shape = CRYSTAL.source().shape();
		int frame = (int) (shape[2] * shape[3]);
		ByteBuffer b = ByteBuffer.allocate((int) Shapes.size(shape) * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int rx = 0; rx < shape[0]; rx++) {
			for (int ry = 0; ry < shape[1]; ry++) {
				for (double v : CRYSTAL.pattern(rx, ry)) {
					b.putFloat((float) v);
				}
			}
		}
		assertEquals(Shapes.size(shape) * 4, (long) b.position(), frame + " values per pattern");
		return new ArrayNode("cube", new MemorySource(DType.FLOAT32, shape, b.flip(), new int[] { 1, 3, (int) shape[2], (int) shape[3] }))
				.axes(List.of(Axis.index("R_x", shape[0]).withNavigate(true), Axis.index("R_y", shape[1]).withNavigate(true),
						Axis.linear("Q_x", "1/nm", shape[2], 0.05, -3.2), Axis.linear("Q_y", "1/nm", shape[3], 0.05, -3.2)));
	}

	/** Runs inline and on 3 threads with one-frame tiles; returns the parallel run after checking the listed outputs agree. */
	static RunResult run(Operation op, ArrayNode input, Map<String, ?> params, String... compare) {
		RunResult inline;
		try (Engine e = Engine.inline()) {
			inline = e.run(RunRequest.of(op, input).params(params));
		}
		try (Engine e = new Engine(Engine.Config.defaults().threads(3).tileBytes(1))) {
			RunResult r = e.run(RunRequest.of(op, input).params(params));
			for (String name : compare) {
				assertArrayEquals(values(inline.output(name)), values(r.output(name)), 1e-9, name + ": inline and on 3 threads");
			}
			return r;
		}
	}

	static double[] values(ArrayNode a) {
		org.eclipse.january.dataset.Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		double[] v = new double[d.getSize()];
		for (int i = 0; i < v.length; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		return v;
	}

	static DoubleDataset array(double[] v, int... shape) {
		return DatasetFactory.createFromObject(DoubleDataset.class, v, shape);
	}

	@Test
	void probeIsTheAlignedVacuumAverageAndItsKernel() {
		int nq = CRYSTAL.detectorSize();
		RunResult r = run(new Probe(), cube(), Map.of("r", new int[] { 0, 2, 0, 6 }, "mask_expansion", 6, "mask_opening", 1), "probe", "kernel");
		double[] sum = new double[nq * nq];
		for (int rx = 0; rx < 2; rx++) {
			for (int ry = 0; ry < 6; ry++) {
				VacuumProbe.accumulate(CRYSTAL.pattern(rx, ry), nq, nq, true, sum);
			}
		}
		for (int i = 0; i < sum.length; i++) {
			sum[i] /= 12;
		}
		VacuumProbe.mask(sum, nq, nq, 0.2, 6, 1);
		assertArrayEquals(sum, values(r.output("probe")), 1e-6 * 2e4);
		ProbeSize size = ProbeSize.measure(sum, nq, nq);
		double[] s = values(r.output("size"));
		assertEquals(size.radius(), s[0], 1e-9);
		assertEquals(5, s[0], 0.1, "the synthetic probe's radius");
		assertEquals(nq / 2, s[1], 0, "aligned: the centre pixel");
		double[] kernel = ProbeKernel.SIGMOID.make(sum, nq, nq, nq / 2, nq / 2, size.radius(), 2 * size.radius());
		assertArrayEquals(kernel, values(r.output("kernel")), 1e-9);
		// a mask selects the same positions
		double[] mask = new double[8 * 6];
		java.util.Arrays.fill(mask, 0, 12, 1);
		RunResult m = run(new Probe(), cube(), Map.of("nav_mask", array(mask, 8, 6), "mask_expansion", 6, "mask_opening", 1));
		assertArrayEquals(values(r.output("kernel")), values(m.output("kernel")), 1e-9);
	}

	/** Bragg peaks of the crystal, found by the operation with the probe's kernel. */
	static RunResult braggPeaks() {
		RunResult probe = run(new Probe(), cube(), Map.of("r", new int[] { 0, 2, 0, 6 }, "mask_expansion", 6, "mask_opening", 1, "radii",
				new double[] { 1, 1.8 }));
		double[] k = values(probe.output("kernel"));
		return run(new BraggDisksOperation(), cube(), Map.of("template", array(k, 128, 128), "min_peak_spacing", 8.0, "edge_boundary", 4), "bvm");
	}

	@Test
	void braggDisksAreTheFunctionsPeaksAsPointListsWithTheirMap() {
		RunResult probe = run(new Probe(), cube(), Map.of("r", new int[] { 0, 2, 0, 6 }));
		double[] k = values(probe.output("kernel"));
		RunResult r = run(new BraggDisksOperation(), cube(), Map.of("template", array(k, 128, 128), "min_peak_spacing", 8.0, "edge_boundary", 4,
				"corr_power", 0.8), "bvm", "peaks");
		BraggDisks f = new BraggDisks(k, 128, 128, BraggParams.defaults().withMinPeakSpacing(8).withEdgeBoundary(4).withCorrPower(0.8));
		BraggDisks.Workspace w = f.workspace();
		double[] bvm = new double[128 * 128];
		ArrayNode peaks = r.output("peaks");
		assertEquals(List.of("qx", "qy", "intensity"), peaks.pointLists().type().names());
		assertEquals("px", peaks.pointLists().type().fields().get(0).units());
		for (int rx = 0; rx < 8; rx++) {
			for (int ry = 0; ry < 6; ry++) {
				BraggPeaks p = f.find(CRYSTAL.pattern(rx, ry), w);
				PointList l = peaks.pointLists().read(rx, ry);
				assertEquals(p.size(), l.length());
				assertArrayEquals(p.qx(), l.doubles("qx"), 0);
				assertArrayEquals(p.intensity(), l.doubles("intensity"), 0);
				BraggVectorMap.add(p, 0, 0, bvm, 128, 128);
			}
		}
		assertArrayEquals(bvm, values(r.output("bvm")), 1e-9);
		assertEquals("1/nm", r.output("bvm").axes().get(0).units(), "the map has the detector's calibration");
		try (Engine e = Engine.inline()) {
			RunResult t = e.test(RunRequest.of(new BraggDisksOperation(), cube()).params(Map.of("template", array(k, 128, 128), "min_peak_spacing",
					8.0, "edge_boundary", 4, "corr_power", 0.8)), 5, 2);
			assertArrayEquals(peaks.pointLists().read(5, 2).doubles("qy"), t.output("peaks").pointLists().read(0, 0).doubles("qy"), 0);
		}
		ParameterException bad = assertThrows(ParameterException.class,
				() -> run(new BraggDisksOperation(), cube(), Map.of("template", array(new double[16], 4, 4))));
		assertTrue(bad.getMessage().contains("template"), bad.getMessage());
	}

	@Test
	void originIsTheRobustPlaneThroughTheBrightestPeaks() {
		RunResult bragg = braggPeaks();
		ArrayNode peaks = bragg.output("peaks");
		RunResult r = run(new Origin(), peaks, Map.of("bvm_shape", new int[] { 96, 96 }), "origin", "origin_measured", "bvm");
		double[] mx = new double[48];
		double[] my = new double[48];
		for (int i = 0; i < 48; i++) {
			PointList l = peaks.pointLists().read(i / 6, i % 6);
			mx[i] = l.getDouble(0, 0); // brightest first: the unscattered beam
			my[i] = l.getDouble(0, 1);
		}
		OriginFit.Plane px = OriginFit.fitPlane(mx, 8, 6, null, 3, 2);
		OriginFit.Plane py = OriginFit.fitPlane(my, 8, 6, null, 3, 2);
		double[] origin = values(r.output("origin"));
		for (int i = 0; i < 48; i++) {
			assertEquals(px.at(i / 6, i % 6), origin[2 * i], 1e-12);
			assertEquals(py.at(i / 6, i % 6), origin[2 * i + 1], 1e-12);
			double[] truth = CRYSTAL.origin(i / 6, i % 6);
			assertEquals(truth[0], origin[2 * i], 0.02, "the true descan");
			assertEquals(truth[1], origin[2 * i + 1], 0.02);
			PointList raw = peaks.pointLists().read(i / 6, i % 6);
			PointList shifted = r.output("peaks").pointLists().read(i / 6, i % 6);
			assertEquals(raw.length(), shifted.length());
			for (int k = 0; k < raw.length(); k++) {
				assertEquals(raw.getDouble(k, 0) - origin[2 * i], shifted.getDouble(k, 0), 1e-12);
				assertEquals(raw.getDouble(k, 1) - origin[2 * i + 1], shifted.getDouble(k, 1), 1e-12);
			}
		}
		double[] map = values(r.output("bvm"));
		int brightest = 0;
		for (int i = 1; i < map.length; i++) {
			brightest = map[i] > map[brightest] ? i : brightest;
		}
		assertTrue(Math.abs(brightest / 96 - 48) <= 1 && Math.abs(brightest % 96 - 48) <= 1, "the map's origin at its centre: " + brightest);
		RunResult guessed = run(new Origin(), peaks, Map.of("method", "distance", "guess", new double[] { 64, 64 }, "max_distance", 3.0));
		assertArrayEquals(origin, values(guessed.output("origin")), 1e-12, "the nearest peak to the centre is the brightest here");
	}

	@Test
	void ellipseIsRecoveredFromAnEllipticalRing() {
		int n = 160;
		double x0 = 81.3;
		double y0 = 78.6;
		double a = 41;
		double b = 36.5;
		double theta = 0.4;
		double[] img = new double[n * n];
		for (int x = 0; x < n; x++) {
			for (int y = 0; y < n; y++) {
				double dx = x - x0;
				double dy = y - y0;
				double u = (dx * Math.cos(theta) + dy * Math.sin(theta)) / a;
				double v = (-dx * Math.sin(theta) + dy * Math.cos(theta)) / b;
				double r = Math.sqrt(u * u + v * v);
				img[x * n + y] = Math.exp(-Math.pow((r - 1) * 38, 2) / 2) + 0.05;
			}
		}
		ArrayNode image = new ArrayNode("ring", MemorySource.of(array(img, n, n), DType.FLOAT64, null));
		RunResult r = run(new EllipseOperation(), image, Map.of("radii", new double[] { 25, 55 }), "ellipse");
		double[] e = values(r.output("ellipse"));
		assertEquals(x0, e[0], 0.05, "qx0");
		assertEquals(y0, e[1], 0.05, "qy0");
		assertEquals(a, e[2], 0.1, "a");
		assertEquals(b, e[3], 0.1, "b");
		assertEquals(theta, e[4], 0.01, "theta");
		assertTrue(values(r.output("ring_points"))[0] > 300);
	}

	@Test
	void latticeIsTheFitOfEveryPositionAndCalibrationFlowsIntoIt() {
		RunResult origin = run(new Origin(), braggPeaks().output("peaks"), Map.of());
		ArrayNode shifted = origin.output("peaks");
		RunResult auto = run(new LatticeOperation(), shifted, Map.of(), "lattice", "basis");
		double[] basis = values(auto.output("basis"));
		assertEquals(List.of(6L), java.util.Arrays.stream(auto.output("basis").shape()).boxed().toList());
		RunResult given = run(new LatticeOperation(), shifted, Map.of("g1", new double[] { basis[2], basis[3] }, "g2", new double[] { basis[4], basis[5] }));
		assertArrayEquals(values(auto.output("lattice")), values(given.output("lattice")), 1e-12, "an automatic basis is a given basis");
		double[] lattice = values(auto.output("lattice"));
		Lattice guess = new Lattice(0, 0, basis[2], basis[3], basis[4], basis[5], 0, 0);
		for (int i = 0; i < 48; i++) {
			PointList l = shifted.pointLists().read(i / 6, i % 6);
			Lattice fit = Lattice.fit(new BraggPeaks(l.doubles("qx"), l.doubles("qy"), l.doubles("intensity")), guess,
					0.25 * Math.hypot(basis[2], basis[3]), 5);
			double[] expect = { fit.x0(), fit.y0(), fit.g1x(), fit.g1y(), fit.g2x(), fit.g2y() };
			for (int c = 0; c < 6; c++) {
				assertEquals(expect[c], lattice[6 * i + c], 1e-12, "position " + i + " component " + c);
			}
			assertEquals(CRYSTAL.crystal(i / 6), !Double.isNaN(lattice[6 * i + 2]), "vacuum positions have no lattice");
		}
		// calibrated: 0.05 1/nm per pixel, the scan rotated 30 degrees from the detector, mirrored
		RunResult cal = run(new LatticeOperation(), shifted, Map.of("pixel_size", 0.05, "rotation", 30.0, "flip", true));
		assertEquals("1/nm", cal.output("lattice").units());
		double[] c = values(cal.output("lattice"));
		double cs = Math.cos(Math.toRadians(30));
		double sn = Math.sin(Math.toRadians(30));
		for (int i = 12; i < 48; i++) {
			for (int v = 0; v < 3; v++) {
				double x = lattice[6 * i + 2 * v];
				double y = -lattice[6 * i + 2 * v + 1];
				assertEquals(0.05 * (cs * x - sn * y), c[6 * i + 2 * v], 1e-9);
				assertEquals(0.05 * (sn * x + cs * y), c[6 * i + 2 * v + 1], 1e-9);
			}
		}
	}

	@Test
	void strainIsAgainstTheMedianOfTheReferenceRegion() {
		RunResult lattice = run(new LatticeOperation(), run(new Origin(), braggPeaks().output("peaks"), Map.of()).output("peaks"), Map.of());
		ArrayNode l = lattice.output("lattice");
		RunResult r = run(new StrainOperation(), l, Map.of("reference", new int[] { 2, 8, 0, 1 }, "rotation", 20.0), "e_xx", "theta", "reference");
		double[] lv = values(l);
		boolean[] region = new boolean[48];
		Lattice[] map = new Lattice[48];
		for (int i = 0; i < 48; i++) {
			region[i] = i / 6 >= 2 && i % 6 < 1;
			map[i] = new Lattice(lv[6 * i], lv[6 * i + 1], lv[6 * i + 2], lv[6 * i + 3], lv[6 * i + 4], lv[6 * i + 5], 0, 0);
		}
		Lattice ref = Strain.reference(map, region);
		double[] exx = values(r.output("e_xx"));
		double[] exy = values(r.output("e_xy"));
		double[] th = values(r.output("theta"));
		for (int i = 0; i < 48; i++) {
			Strain e = Strain.of(map[i], ref).rotate(Math.cos(Math.toRadians(20)), Math.sin(Math.toRadians(20)), false);
			assertEquals(e.exx(), exx[i], 1e-12, "e_xx " + i);
			assertEquals(e.exy(), exy[i], 1e-12, "e_xy " + i);
			assertEquals(e.theta(), th[i], 1e-12, "theta " + i);
		}
		double[] mask = new double[48];
		for (int i = 0; i < 48; i++) {
			mask[i] = region[i] ? 1 : 0;
		}
		RunResult masked = run(new StrainOperation(), l, Map.of("nav_mask", array(mask, 8, 6), "rotation", 20.0));
		assertArrayEquals(exx, values(masked.output("e_xx")), 1e-15, "a mask is a region");
		assertEquals("rad", r.output("theta").units());
	}
}
