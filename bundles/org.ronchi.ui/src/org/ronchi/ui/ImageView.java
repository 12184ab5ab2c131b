package org.ronchi.ui;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.preferences.UiPreferences;
import org.ronchi.ui.slice.SliceSpec;

/** The Image view: the plane the Slicing view selects; a click publishes the pixel as an {@link ImageCursor}. */
public final class ImageView extends ViewPart {
	public static final String ID = "org.ronchi.ui.image";

	private ImagePanel panel;
	private final SelectionBox selection = new SelectionBox();
	private final ISelectionListener listener = this::sliceChanged;

	@Override
	public void createPartControl(Composite parent) {
		panel = new ImagePanel(parent, UiPreferences.imageDefaults(), UiPreferences::memoryBudgetBytes);
		getSite().setSelectionProvider(selection);
		panel.addClickListener((x, y) -> selection.set(new ImageCursor(x, y)));
		getSite().getPage().addSelectionListener(SlicerView.ID, listener);
		sliceChanged(null, getSite().getPage().getSelection(SlicerView.ID));
	}

	private void sliceChanged(IWorkbenchPart part, ISelection s) {
		Object o = SelectionBox.first(s);
		if (o instanceof SliceSpec spec) {
			panel.show(spec);
		} else if (o == null && s != null) {
			panel.show(null);
		}
	}

	public ImagePanel panel() {
		return panel;
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(SlicerView.ID, listener);
		super.dispose();
	}

	@Override
	public void setFocus() {
		panel.canvas().setFocus();
	}
}
