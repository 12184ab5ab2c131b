package org.ronchi.ui.analysis;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.ui.DataTreeView;
import org.ronchi.ui.preferences.UiPreferences;

/** The Analysis view: strain maps or a decomposition of the run whose output is selected in the Data Tree. */
public final class AnalysisView extends ViewPart {
	public static final String ID = "org.ronchi.ui.analysis.view";

	private AnalysisPanel panel;
	private final ISelectionListener listener = this::treeSelected;

	@Override
	public void createPartControl(Composite parent) {
		panel = new AnalysisPanel(parent, UiPreferences.imageDefaults(), UiPreferences::memoryBudgetBytes);
		getSite().getPage().addSelectionListener(DataTreeView.ID, listener);
		treeSelected(null, getSite().getPage().getSelection(DataTreeView.ID));
	}

	private void treeSelected(IWorkbenchPart part, ISelection s) {
		if (s instanceof IStructuredSelection ss && ss.getFirstElement() instanceof ArrayNode a && a.pointLists() == null) {
			panel.setInput(a);
		}
	}

	public AnalysisPanel panel() {
		return panel;
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(DataTreeView.ID, listener);
		super.dispose();
	}

	@Override
	public void setFocus() {
		panel.control().setFocus();
	}
}
