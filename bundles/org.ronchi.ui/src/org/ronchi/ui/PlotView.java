package org.ronchi.ui;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.ui.plot.PlotPanel;
import org.ronchi.ui.preferences.UiPreferences;
import org.ronchi.ui.slice.SliceSpec;

/** The Plot view: the trace the Slicing view selects (the spectrum under the image cursor, or a line). */
public final class PlotView extends ViewPart {
	public static final String ID = "org.ronchi.ui.plot";

	private PlotPanel panel;
	private final ISelectionListener listener = this::sliceChanged;

	@Override
	public void createPartControl(Composite parent) {
		panel = new PlotPanel(parent, UiPreferences::memoryBudgetBytes);
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

	public PlotPanel panel() {
		return panel;
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(SlicerView.ID, listener);
		super.dispose();
	}

	@Override
	public void setFocus() {
		panel.chart().setFocus();
	}
}
