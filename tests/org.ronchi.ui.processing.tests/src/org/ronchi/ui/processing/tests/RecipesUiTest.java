package org.ronchi.ui.processing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.Engine;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.workflow.Rerun;
import org.ronchi.processing.workflow.RerunReport;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowReport;
import org.ronchi.processing.workflow.WorkflowRunner;
import org.ronchi.tests.support.ResultsCompare;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.History;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImageCanvas;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.processing.HistoryPanel;
import org.ronchi.ui.processing.PreferredStores;
import org.ronchi.ui.processing.ProcessingPanel;
import org.ronchi.ui.stem4d.DetectorShape;
import org.ronchi.ui.stem4d.EngineDetector;
import org.ronchi.ui.stem4d.ExplorerPanel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Recipes end to end, as a user does it: in the Processing view two operations run on the real
 * Prismatic datacube and are saved to a results file; in the 4D-STEM Explorer an annulus is drawn with
 * the mouse (pointer moves and button presses through the X server where xdotool is installed, as
 * under ./ronchi test's Xvfb) and its virtual image saved, by the NeXus store; the History lists it all; Save as Workflow… writes the
 * workflows; they run headless (the engine of {@code ronchi run}, with other threads, tiles and budget
 * than the desktop's engines) and give the same datasets, byte for byte (h5py), as the desktop wrote;
 * {@link Rerun} verifies the desktop's results files.
 */
class RecipesUiTest {
	private static final String CUBE0 = "/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube";

	@Test
	void desktopRunsReplayHeadlessBitForBit() throws Exception {
		Path dir = TestData.tempDir("recipes-ui");
		Path input = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		History history = new History();
		List<DataFile> shown = new ArrayList<>();
		// the desktop's engines: other thread counts, tiles and budgets than the headless one below
		try (Env env = new Env(1260, 900); // inside ./ronchi test's 1280 x 1024 screen: the pointer reaches every pixel
				Engine processing = new Engine(Engine.Config.defaults().threads(3).tileBytes(4096).memoryBudget(64 << 20), Env.stores());
				// the explorer's saved with NeXus, as when a DAWN user chose it in the preferences
				Engine explorer = new Engine(Engine.Config.defaults().threads(1).tileBytes(1), PreferredStores.of(Env.stores(), () -> "nexus"));
				DataFile f = Env.loaders().open(input)) {
			SashForm sash = new SashForm(env.shell, SWT.VERTICAL);
			ProcessingPanel p = new ProcessingPanel(sash, Env.operations(), () -> processing, shown::add);
			p.setHistory(history);
			ExplorerPanel ex = new ExplorerPanel(sash, new EngineDetector(explorer, Env.operations()),
					new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false), () -> 1L << 30);
			ex.setHistory(history);
			HistoryPanel h = new HistoryPanel(sash, history);
			env.open();
			ArrayNode cube = (ArrayNode) f.root().resolve(CUBE0);

			// Processing: the mean pattern (a reduction over every frame) and virtual BF/ADF, saved to a results file
			Path desktopResults = dir.resolve("desktop/Si100_4D_results.h5");
			Files.createDirectories(desktopResults.getParent());
			p.setInput(cube, f);
			p.setResultsFile(desktopResults);
			p.select("stem4d.virtual-diffraction");
			p.set("reduce", "mean");
			run(env, p, shown, 1);
			p.select("stem4d.virtual-bf-adf");
			p.set("bf_radius", "2.5");
			run(env, p, shown, 2);
			assertTrue(p.statusText().contains("saved to Si100_4D_results.h5"), p.statusText());
			Workflow single = p.saveWorkflow(dir.resolve("last-run.json"));
			assertNotNull(single, p.statusText());
			assertEquals(1, single.steps().size());

			// Explorer: an annulus drawn with the mouse, its image saved
			ex.setInput(cube, f);
			idle(env, ex);
			ex.setDetector(new DetectorShape("annulus", 3.5, 3.5, 1, 2));
			idle(env, ex);
			ImageCanvas pc = ex.pattern().canvas();
			mouse(env, pc, SWT.MouseDown, pc.screenX(1.5), pc.screenY(1.5));
			mouse(env, pc, SWT.MouseMove, pc.screenX(3.5), pc.screenY(2.5));
			mouse(env, pc, SWT.MouseMove, pc.screenX(4.5), pc.screenY(1.5));
			mouse(env, pc, SWT.MouseUp, pc.screenX(4.5), pc.screenY(1.5));
			idle(env, ex);
			assertEquals(new DetectorShape("annulus", 1, 1, 1.5, 3), ex.detector());
			Path explorerResults = dir.resolve("desktop/explorer_results.h5");
			ex.saveResults(explorerResults);
			idle(env, ex);
			assertNotNull(ex.lastSaved(), ex.status());
			Workflow drawn = ex.saveWorkflow(dir.resolve("annulus.json"));
			assertNotNull(drawn, ex.status());
			assertEquals("nexus", drawn.outputStore(), "replayed into the kind of file the desktop wrote");

			// History: the runs, the detector (one entry for the whole drag, its exact geometry), the saves
			h.refresh();
			List<String> kinds = h.entries().stream().map(e -> e.kind().name()).toList();
			assertTrue(kinds.containsAll(List.of("RUN", "SAVED", "DETECTOR")), kinds.toString());
			assertEquals(1, h.entries().stream().filter(e -> e.kind() == History.Kind.DETECTOR).count(), "a drag is one entry: " + kinds);
			assertTrue(h.entries().stream().anyMatch(e -> e.text().startsWith("Detector annulus 1.5\u20133 px at (1, 1) on " + CUBE0)),
					h.entries().toString());
			int[] processingRuns = h.entries().stream().filter(e -> e.kind() == History.Kind.RUN && e.text().contains("stem4d.virtual-"))
					.filter(e -> !e.text().contains("virtual-image")).mapToInt(History.Entry::number).toArray();
			assertEquals(2, processingRuns.length, h.entries().toString());
			h.select(processingRuns);
			Workflow both = h.saveWorkflow(dir.resolve("processing.json"));
			assertNotNull(both, h.status());
			assertEquals(List.of("virtual_diffraction", "virtual_bf_adf"), both.steps().stream().map(Workflow.Step::name).toList());
			h.select();
			Workflow session = h.saveWorkflow(dir.resolve("session.json"));
			assertNotNull(session, h.status());
			assertEquals(3, session.steps().size(), "the detector and its saved run are one step: " + session.toJson());

			String json = Files.readString(dir.resolve("processing.json"), StandardCharsets.UTF_8);
			assertTrue(json.contains("\"sha256\": \"8def4666e0f2349b"), "the input pinned by its checksum (MANIFEST.md): " + json);
			assertTrue(json.contains("\"version\": \"1\"") && json.contains("\"navigation_rank\": 2") && json.contains("\"dataset\": \"" + CUBE0),
					json);
		} finally {
			shown.forEach(DataFile::close);
		}

		// headless, as `ronchi run` does it, on the default engine, into another folder
		try (Engine headless = new Engine(Engine.Config.defaults(), Env.stores())) {
			WorkflowRunner runner = new WorkflowRunner(Env.operations(), Env.loaders(), headless);
			WorkflowReport both = runner.run(elsewhere(dir.resolve("processing.json"), dir.resolve("headless")), ProgressMonitor.NULL);
			assertTrue(both.inputs().get(0).steps().stream().allMatch(s -> s.status().equals("COMPUTED")), both.text());
			assertTrue(ResultsCompare.sameDatasets(dir.resolve("desktop/Si100_4D_results.h5"), dir.resolve("headless/Si100_4D_results.h5")) >= 4);

			WorkflowReport drawn = runner.run(elsewhere(dir.resolve("annulus.json"), dir.resolve("headless-annulus")), ProgressMonitor.NULL);
			assertEquals("COMPUTED", drawn.inputs().get(0).steps().get(0).status(), drawn.text());
			Path replayed = drawn.inputs().get(0).resultsFile();
			assertTrue(Env.stores().get("nexus").owns(replayed), replayed + " is a NeXus results file");
			assertTrue(ResultsCompare.sameDatasets(dir.resolve("desktop/explorer_results.h5"), replayed) >= 1);

			WorkflowReport all = runner.run(elsewhere(dir.resolve("session.json"), dir.resolve("headless-session")), ProgressMonitor.NULL);
			assertEquals(3, all.inputs().get(0).steps().size(), all.text());

			// and the desktop's results files verify themselves (EMD 1.0 and NeXus)
			for (String name : new String[] { "Si100_4D_results.h5", "explorer_results.h5" }) {
				RerunReport r = new Rerun(Env.operations(), Env.loaders(), headless).run(dir.resolve("desktop").resolve(name), null,
						ProgressMonitor.NULL);
				assertTrue(r.identical(), r.text());
			}
		}
	}

	@Test
	void aLeadingIndexOfTheExplorerIsRecordedAsASliceAndReplayed() throws Exception {
		Path dir = TestData.tempDir("recipes-slice");
		Path input = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		History history = new History();
		try (Env env = new Env(1300, 800); Engine explorer = new Engine(Engine.Config.defaults().threads(2).tileBytes(1), Env.stores());
				DataFile f = Env.loaders().open(input)) {
			ArrayNode five = f.signals().stream().filter(a -> a.rank() == 5).findFirst().orElse(null);
			org.junit.jupiter.api.Assumptions.assumeTrue(five != null, "the EMD loader lists the (2, 11, 11, 8, 8) signal");
			ExplorerPanel ex = new ExplorerPanel(env.shell, new EngineDetector(explorer, Env.operations()),
					new ImageRenderer.Settings(Colormap.named("gray"), 0.5, 99.5, false), () -> 1L << 30);
			ex.setHistory(history);
			env.open();
			ex.setInput(five, f);
			idle(env, ex);
			ex.setLeading(0, 1);
			ex.setDetector(new DetectorShape("circle", 3.5, 3.5, 2.5, 0));
			idle(env, ex);
			assertTrue(history.entries().stream().anyMatch(e -> e.text().contains("[1]")), history.entries().toString());
			ex.saveResults(dir.resolve("desktop/explorer_results.h5"));
			idle(env, ex);
			assertNotNull(ex.lastSaved(), ex.status());
			Workflow w = ex.saveWorkflow(dir.resolve("depth1.json"));
			assertNotNull(w, ex.status());
			assertEquals("1", w.slice());
			assertEquals(five.path(), w.dataset());
		}
		try (Engine headless = new Engine(Engine.Config.defaults(), Env.stores())) {
			WorkflowReport r = new WorkflowRunner(Env.operations(), Env.loaders(), headless)
					.run(elsewhere(dir.resolve("depth1.json"), dir.resolve("headless")), ProgressMonitor.NULL);
			assertEquals("COMPUTED", r.inputs().get(0).steps().get(0).status(), r.text());
			assertTrue(ResultsCompare.sameDatasets(dir.resolve("desktop/explorer_results.h5"), r.inputs().get(0).resultsFile()) >= 1);
			RerunReport again = new Rerun(Env.operations(), Env.loaders(), headless).run(dir.resolve("desktop/explorer_results.h5"), null,
					ProgressMonitor.NULL);
			assertTrue(again.identical(), again.text());
		}
	}

	/** @return the saved workflow, its output moved to another folder (as a user re-running it elsewhere does) */
	private static Workflow elsewhere(Path workflow, Path out) throws Exception {
		JsonObject o = JsonParser.parseString(Files.readString(workflow, StandardCharsets.UTF_8)).getAsJsonObject();
		JsonObject output = o.has("output") ? o.getAsJsonObject("output") : new JsonObject();
		output.addProperty("directory", out.toString());
		o.add("output", output);
		return Workflow.parse(o.toString(), workflow.getParent(), workflow.getFileName().toString());
	}

	private static void run(Env env, ProcessingPanel p, List<DataFile> shown, int expected) {
		assertTrue(p.canRun(), p.planText());
		p.run();
		env.pump(() -> shown.size() == expected && !p.running(), 60_000, "run " + expected);
		assertTrue(p.statusText().contains("computed"), p.statusText());
	}

	private static void idle(Env env, ExplorerPanel ex) {
		env.pump(ex::idle, 60_000, "the explorer");
	}

	/**
	 * Moves the pointer to (x, y) of the canvas and presses or releases button 1 there as a hand on the
	 * mouse does: through the X server with xdotool (XTest), so the canvas gets what GTK makes of real
	 * pointer events, then waits until it has had the event (its own listeners run before this one).
	 * SWT's Display.post is no substitute on GTK: it moves the pointer but synthesises button events at
	 * (0, 0) without the button held during moves. Without xdotool (or X) the events go to the canvas's
	 * SWT listeners directly, as the other UI tests do.
	 */
	private static void mouse(Env env, ImageCanvas c, int type, double x, double y) throws Exception {
		Point at = c.toDisplay((int) Math.round(x), (int) Math.round(y));
		int[] got = { 0 };
		Listener seen = e -> got[0]++;
		c.addListener(type, seen);
		try {
			if (XDOTOOL) {
				List<String> cmd = new ArrayList<>(List.of("xdotool", "mousemove", "--sync", Integer.toString(at.x), Integer.toString(at.y)));
				if (type != SWT.MouseMove) {
					cmd.addAll(List.of(type == SWT.MouseDown ? "mousedown" : "mouseup", "1"));
				}
				Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
				String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertEquals(0, p.waitFor(), "xdotool " + cmd + ": " + out);
			} else {
				Event e = new Event();
				e.button = 1;
				e.x = (int) Math.round(x);
				e.y = (int) Math.round(y);
				e.stateMask = type == SWT.MouseMove ? SWT.BUTTON1 : 0;
				c.notifyListeners(type, e);
			}
			env.pump(() -> got[0] > 0, 10_000, "the pattern canvas receiving the mouse at (" + at.x + ", " + at.y + ")");
		} finally {
			c.removeListener(type, seen);
		}
	}

	/** Whether xdotool can drive the X display the test runs on. */
	private static final boolean XDOTOOL = xdotool();

	private static boolean xdotool() {
		if (!"gtk".equals(SWT.getPlatform()) || System.getenv("DISPLAY") == null || System.getenv("WAYLAND_DISPLAY") != null) {
			return false;
		}
		try {
			Process p = new ProcessBuilder("xdotool", "getdisplaygeometry").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor() == 0;
		} catch (java.io.IOException e) {
			return false; // not installed
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
