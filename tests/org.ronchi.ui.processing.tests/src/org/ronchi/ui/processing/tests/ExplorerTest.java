package org.ronchi.ui.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.Engine;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImageCanvas;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.stem4d.DetectorShape;
import org.ronchi.ui.stem4d.EngineDetector;
import org.ronchi.ui.stem4d.ExplorerPanel;

/**
 * The 4D-STEM Explorer on a real Prismatic simulation, emd_ncem/prismatic/Si100_4D.emd: two datacubes
 * (11, 11, 8, 8) float32 with sums 110.6683919 (depth 0) and 110.6073124 (depth 1) (MANIFEST.md). The
 * virtual images come from the processing engine and are checked against sums computed here.
 */
class ExplorerTest {
	private static final String CUBE0 = "/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube";

	@Test
	void virtualImagesPatternsAndALiveDetector() throws Exception {
		try (Env env = new Env(1300, 800); Engine engine = new Engine();
				DataFile f = Env.loaders().open(TestData.real("emd_ncem/prismatic/Si100_4D.emd"))) {
			ExplorerPanel ex = new ExplorerPanel(env.shell, new EngineDetector(engine, Env.operations()),
					new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false), () -> 1L << 30);
			env.open();
			ArrayNode cube = (ArrayNode) f.root().resolve(CUBE0);
			assertArrayEquals(new long[] { 11, 11, 8, 8 }, cube.shape());
			ex.setInput(cube);
			idle(env, ex);
			assertNotNull(ex.navigator().rendered(), "navigator shown: " + ex.status());
			assertEquals(11, ex.navigator().rendered().width());

			// a detector over the whole pattern: the virtual image sums the whole cube
			ex.setDetector(new DetectorShape("rectangle", 3.5, 3.5, 4, 4));
			idle(env, ex);
			assertEquals(110.6683919, sum(ex.navigator().rendered().data()), 1e-5);
			assertTrue(ex.status().contains("stem4d.virtual-image"), ex.status());

			// a circle: each navigator pixel is the sum of that pattern's pixels within the radius
			DetectorShape circle = new DetectorShape("circle", 3.5, 3.5, 2.5, 0);
			ex.setDetector(circle);
			idle(env, ex);
			checkVirtual(cube, circle, ex.navigator().rendered().data());

			// an annulus drawn with the mouse on the pattern: press at the centre of pixel (1, 1), drag to radius 3
			ex.setDetector(new DetectorShape("annulus", 3.5, 3.5, 1, 2)); // (1, 1) lies away from its edges: a press there draws
			idle(env, ex);
			ImageCanvas pc = ex.pattern().canvas();
			mouse(pc, SWT.MouseDown, pc.screenX(1.5), pc.screenY(1.5));
			mouse(pc, SWT.MouseMove, pc.screenX(4.5), pc.screenY(1.5));
			mouse(pc, SWT.MouseUp, pc.screenX(4.5), pc.screenY(1.5));
			idle(env, ex);
			DetectorShape drawn = ex.detector();
			assertEquals("annulus", drawn.kind());
			assertEquals(1, drawn.cy(), 1e-9);
			assertEquals(1, drawn.cx(), 1e-9);
			assertEquals(3, drawn.b(), 1e-9);
			assertEquals(1.5, drawn.a(), 1e-9, "the annulus keeps its inner/outer ratio");
			checkVirtual(cube, drawn, ex.navigator().rendered().data());

			// dragging the outer edge resizes it, keeping centre and inner radius
			mouse(pc, SWT.MouseDown, pc.screenX(4.5), pc.screenY(1.5));
			mouse(pc, SWT.MouseMove, pc.screenX(5.5), pc.screenY(1.5));
			mouse(pc, SWT.MouseUp, pc.screenX(5.5), pc.screenY(1.5));
			idle(env, ex);
			DetectorShape resized = ex.detector();
			assertEquals(new DetectorShape("annulus", 1, 1, 1.5, 4), resized);
			checkVirtual(cube, resized, ex.navigator().rendered().data());

			// picking a scan position shows that pattern, as stored
			ex.setPosition(2, 7);
			idle(env, ex);
			Dataset shown = ex.pattern().rendered().data();
			Dataset direct = cube.source().read(new long[] { 2, 7, 0, 0 }, new int[] { 1, 1, 8, 8 });
			for (int y = 0; y < 8; y++) {
				for (int x = 0; x < 8; x++) {
					assertEquals(direct.getDouble(0, 0, y, x), shown.getDouble(y, x), 0);
				}
			}
		}
	}

	/** A raw detector acquisition (Merlin, rows reversed as RosettaSciIO shows them) in the explorer, as it comes from its loader. */
	@Test
	void aMerlinScanIsExplored() throws Exception {
		org.ronchi.core.io.LoaderRegistry loaders = Env.loaders();
		org.junit.jupiter.api.Assumptions.assumeTrue(loaders.loaders().stream().anyMatch(l -> l.name().equals("Merlin MIB")),
				"needs the Merlin loader (the product's, under OSGi)");
		try (Env env = new Env(1300, 800); Engine engine = new Engine();
				DataFile f = loaders.open(TestData.real("raw4d/merlin/Merlin_navigation4x2_ROI/001_4x2_6bit.mib"))) {
			ExplorerPanel ex = new ExplorerPanel(env.shell, new EngineDetector(engine, Env.operations()),
					new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false), () -> 1L << 30);
			env.open();
			ArrayNode cube = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 4, 256, 256 }, cube.shape());
			ex.setInput(cube);
			idle(env, ex);
			assertNotNull(ex.navigator().rendered(), "navigator shown: " + ex.status());
			assertEquals(4, ex.navigator().rendered().width());
			DetectorShape disk = new DetectorShape("circle", 150, 30, 25, 0);
			ex.setDetector(disk);
			idle(env, ex);
			checkVirtual(cube, disk, ex.navigator().rendered().data());
			ex.setPosition(1, 3);
			idle(env, ex);
			Dataset shown = ex.pattern().rendered().data();
			Dataset direct = cube.source().read(new long[] { 1, 3, 0, 0 }, new int[] { 1, 1, 256, 256 });
			for (int y = 0; y < 256; y += 17) {
				for (int x = 0; x < 256; x += 13) {
					assertEquals(direct.getDouble(0, 0, y, x), shown.getDouble(y, x), 0);
				}
			}
		}
	}

	@Test
	void aFiveDimensionalSignalIsExploredOneLeadingIndexAtATime() throws Exception {
		try (Env env = new Env(1300, 800); Engine engine = new Engine();
				DataFile f = Env.loaders().open(TestData.real("emd_ncem/prismatic/Si100_4D.emd"))) {
			ArrayNode five = f.signals().stream().filter(a -> a.rank() == 5).findFirst().orElse(null);
			if (five == null) {
				return; // the generic HDF5 loader lists no 5-D signal; the EMD loader does (HyperSpy: (2, 11, 11, 8, 8))
			}
			ExplorerPanel ex = new ExplorerPanel(env.shell, new EngineDetector(engine, Env.operations()),
					new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false), () -> 1L << 30);
			env.open();
			ex.setInput(five);
			idle(env, ex);
			ex.setDetector(new DetectorShape("rectangle", 3.5, 3.5, 4, 4));
			idle(env, ex);
			assertEquals(110.6683919, sum(ex.navigator().rendered().data()), 1e-5);
			ex.setLeading(0, 1);
			idle(env, ex);
			assertEquals(110.6073124, sum(ex.navigator().rendered().data()), 1e-5);
		}
	}

	private static void idle(Env env, ExplorerPanel ex) {
		env.pump(ex::idle, 30_000, "the virtual image and the pattern");
	}

	private static void mouse(ImageCanvas c, int type, double x, double y) {
		Event e = new Event();
		e.button = 1;
		e.x = (int) Math.round(x);
		e.y = (int) Math.round(y);
		e.stateMask = type == SWT.MouseMove ? SWT.BUTTON1 : 0;
		c.notifyListeners(type, e);
	}

	private static double sum(Dataset d) {
		double s = 0;
		for (int i = 0; i < d.getSize(); i++) {
			s += d.getElementDoubleAbs(i);
		}
		return s;
	}

	/** Compares every navigator pixel with the detector sum computed straight from the file. */
	private static void checkVirtual(ArrayNode cube, DetectorShape d, Dataset image) {
		int[] n = org.ronchi.core.lazy.Shapes.toInt(cube.shape());
		Dataset all = cube.source().read(new long[4], n);
		for (int ry = 0; ry < n[0]; ry++) {
			for (int rx = 0; rx < n[1]; rx++) {
				double s = 0;
				for (int y = 0; y < n[2]; y++) {
					for (int x = 0; x < n[3]; x++) {
						if (d.covers(y, x, n[2], n[3])) {
							s += all.getDouble(ry, rx, y, x);
						}
					}
				}
				assertEquals(s, image.getDouble(ry, rx), 1e-6 * Math.max(1, Math.abs(s)), d.describe() + " at scan (" + ry + ", " + rx + ")");
			}
		}
	}
}
