package org.ronchi.ui.processing;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.ronchi.ui.History;

/** The History view: what this desktop session did that changes a result, and Save as Workflow…. */
public final class HistoryView extends ViewPart {
	public static final String ID = "org.ronchi.ui.processing.history";

	private HistoryPanel panel;

	@Override
	public void createPartControl(Composite parent) {
		panel = new HistoryPanel(parent, History.session());
	}

	public HistoryPanel panel() {
		return panel;
	}

	@Override
	public void setFocus() {
		panel.control().setFocus();
	}
}
