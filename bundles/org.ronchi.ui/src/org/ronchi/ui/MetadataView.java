package org.ronchi.ui;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.ui.metadata.MetadataPanel;

/** The Metadata view: the standard and original metadata of what is selected in the Data Tree. */
public final class MetadataView extends ViewPart {
	public static final String ID = "org.ronchi.ui.metadata";

	private MetadataPanel panel;
	private final ISelectionListener listener = this::treeSelected;

	@Override
	public void createPartControl(Composite parent) {
		panel = new MetadataPanel(parent);
		getSite().getPage().addSelectionListener(DataTreeView.ID, listener);
		treeSelected(null, getSite().getPage().getSelection(DataTreeView.ID));
	}

	private void treeSelected(IWorkbenchPart part, ISelection s) {
		Object e = SelectionBox.first(s);
		if (e == null || panel.control().isDisposed()) {
			return;
		}
		DataTreeView tree = (DataTreeView) getSite().getPage().findView(DataTreeView.ID);
		panel.show(e, tree == null ? null : tree.fileOf(e));
	}

	public MetadataPanel panel() {
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
