package org.ronchi.ui;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.ui.slice.LatestJob;
import org.ronchi.ui.slice.SliceSpec;
import org.ronchi.ui.slice.SliceTargets;
import org.ronchi.ui.slice.SlicerPanel;

/**
 * The Slicing view: follows the dataset selected in the Data Tree (resolving a USID Main dataset to its
 * N-dimensional form in the background), and publishes the current {@link org.ronchi.ui.slice.SliceSpec}
 * as its selection, which the Image and Plot views show. A pixel picked in the Image view moves its
 * cursor. The slices shown go to the session's {@link History}.
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
		panel.addListener(SlicerView::record);
		resolver = new LatestJob<>("Preparing slicing", parent.getDisplay(), (node, superseded) -> SliceTargets.resolve(node),
				(node, t) -> panel.setNode(t.node(), t.note()), (node, e) -> panel.setNode(node, "cannot prepare: " + e.getMessage()));
		getSite().getPage().addSelectionListener(DataTreeView.ID, treeListener);
		getSite().getPage().addSelectionListener(ImageView.ID, imageListener);
		treeSelected(null, getSite().getPage().getSelection(DataTreeView.ID));
	}

	/** Records the slice shown in the session's history (slider steps on one dataset are one entry). */
	private static void record(SliceSpec spec) {
		if (spec == null) {
			return;
		}
		ArrayNode n = spec.node();
		StringBuilder sb = new StringBuilder("Sliced ").append(n.path()).append(": ");
		sb.append(spec.yDim() < 0 ? "line along " + axis(n, spec.xDim()) : "image " + axis(n, spec.yDim()) + " \u00d7 " + axis(n, spec.xDim()));
		for (int d = 0; d < n.rank(); d++) {
			if (d != spec.xDim() && d != spec.yDim()) {
				sb.append(", ").append(axis(n, d)).append(" = ").append(spec.position()[d]);
			}
		}
		History.session().record(History.Kind.SLICE, "slice " + System.identityHashCode(n), sb.toString(), null);
	}

	private static String axis(ArrayNode n, int d) {
		return n.axes().get(d).name();
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
