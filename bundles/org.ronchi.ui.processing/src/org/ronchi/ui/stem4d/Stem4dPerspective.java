package org.ronchi.ui.stem4d;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.ronchi.ui.DataBrowserPerspective;
import org.ronchi.ui.DataTreeView;
import org.ronchi.ui.MetadataView;
import org.ronchi.ui.analysis.AnalysisView;
import org.ronchi.ui.processing.HistoryView;
import org.ronchi.ui.processing.ProcessingView;

/** 4D-STEM Explorer: the Data Tree and Metadata on the left, the explorer in the middle, Processing, Analysis and History below it. */
public final class Stem4dPerspective implements IPerspectiveFactory {
	public static final String ID = "org.ronchi.ui.stem4d.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editor = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		layout.addView(DataTreeView.ID, IPageLayout.LEFT, 0.24f, editor);
		layout.addView(MetadataView.ID, IPageLayout.BOTTOM, 0.6f, DataTreeView.ID);
		layout.addView(ExplorerView.ID, IPageLayout.TOP, 0.7f, editor);
		IFolderLayout bottom = layout.createFolder("org.ronchi.ui.stem4d.bottom", IPageLayout.BOTTOM, 0.7f, ExplorerView.ID);
		bottom.addView(ProcessingView.ID);
		bottom.addView(AnalysisView.ID);
		bottom.addView(HistoryView.ID);
		layout.addShowViewShortcut(ExplorerView.ID);
		layout.addShowViewShortcut(ProcessingView.ID);
		layout.addShowViewShortcut(AnalysisView.ID);
		layout.addShowViewShortcut(HistoryView.ID);
		layout.addPerspectiveShortcut(ID);
		layout.addPerspectiveShortcut(DataBrowserPerspective.ID);
	}
}
