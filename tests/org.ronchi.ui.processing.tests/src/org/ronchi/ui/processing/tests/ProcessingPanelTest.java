package org.ronchi.ui.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.Engine;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.processing.ProcessingPanel;

/**
 * The Processing view's panel with the real operation services: lists them, validates parameters as
 * typed, plans against the input before reading, runs as a job and hands the outputs on as a file for
 * the Data Tree.
 */
class ProcessingPanelTest {
	private static final String CUBE0 = "/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube";

	@Test
	void validatesPlansAndRunsAnOperation() throws Exception {
		List<DataFile> results = new ArrayList<>();
		try (Env env = new Env(1000, 600); Engine engine = new Engine();
				DataFile f = Env.loaders().open(TestData.real("emd_ncem/prismatic/Si100_4D.emd"))) {
			ProcessingPanel p = new ProcessingPanel(env.shell, Env.operations(), () -> engine, results::add);
			env.open();
			assertTrue(p.operationIds().contains("stem4d.virtual-image"), p.operationIds().toString());
			p.select("stem4d.virtual-image");
			assertFalse(p.canRun(), "no input yet");

			// a 1-D input: the plan says why it cannot run, before anything is read
			p.setInput((ArrayNode) f.root().resolve("/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/dim1"), f);
			assertFalse(p.canRun());
			assertTrue(p.planText().startsWith("Cannot run on this input"), p.planText());

			ArrayNode cube = (ArrayNode) f.root().resolve(CUBE0);
			p.setInput(cube, f);
			p.set("detector", "circle");
			// a value outside the declared range is marked at the field
			p.set("origin_threshold", "2");
			assertTrue(p.errors().containsKey("origin_threshold"), p.errors().toString());
			assertFalse(p.canRun());
			p.set("origin_threshold", "0");
			// a value only the operation can judge (against the frame size) is reported by the plan
			p.set("radius", "-3");
			assertFalse(p.canRun());
			assertTrue(p.planText().contains("radius"), p.planText());
			p.set("radius", "2.5");
			p.set("center", "3.5, 3.5");
			assertTrue(p.errors().isEmpty(), p.errors().toString());
			assertTrue(p.canRun(), p.planText());
			assertTrue(p.planText().contains("image (11, 11) float64"), p.planText());

			p.run();
			env.pump(() -> !results.isEmpty() && !p.running(), 30_000, "the run");
			assertTrue(p.statusText().contains("computed"), p.statusText());
			DataFile out = results.get(0);
			assertEquals("results", out.format());
			ArrayNode image = out.signals().get(0);
			assertArrayEquals(new long[] { 11, 11 }, image.shape());
			Dataset v = image.source().read(new long[2], new int[] { 11, 11 });
			Dataset all = cube.source().read(new long[] { 4, 6, 0, 0 }, new int[] { 1, 1, 8, 8 });
			double s = 0;
			for (int y = 0; y < 8; y++) {
				for (int x = 0; x < 8; x++) {
					double d2 = (y - 3.5) * (y - 3.5) + (x - 3.5) * (x - 3.5);
					s += d2 <= 6.25 ? all.getDouble(0, 0, y, x) : 0;
				}
			}
			assertEquals(s, v.getDouble(4, 6), 1e-6);
			assertNotNull(p.lastResult());
		} finally {
			results.forEach(DataFile::close);
		}
	}
}
