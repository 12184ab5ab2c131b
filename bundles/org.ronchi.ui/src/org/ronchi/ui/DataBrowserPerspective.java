package org.ronchi.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Data Browser: the file tree on the left; later issues add metadata, slicing, image and plot views. */
public final class DataBrowserPerspective implements IPerspectiveFactory {
	public static final String ID = "org.ronchi.ui.dataBrowser";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addView(DataTreeView.ID, IPageLayout.LEFT, 0.6f, layout.getEditorArea());
	}
}
