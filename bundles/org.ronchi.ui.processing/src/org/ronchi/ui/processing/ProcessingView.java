package org.ronchi.ui.processing;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.processing.Engine;
import org.ronchi.ui.DataTreeView;

/** The Processing view: runs an operation on the dataset selected in the Data Tree; results go back to the tree. */
public final class ProcessingView extends ViewPart {
	public static final String ID = "org.ronchi.ui.processing.view";

	private ProcessingPanel panel;
	private Engine engine;
	private final ISelectionListener listener = this::treeSelected;

	@Override
	public void createPartControl(Composite parent) {
		panel = new ProcessingPanel(parent, Services.operations(), this::engine, f -> {
			try {
				((DataTreeView) getSite().getPage().showView(DataTreeView.ID)).add(f);
			} catch (PartInitException e) {
				f.close();
				throw new IllegalStateException("cannot show the Data Tree view", e);
			}
		});
		getSite().getPage().addSelectionListener(DataTreeView.ID, listener);
		treeSelected(null, getSite().getPage().getSelection(DataTreeView.ID));
	}

	/** @return the engine, created on first use with the current preferences */
	private synchronized Engine engine() {
		if (engine == null) {
			engine = Services.newEngine();
		}
		return engine;
	}

	private void treeSelected(IWorkbenchPart part, ISelection s) {
		if (s instanceof IStructuredSelection ss && ss.getFirstElement() instanceof ArrayNode a && a.dtype().isNumeric()) {
			DataTreeView tree = (DataTreeView) getSite().getPage().findView(DataTreeView.ID);
			panel.setInput(a, tree == null ? null : tree.fileOf(a));
		}
	}

	public ProcessingPanel panel() {
		return panel;
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(DataTreeView.ID, listener);
		if (engine != null) {
			engine.close();
		}
		super.dispose();
	}

	@Override
	public void setFocus() {
		panel.refreshOperations();
		panel.control().setFocus();
	}
}
