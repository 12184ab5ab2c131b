package org.ronchi.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.ui.preferences.UiPreferences;

/**
 * The Data Tree view: a {@link DataTreePanel} in the workbench. Its selection (a file, group, dataset
 * or attribute) drives the Metadata, Slicing, Image and Plot views; opened files go to File › Open
 * Recent. Files opened and datasets selected go to the session's {@link History}.
 */
public final class DataTreeView extends ViewPart {
	public static final String ID = "org.ronchi.ui.dataTree";
	/** Format name of in-memory files the tree shows (processing results): not added to recent files. */
	public static final String RESULTS_FORMAT = "results";

	private DataTreePanel panel;

	@Override
	public void createPartControl(Composite parent) {
		panel = new DataTreePanel(parent);
		panel.addOpenListener(f -> {
			if (!RESULTS_FORMAT.equals(f.format())) {
				UiPreferences.addRecentFile(f.path().toAbsolutePath().toString());
				History.session().record(History.Kind.OPENED, f.path().toAbsolutePath().toString(),
						"Opened " + f.path().toAbsolutePath() + " (" + f.format() + ")", null);
			}
		});
		panel.viewer().addSelectionChangedListener(e -> {
			if (SelectionBox.first(e.getSelection()) instanceof ArrayNode a) {
				DataFile f = panel.fileOf(a);
				History.session().record(History.Kind.DATASET, "dataset", "Selected " + a.path() + " " + Shapes.format(a.shape()) + " "
						+ a.dtype().numpyName() + (f == null ? "" : " in " + f.path().getFileName()), null);
			}
		});
		getSite().setSelectionProvider(panel.viewer());
	}

	/** Opens a file in the background and shows it. */
	public void open(Path path) {
		panel.open(path);
	}

	/** Adds a file that is already open (e.g. processing results held in memory) and selects its first signal. */
	public void add(DataFile f) {
		panel.add(f);
		if (f.signals().isEmpty()) {
			panel.select(f);
		}
	}

	public List<DataFile> files() {
		return panel.files();
	}

	/** @return the file an element of the tree belongs to, or null */
	public DataFile fileOf(Object element) {
		return panel.fileOf(element);
	}

	public DataTreePanel panel() {
		return panel;
	}

	public TreeViewer viewer() {
		return panel.viewer();
	}

	@Override
	public void setFocus() {
		panel.viewer().getControl().setFocus();
	}
}
