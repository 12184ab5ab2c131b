package org.ronchi.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.model.DataFile;

/** The Data Tree view: a {@link DataTreePanel} in the workbench; its selection drives other views. */
public final class DataTreeView extends ViewPart {
	public static final String ID = "org.ronchi.ui.dataTree";

	private DataTreePanel panel;

	@Override
	public void createPartControl(Composite parent) {
		panel = new DataTreePanel(parent);
		getSite().setSelectionProvider(panel.viewer());
	}

	/** Opens a file in the background and shows it. */
	public void open(Path path) {
		panel.open(path);
	}

	public List<DataFile> files() {
		return panel.files();
	}

	public TreeViewer viewer() {
		return panel.viewer();
	}

	@Override
	public void setFocus() {
		panel.viewer().getControl().setFocus();
	}
}
