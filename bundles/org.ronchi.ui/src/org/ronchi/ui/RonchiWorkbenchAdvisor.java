package org.ronchi.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens the Data Browser (or the perspective named on the command line) and the files given there. */
final class RonchiWorkbenchAdvisor extends WorkbenchAdvisor {
	private final List<Path> files;
	private final String perspective;

	/** @param perspective a perspective id to start with, or null for the Data Browser */
	RonchiWorkbenchAdvisor(List<Path> files, String perspective) {
		this.files = files;
		this.perspective = perspective;
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return perspective != null ? perspective : DataBrowserPerspective.ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new WorkbenchWindowAdvisor(configurer) {
			@Override
			public org.eclipse.ui.application.ActionBarAdvisor createActionBarAdvisor(org.eclipse.ui.application.IActionBarConfigurer c) {
				return new RonchiActionBars(c);
			}

			@Override
			public void preWindowOpen() {
				configurer.setInitialSize(new org.eclipse.swt.graphics.Point(1400, 900));
				configurer.setShowStatusLine(true);
				configurer.setShowProgressIndicator(true);
				configurer.setShowPerspectiveBar(true);
				configurer.setTitle("Ronchi");
			}
		};
	}

	@Override
	public void postStartup() {
		if (files.isEmpty()) {
			return;
		}
		try {
			IWorkbenchPage page = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow().getActivePage();
			DataTreeView view = (DataTreeView) page.showView(DataTreeView.ID);
			files.forEach(view::open);
		} catch (PartInitException e) {
			throw new IllegalStateException("cannot show the Data Tree view", e);
		}
	}
}
