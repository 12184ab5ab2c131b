package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.DataTreePanel;

/**
 * The Data Tree on a real display (Xvfb in CI): open real files through the loader service, as the
 * view does, and read back what the tree shows; filter it; a bad file gives a message, not a crash.
 */
class DataTreeViewTest {

	@Test
	void showsGroupsDatasetsAndAttributesOfARealFile() {
		try (Fixture fx = new Fixture(900, 600)) {
			DataTreePanel panel = new DataTreePanel(fx.shell, Fixture.opener());
			fx.open();
			Path file = TestData.real("usid/pyUSID/simulated_STEM_Image.h5");
			panel.open(file);
			fx.pump(() -> !panel.files().isEmpty(), 30_000, "opening the file");
			panel.viewer().expandAll();
			fx.settle();
			Tree tree = panel.viewer().getTree();
			TreeItem root = tree.getItem(0);
			assertEquals("simulated_STEM_Image.h5", root.getText(0));
			assertTrue(root.getText(1).startsWith("HDF5") || root.getText(1).startsWith("h5USID"), root.getText(1));
			List<String> rows = new ArrayList<>();
			collect(root, rows);
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("Measurement_000|")), rows.toString());
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("Raw_Data|(65536, 1)|uint8")), rows.toString());
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("@quantity|")), "attributes shown: " + rows);
			assertTrue(tree.getItem(0).getImage() != null, "icons per kind");

			panel.setFilter("spectroscopic_v");
			fx.settle();
			rows.clear();
			collect(tree.getItem(0), rows);
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("Spectroscopic_Values|")), rows.toString());
			assertTrue(rows.stream().noneMatch(t -> t.startsWith("Position_Indices|")), "filtered: " + rows);
		}
	}

	@Test
	void signalsAreMarkedAndSeveralFilesOpenAtOnce() {
		try (Fixture fx = new Fixture(900, 600)) {
			DataTreePanel panel = new DataTreePanel(fx.shell, Fixture.opener());
			fx.open();
			panel.open(TestData.real("dm/rsciio/3D/EELS_SI.dm4"));
			panel.open(TestData.real("tiff/fei_sem/test_tiff_FEI_SEM.tif"));
			fx.pump(() -> panel.files().size() == 2, 30_000, "opening two files");
			panel.viewer().expandAll();
			fx.settle();
			List<String> kinds = new ArrayList<>();
			for (TreeItem f : panel.viewer().getTree().getItems()) {
				for (TreeItem c : f.getItems()) {
					kinds.add(c.getText(0) + "|" + c.getText(1));
				}
			}
			assertTrue(kinds.stream().anyMatch(k -> k.startsWith("EELS_SI|") && k.endsWith("signal:0")), kinds.toString());
			assertTrue(kinds.stream().anyMatch(k -> k.contains("signal:0") && k.contains("TLD")), kinds.toString());
		}
	}

	@Test
	void aFileNoLoaderKnowsIsReportedAboveTheTree(@TempDir Path tmp) throws Exception {
		Path bad = tmp.resolve("notes.h5");
		Files.writeString(bad, "not an HDF5 file at all");
		try (Fixture fx = new Fixture(900, 600)) {
			DataTreePanel panel = new DataTreePanel(fx.shell, Fixture.opener());
			fx.open();
			panel.open(bad);
			fx.pump(() -> !panel.message().isEmpty(), 30_000, "the error message");
			assertTrue(panel.message().startsWith("Cannot open notes.h5: "), panel.message());
			assertTrue(panel.files().isEmpty());
		}
	}

	private static void collect(TreeItem item, List<String> out) {
		out.add(item.getText(0) + "|" + item.getText(2) + "|" + item.getText(3)); // name, shape, type
		for (TreeItem c : item.getItems()) {
			if (c.getData() != null) {
				collect(c, out);
			}
		}
	}
}
