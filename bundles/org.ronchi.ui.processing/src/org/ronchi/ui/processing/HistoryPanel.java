package org.ronchi.ui.processing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.ui.History;

/**
 * The History view's content: what this session did that changes a result, one row per action (files
 * opened, datasets chosen, slices, detectors, runs, saves; runs in bold), and Save as Workflow…, which
 * writes the selected runs and detectors — all of them if none is selected — with the runs they depend
 * on as one workflow.
 */
public final class HistoryPanel {
	private final Composite root;
	private final Table table;
	private final Label status;
	private final History history;
	private final Runnable listener = this::refreshLater;
	private List<History.Entry> shown = List.of();

	public HistoryPanel(Composite parent, History history) {
		this.history = history;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(3, false));
		table = new Table(root, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		for (String[] c : new String[][] { { "#", "40" }, { "Time", "70" }, { "Action", "80" }, { "What", "700" } }) {
			TableColumn col = new TableColumn(table, SWT.LEFT);
			col.setText(c[0]);
			col.setWidth(Integer.parseInt(c[1]));
		}
		Button save = new Button(root, SWT.PUSH);
		save.setText("Save as Workflow\u2026");
		save.setToolTipText("The selected runs and detectors (all if none is selected), with the runs they depend on, as a workflow for ronchi run");
		save.addListener(SWT.Selection, e -> {
			FileDialog d = new FileDialog(root.getShell(), SWT.SAVE);
			d.setFilterExtensions(new String[] { "*.json" });
			d.setFileName("workflow.json");
			d.setOverwrite(true);
			String f = d.open();
			if (f != null) {
				saveWorkflow(Path.of(f));
			}
		});
		Button clear = new Button(root, SWT.PUSH);
		clear.setText("Clear");
		clear.addListener(SWT.Selection, e -> history.clear());
		status = new Label(root, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		history.addListener(listener);
		root.addDisposeListener(e -> history.removeListener(listener));
		refresh();
	}

	public Composite control() {
		return root;
	}

	private void refreshLater() {
		if (!root.isDisposed()) {
			root.getDisplay().asyncExec(() -> {
				if (!root.isDisposed()) {
					refresh();
				}
			});
		}
	}

	/** Shows the history as it is now. UI thread. */
	public void refresh() {
		shown = history.entries();
		table.removeAll();
		for (History.Entry e : shown) {
			TableItem it = new TableItem(table, SWT.NONE);
			it.setText(new String[] { Integer.toString(e.number()), e.time().toString(), e.kind().label(), e.text() });
			if (e.payload() instanceof RecordedRun) {
				it.setFont(org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT));
			}
		}
		if (!shown.isEmpty()) {
			table.showItem(table.getItem(shown.size() - 1));
		}
	}

	/** @return the entries shown, oldest first */
	public List<History.Entry> entries() {
		return shown;
	}

	/** Selects entries by their number (as clicking rows does). */
	public void select(int... numbers) {
		table.deselectAll();
		for (int n : numbers) {
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i).number() == n) {
					table.select(i);
				}
			}
		}
	}

	public String status() {
		return status.getText();
	}

	/**
	 * Writes the selected runs (all runs if none is selected) as a workflow (what Save as Workflow… does
	 * after the file dialog).
	 *
	 * @return the workflow, or null if it could not be written (the status line says why)
	 */
	public Workflow saveWorkflow(Path target) {
		List<History.Entry> chosen = new ArrayList<>();
		for (int i : table.getSelectionIndices()) {
			chosen.add(shown.get(i));
		}
		try {
			Workflow w = Recipes.workflow(Recipes.runs(chosen.isEmpty() ? shown : chosen), "Recorded in the Ronchi desktop (History)");
			Recipes.write(w, target);
			status.setText("Saved " + w.steps().size() + " step(s) to " + target.getFileName() + ": ronchi run " + target.getFileName());
			history.record(History.Kind.SAVED, target.toString(), "Saved the workflow " + target, null);
			return w;
		} catch (RuntimeException e) {
			status.setText("Cannot save the workflow: " + e.getMessage());
			return null;
		}
	}
}
