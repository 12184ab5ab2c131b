package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.DataTreePanel;

/**
 * The Data Tree on a real display (Xvfb in CI): open a real file through the loader service, as the
 * view does, and read back what the tree shows.
 */
class DataTreeViewTest {

	@Test
	void showsGroupsDatasetsAndAttributesOfARealFile() throws Exception {
		Display display = Display.getDefault();
		Shell shell = new Shell(display, SWT.SHELL_TRIM);
		try {
			shell.setLayout(new FillLayout());
			shell.setSize(900, 600);
			DataTreePanel panel = new DataTreePanel(shell);
			shell.open();
			Path file = TestData.real("usid/pyUSID/simulated_STEM_Image.h5");
			panel.open(file);
			long deadline = System.currentTimeMillis() + 30_000;
			while (panel.files().isEmpty() && System.currentTimeMillis() < deadline) {
				if (!display.readAndDispatch()) {
					Thread.sleep(10);
				}
			}
			assertEquals(1, panel.files().size(), "file did not open within 30 s");
			panel.viewer().expandAll();
			while (display.readAndDispatch()) {
				// let the tree paint
			}
			Tree tree = panel.viewer().getTree();
			TreeItem root = tree.getItem(0);
			assertEquals("simulated_STEM_Image.h5", root.getText(0));
			assertEquals("HDF5", root.getText(3));
			List<String> rows = new ArrayList<>();
			collect(root, rows);
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("Measurement_000|")), rows.toString());
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("Raw_Data|(65536, 1)|uint8")), rows.toString());
			assertTrue(rows.stream().anyMatch(t -> t.startsWith("@quantity|")), "attributes shown: " + rows);
		} finally {
			shell.dispose();
		}
	}

	private static void collect(TreeItem item, List<String> out) {
		out.add(item.getText(0) + "|" + item.getText(1) + "|" + item.getText(2));
		for (TreeItem c : item.getItems()) {
			collect(c, out);
		}
	}
}
