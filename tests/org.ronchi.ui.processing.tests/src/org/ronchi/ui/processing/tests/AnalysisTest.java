package org.ronchi.ui.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Node;
import org.ronchi.processing.Engine;
import org.ronchi.processing.Operation;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.diffraction.BraggPeaks;
import org.ronchi.processing.diffraction.SyntheticCrystal;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.analysis.AnalysisPanel;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.plot.PlotPanel;
import org.ronchi.ui.processing.ResultFiles;
import org.ronchi.ui.stem4d.EngineDetector;
import org.ronchi.ui.stem4d.ExplorerPanel;

/**
 * The analysis desktop on the strain demo's synthetic crystal (20 × 16 positions, the first 4 rows
 * vacuum, 128 × 128 patterns), its operations run through the engine as the Processing view runs them:
 * Bragg peaks drawn at the selected position and the Bragg vector map in the 4D-STEM Explorer, strain
 * maps in the Analysis view, and a decomposition of the real Velox EDS spectrum image there, each
 * checked against the outputs it shows. With
 * {@code -Dronchi.screenshots=DIR} each state is also saved as a PNG there (the README's screenshots).
 */
class AnalysisTest {
	private static final SyntheticCrystal CRYSTAL = SyntheticCrystal.demo();
	private static final String VELOX_SI = "velox_emd/rsciio/Test SI 16x16 215 kx.emd";
	private static final ImageRenderer.Settings GRAY = new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false);
	private static ArrayNode cube;
	private static RunResult bragg;
	private static RunResult strain;

	@BeforeAll
	static void runTheStrainWorkflow() {
		long[] s = CRYSTAL.source().shape();
		cube = new ArrayNode("datacube", CRYSTAL.source()).title("synthetic strained crystal")
				.axes(List.of(Axis.index("R_x", s[0]).withNavigate(true), Axis.index("R_y", s[1]).withNavigate(true), Axis.index("Q_x", s[2]),
						Axis.index("Q_y", s[3])));
		try (Engine e = new Engine()) {
			int v = CRYSTAL.vacuumRows();
			RunResult probe = e.run(RunRequest.of(op("stem4d.probe"), cube).params(Map.of("r", new int[] { 0, v, 0, (int) s[1] }, "mask_expansion", 6,
					"mask_opening", 1, "radii", new double[] { 1, 1.8 })));
			Dataset kernel = probe.output("kernel").source().read(new long[2], Shapes.toInt(probe.output("kernel").shape()));
			bragg = e.run(RunRequest.of(op("stem4d.bragg-disks"), cube).params(Map.of("template", kernel, "min_peak_spacing", 8.0, "edge_boundary", 4)));
			RunResult origin = run(e, op("stem4d.origin"), bragg.output("peaks"), Map.of());
			RunResult lattice = run(e, op("stem4d.lattice"), origin.output("peaks"), Map.of());
			strain = run(e, op("stem4d.strain"), lattice.output("lattice"),
					Map.of("reference", new int[] { v, (int) s[0], 0, CRYSTAL.referenceColumns() }));
		}
	}

	/** @return the registered operation (under OSGi its bundle may start after the registry does) */
	private static Operation op(String id) {
		long deadline = System.currentTimeMillis() + 20_000;
		Operation o;
		while ((o = Env.operations().find(id)) == null && System.currentTimeMillis() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
		}
		assertNotNull(o, id + " is registered");
		return o;
	}

	private static RunResult run(Engine e, Operation op, ArrayNode input, Map<String, ?> params) {
		return e.run(RunRequest.of(op, input).params(params));
	}

	@Test
	void braggPeaksAtTheSelectedPositionAndTheBraggVectorMap() throws Exception {
		try (Env env = new Env(1300, 760); Engine engine = new Engine()) {
			ExplorerPanel ex = new ExplorerPanel(env.shell, new EngineDetector(engine, Env.operations()), GRAY, () -> 1L << 30);
			env.open();
			ex.setInput(cube);
			idle(env, ex);
			ArrayNode peaks = output(ResultFiles.of(bragg, "Bragg disks", cube.title()), "peaks");
			assertNotNull(peaks.pointLists(), "a Processing-view run keeps the peaks' point lists");
			ex.setPeaks(peaks);
			ex.setPosition(12, 9);
			idle(env, ex);
			BraggPeaks shown = ex.peaksShown();
			PointList expected = bragg.output("peaks").pointLists().read(12, 9);
			assertTrue(expected.length() >= 5, expected.length() + " peaks in a crystal pattern");
			assertEquals(expected.length(), shown.size());
			for (int i = 0; i < shown.size(); i++) {
				assertEquals(expected.getDouble(i, 0), shown.qx()[i], 0);
				assertEquals(expected.getDouble(i, 1), shown.qy()[i], 0);
			}
			screenshot(env.shell, "stem4d-bragg-peaks.png");

			// a vacuum position: only the direct beam
			ex.setPosition(1, 3);
			idle(env, ex);
			assertEquals(bragg.output("peaks").pointLists().read(1, 3).length(), ex.peaksShown().size());

			ex.setShowVectorMap(true);
			idle(env, ex);
			assertArrayEquals(values(bragg.output("bvm")), values(ex.pattern().rendered().data()), 1e-9,
					"the Explorer's map is the operation's Bragg vector map");
			screenshot(env.shell, "stem4d-bragg-vector-map.png");

			// peaks of another scan are refused, with the reason
			ex.setInput(new ArrayNode("other", CRYSTAL.source()).axes(cube.axes()));
			idle(env, ex);
			assertEquals(0, ex.peaksShown().size(), "a new scan drops the peaks");
		}
	}

	@Test
	void strainMapsInPercentInADivergingColourMap() throws Exception {
		try (Env env = new Env(1100, 900)) {
			AnalysisPanel p = new AnalysisPanel(env.shell, GRAY, () -> 1L << 30);
			env.open();
			DataFile run = ResultFiles.of(strain, "Strain maps", cube.title());
			p.setInput(output(run, "theta")); // any output of the run shows the whole run
			env.pump(p::idle, 30_000, "the strain maps");
			assertEquals("strain", p.page());
			for (String name : new String[] { "e_xx", "e_yy", "e_xy", "theta" }) {
				ImagePanel panel = p.strain().panel(name);
				double scale = name.equals("theta") ? 180 / Math.PI : 100;
				double[] want = values(strain.output(name));
				double[] got = values(panel.rendered().data());
				assertEquals(want.length, got.length);
				for (int i = 0; i < want.length; i++) {
					if (Double.isNaN(want[i])) {
						assertTrue(Double.isNaN(got[i]), name + " at " + i + ": no lattice over vacuum");
					} else {
						assertEquals(want[i] * scale, got[i], 1e-12 * Math.max(1, Math.abs(got[i])), name + " at " + i);
					}
				}
				assertEquals("RdBu_r", panel.settings().colormap().name());
				assertEquals(-panel.rendered().high(), panel.rendered().low(), 0, name + ": limits symmetric about 0");
			}
			// the synthetic field reaches 1 % tension: shown as about 1 (percent), in red
			double max = 0;
			for (double v : values(p.strain().panel("e_xx").rendered().data())) {
				max = Double.isNaN(v) ? max : Math.max(max, v);
			}
			assertTrue(max > 0.5 && max < 2, "e_xx up to " + max + " %");
			screenshot(env.shell, "analysis-strain.png");

			p.setInput(cube);
			assertEquals("message", p.page());
			assertTrue(p.message().contains("no strain or decomposition run"), p.message());
		}
	}

	@Test
	void decompositionScreePlotAndFactorLoadingPairs() throws Exception {
		RunResult svd;
		try (DataFile f = Services.loaders(AnalysisTest.class, "org.ronchi.hdf5.Hdf5Loader", "org.ronchi.io.velox.internal.VeloxLoader")
				.open(TestData.real(VELOX_SI), Map.of()); Engine e = new Engine()) {
			ArrayNode si = null;
			for (ArrayNode n : f.signals()) {
				si = n.rank() == 3 ? n : si;
			}
			assertNotNull(si, "the EDS spectrum image");
			svd = e.run(RunRequest.of(op("decomposition.svd"), si).params(Map.of("output_dimension", 8)));
			try (Env env = new Env(1100, 900)) {
				AnalysisPanel p = new AnalysisPanel(env.shell, GRAY, () -> 1L << 30);
				env.open();
				p.setInput(output(ResultFiles.of(svd, "SVD / PCA", si.title()), "singular_values"));
				assertEquals("decomposition", p.page(), p.message());
				PlotPanel.Trace scree = p.decomposition().scree().current();
				assertArrayEquals(values(svd.output("explained_variance_ratio")), scree.y(), 0);
				p.decomposition().showComponent(1);
				env.pump(p::idle, 30_000, "factor and loading 1");
				// a spectrum's factor is a line, its loading a map over the 16 x 16 scan
				PlotPanel factor = (PlotPanel) p.decomposition().factorShown();
				ImagePanel loading = (ImagePanel) p.decomposition().loadingShown();
				double[] factors = values(svd.output("factors"));
				double[] f1 = factor.current().y();
				assertEquals(4096, f1.length);
				assertArrayEquals(java.util.Arrays.copyOfRange(factors, 4096, 2 * 4096), f1, 0, "factor 1");
				double[] loadings = values(svd.output("loadings"));
				double[] l1 = values(loading.rendered().data());
				assertEquals(16 * 16, l1.length);
				for (int i = 0; i < l1.length; i++) {
					assertEquals(loadings[8 * i + 1], l1[i], 0, "loading 1 at position " + i);
				}
				screenshot(env.shell, "analysis-decomposition.png");
			}
		}
	}

	private static ArrayNode output(DataFile f, String name) {
		for (Node n : f.root().children()) {
			if (n instanceof ArrayNode a && a.name().equals(name)) {
				return a;
			}
		}
		throw new AssertionError("no output " + name);
	}

	private static void idle(Env env, ExplorerPanel ex) {
		env.pump(ex::idle, 30_000, "the virtual image, the pattern and the peaks");
	}

	private static double[] values(ArrayNode a) {
		return values(a.source().read(new long[a.rank()], Shapes.toInt(a.shape())));
	}

	private static double[] values(Dataset d) {
		double[] v = new double[d.getSize()];
		for (int i = 0; i < v.length; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		return v;
	}

	/** Saves the shell as a PNG when {@code ronchi.screenshots} names a folder (by hand; the build does not). */
	private static void screenshot(Shell shell, String name) throws Exception {
		String dir = System.getProperty("ronchi.screenshots");
		if (dir == null) {
			return;
		}
		shell.redraw();
		shell.update();
		while (shell.getDisplay().readAndDispatch()) {
			// paint
		}
		org.eclipse.swt.graphics.Rectangle r = shell.getClientArea();
		Image img = new Image(shell.getDisplay(), r.width, r.height);
		GC gc = new GC(shell);
		gc.copyArea(img, 0, 0);
		gc.dispose();
		ImageLoader l = new ImageLoader();
		l.data = new org.eclipse.swt.graphics.ImageData[] { img.getImageData() };
		Path out = Path.of(dir).resolve(name);
		Files.createDirectories(out.getParent());
		Path tmp = out.resolveSibling(name + ".tmp");
		l.save(tmp.toString(), SWT.IMAGE_PNG);
		Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		img.dispose();
	}
}
