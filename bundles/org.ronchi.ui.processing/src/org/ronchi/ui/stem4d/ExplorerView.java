package org.ronchi.ui.stem4d;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.processing.Engine;
import org.ronchi.ui.DataTreeView;
import org.ronchi.ui.preferences.UiPreferences;
import org.ronchi.ui.processing.Services;

/**
 * The 4D-STEM Explorer view: explores the 4-D dataset selected in the Data Tree; point lists selected
 * there (Bragg peaks of that dataset) are drawn over its patterns.
 */
public final class ExplorerView extends ViewPart {
	public static final String ID = "org.ronchi.ui.stem4d.explorer";

	private ExplorerPanel panel;
	private Engine engine;
	private final ISelectionListener listener = this::treeSelected;

	@Override
	public void createPartControl(Composite parent) {
		engine = Services.newEngine();
		panel = new ExplorerPanel(parent, new EngineDetector(engine, Services.operations()), UiPreferences.imageDefaults(),
				UiPreferences::memoryBudgetBytes);
		getSite().getPage().addSelectionListener(DataTreeView.ID, listener);
		treeSelected(null, getSite().getPage().getSelection(DataTreeView.ID));
	}

	private void treeSelected(IWorkbenchPart part, ISelection s) {
		if (s instanceof IStructuredSelection ss && ss.getFirstElement() instanceof ArrayNode a) {
			if (a.pointLists() != null) {
				panel.setPeaks(a);
			} else {
				DataTreeView tree = (DataTreeView) getSite().getPage().findView(DataTreeView.ID);
				panel.setInput(a, tree == null ? null : tree.fileOf(a));
			}
		}
	}

	public ExplorerPanel panel() {
		return panel;
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(DataTreeView.ID, listener);
		engine.close();
		super.dispose();
	}

	@Override
	public void setFocus() {
		panel.control().setFocus();
	}
}
