package org.ronchi.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens the Data Browser perspective and the files given on the command line. */
final class RonchiWorkbenchAdvisor extends WorkbenchAdvisor {
	private final List<Path> files;

	RonchiWorkbenchAdvisor(List<Path> files) {
		this.files = files;
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return DataBrowserPerspective.ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new WorkbenchWindowAdvisor(configurer) {
			@Override
			public void preWindowOpen() {
				configurer.setInitialSize(new org.eclipse.swt.graphics.Point(1200, 800));
				configurer.setShowStatusLine(true);
				configurer.setShowProgressIndicator(true);
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
