package org.ronchi.ui;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.ui.slice.LatestJob;
import org.ronchi.ui.slice.SliceTargets;
import org.ronchi.ui.slice.SlicerPanel;

/**
 * The Slicing view: follows the dataset selected in the Data Tree (resolving a USID Main dataset to its
 * N-dimensional form in the background), and publishes the current {@link org.ronchi.ui.slice.SliceSpec}
 * as its selection, which the Image and Plot views show. A pixel picked in the Image view moves its
 * cursor.
 */
public final class SlicerView extends ViewPart {
	public static final String ID = "org.ronchi.ui.slicer";

	private SlicerPanel panel;
	private final SelectionBox selection = new SelectionBox();
	private LatestJob<ArrayNode, SliceTargets.Target> resolver;
	private final ISelectionListener treeListener = this::treeSelected;
	private final ISelectionListener imageListener = this::imageClicked;

	@Override
	public void createPartControl(Composite parent) {
		panel = new SlicerPanel(parent);
		getSite().setSelectionProvider(selection);
		panel.addListener(selection::set);
		resolver = new LatestJob<>("Preparing slicing", parent.getDisplay(), (node, superseded) -> SliceTargets.resolve(node),
				(node, t) -> panel.setNode(t.node(), t.note()), (node, e) -> panel.setNode(node, "cannot prepare: " + e.getMessage()));
		getSite().getPage().addSelectionListener(DataTreeView.ID, treeListener);
		getSite().getPage().addSelectionListener(ImageView.ID, imageListener);
		treeSelected(null, getSite().getPage().getSelection(DataTreeView.ID));
	}

	private void treeSelected(IWorkbenchPart part, ISelection s) {
		if (SelectionBox.first(s) instanceof ArrayNode a && (panel.spec() == null || panel.spec().node() != a)) {
			resolver.submit(a);
		}
	}

	private void imageClicked(IWorkbenchPart part, ISelection s) {
		if (SelectionBox.first(s) instanceof ImageCursor c) {
			panel.setCursor(c.x(), c.y());
		}
	}

	public SlicerPanel panel() {
		return panel;
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(DataTreeView.ID, treeListener);
		getSite().getPage().removeSelectionListener(ImageView.ID, imageListener);
		resolver.cancel();
		super.dispose();
	}

	@Override
	public void setFocus() {
		panel.control().setFocus();
	}
}
