package org.ronchi.ui;

import java.nio.file.Paths;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** File › Open Data File...: pick files, show them in the Data Tree. */
public final class OpenFileHandler extends AbstractHandler {
	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		FileDialog fd = new FileDialog(w.getShell(), SWT.OPEN | SWT.MULTI);
		fd.setText("Open data file");
		if (fd.open() == null) {
			return null;
		}
		try {
			DataTreeView view = (DataTreeView) w.getActivePage().showView(DataTreeView.ID);
			for (String name : fd.getFileNames()) {
				view.open(Paths.get(fd.getFilterPath(), name));
			}
		} catch (PartInitException e) {
			throw new ExecutionException("cannot show the Data Tree view", e);
		}
		return null;
	}
}
