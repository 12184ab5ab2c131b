package org.ronchi.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Data Browser: the Data Tree and Metadata on the left, the Image with the Slicing controls under it in
 * the middle, the Plot on the right (other bundles add views next to it, e.g. Processing).
 */
public final class DataBrowserPerspective implements IPerspectiveFactory {
	public static final String ID = "org.ronchi.ui.dataBrowser";
	/** The folder on the right that holds the Plot; other bundles stack their views here. */
	public static final String RIGHT_FOLDER = "org.ronchi.ui.dataBrowser.right";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editor = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		layout.addView(DataTreeView.ID, IPageLayout.LEFT, 0.27f, editor);
		layout.addView(MetadataView.ID, IPageLayout.BOTTOM, 0.52f, DataTreeView.ID);
		IFolderLayout right = layout.createFolder(RIGHT_FOLDER, IPageLayout.RIGHT, 0.56f, editor);
		right.addView(PlotView.ID);
		layout.addView(ImageView.ID, IPageLayout.TOP, 0.66f, editor);
		layout.addView(SlicerView.ID, IPageLayout.BOTTOM, 0.66f, ImageView.ID);
		for (String v : new String[] { DataTreeView.ID, MetadataView.ID, ImageView.ID, SlicerView.ID, PlotView.ID }) {
			layout.addShowViewShortcut(v);
		}
		layout.addPerspectiveShortcut(ID);
	}
}
