package org.ronchi.ui.processing;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.ProgressBar;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.CancelledException;
import org.ronchi.processing.Engine;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.Plan;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/**
 * The Processing view's content: the operations of the registry on the left, the selected one's
 * description and parameter form on the right, what the run will produce (planned against the input
 * without reading data), and Run/Cancel with a progress bar. A run is an Eclipse {@link Job} (so it
 * also shows in the status line with its own cancel button); its outputs go to the result consumer,
 * which adds them to the Data Tree.
 */
public final class ProcessingPanel {

	private final Composite root;
	private final Label input;
	private final List opList;
	private final Label description;
	private final ScrolledComposite formHolder;
	private final Label plan;
	private final Button run;
	private final Button cancel;
	private final ProgressBar progress;
	private final Label status;
	private final OperationRegistry registry;
	private final Supplier<Engine> engine;
	private final Consumer<DataFile> results;
	private java.util.List<Operation> ops = java.util.List.of();
	private ParameterForm form;
	private ArrayNode node;
	private DataFile file;
	private Job job;
	private RunResult lastResult;

	/**
	 * @param engine the engine runs go to (asked at each run)
	 * @param results gets each run's outputs as an in-memory file (UI thread)
	 */
	public ProcessingPanel(Composite parent, OperationRegistry registry, Supplier<Engine> engine, Consumer<DataFile> results) {
		this.registry = registry;
		this.engine = engine;
		this.results = results;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		input = new Label(root, SWT.NONE);
		input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		input.setText("Input: select a dataset in the Data Tree");
		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		opList = new List(sash, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
		Composite right = new Composite(sash, SWT.NONE);
		right.setLayout(new GridLayout(1, false));
		sash.setWeights(30, 70);
		description = new Label(right, SWT.WRAP);
		GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false);
		dd.widthHint = 300;
		description.setLayoutData(dd);
		formHolder = new ScrolledComposite(right, SWT.V_SCROLL | SWT.H_SCROLL);
		formHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		formHolder.setExpandHorizontal(true);
		formHolder.setExpandVertical(true);
		plan = new Label(right, SWT.WRAP);
		plan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bar.setLayout(new GridLayout(4, false));
		run = new Button(bar, SWT.PUSH);
		run.setText("Run");
		cancel = new Button(bar, SWT.PUSH);
		cancel.setText("Cancel");
		cancel.setEnabled(false);
		progress = new ProgressBar(bar, SWT.HORIZONTAL | SWT.SMOOTH);
		progress.setMaximum(1000);
		progress.setLayoutData(new GridData(160, SWT.DEFAULT));
		status = new Label(bar, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		opList.addListener(SWT.Selection, e -> choose(opList.getSelectionIndex()));
		run.addListener(SWT.Selection, e -> run());
		cancel.addListener(SWT.Selection, e -> {
			if (job != null) {
				job.cancel();
			}
		});
		refreshOperations();
	}

	public Composite control() {
		return root;
	}

	/** Lists the registry's operations again (services come and go). */
	public void refreshOperations() {
		ops = registry.operations();
		String chosen = form == null ? null : form.operation().id();
		opList.removeAll();
		for (Operation o : ops) {
			opList.add(o.name());
		}
		int kept = chosen == null ? -1 : indexOf(chosen);
		if (kept >= 0) {
			opList.select(kept); // the same operation: keep what the user typed
			return;
		}
		int i = ops.isEmpty() ? -1 : 0;
		if (i >= 0) {
			opList.select(i);
			choose(i);
		} else {
			description.setText(ops.isEmpty() ? "No operations are registered (is org.ronchi.processing running?)" : "");
		}
	}

	private int indexOf(String id) {
		for (int i = 0; i < ops.size(); i++) {
			if (ops.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	/** @return the ids of the operations listed */
	public java.util.List<String> operationIds() {
		return ops.stream().map(Operation::id).toList();
	}

	/** Chooses an operation by id (as clicking it does). */
	public void select(String id) {
		int i = indexOf(id);
		if (i < 0) {
			throw new IllegalArgumentException("no operation " + id + " in " + operationIds());
		}
		opList.select(i);
		choose(i);
	}

	private void choose(int i) {
		if (i < 0 || i >= ops.size()) {
			return;
		}
		Operation op = ops.get(i);
		if (form != null) {
			form.control().dispose();
		}
		description.setText(op.description() + "\nInput: " + op.input().describe() + ".  (" + op.id() + ", version " + op.version() + ")");
		form = new ParameterForm(formHolder, op, this::check);
		formHolder.setContent(form.control());
		formHolder.setMinSize(form.control().computeSize(SWT.DEFAULT, SWT.DEFAULT));
		root.layout(true, true);
		check();
	}

	/** Sets the dataset runs take as input. */
	public void setInput(ArrayNode a, DataFile f) {
		node = a;
		file = f;
		input.setText(a == null ? "Input: select a dataset in the Data Tree"
				: "Input: " + a.title() + "  " + Shapes.format(a.shape()) + " " + a.dtype().numpyName() + (f == null ? "" : "  \u2014 " + f.path().getFileName()));
		check();
	}

	/** Sets a parameter field as typing does (tests, presets). */
	public void set(String parameter, String value) {
		form.set(parameter, value);
	}

	/** @return the form's current error messages by parameter */
	public Map<String, String> errors() {
		return form == null ? Map.of() : form.errors();
	}

	/** @return what the plan line says (outputs, or why the run cannot start) */
	public String planText() {
		return plan.getText();
	}

	public String statusText() {
		return status.getText();
	}

	/** @return whether Run is possible now */
	public boolean canRun() {
		return run.getEnabled();
	}

	/** Validates the form and plans the run against the input; enables Run if both pass. */
	private void check() {
		boolean ok = false;
		if (form == null) {
			plan.setText("");
		} else if (!form.errors().isEmpty()) {
			plan.setText("Fix the parameters marked in red.");
		} else if (node == null) {
			plan.setText("Select a dataset in the Data Tree as input.");
		} else {
			try {
				Plan p = engine.get().plan(request(form.operation(), form.values()));
				StringBuilder sb = new StringBuilder("Will produce: ");
				for (int i = 0; i < p.outputs().size(); i++) {
					sb.append(i > 0 ? ", " : "").append(p.outputs().get(i).name()).append(' ').append(Shapes.format(p.outputShapes().get(i)))
							.append(' ').append(p.outputs().get(i).dtype().numpyName());
				}
				plan.setText(sb.toString());
				ok = true;
			} catch (RonchiException e) {
				plan.setText("Cannot run on this input: " + e.problem()); // the input is named above
			} catch (IllegalArgumentException e) {
				plan.setText("Cannot run on this input: " + e.getMessage());
			}
		}
		run.setEnabled(ok && job == null);
		plan.getParent().layout(true);
	}

	private RunRequest request(Operation op, Map<String, Object> params) {
		RunRequest r = RunRequest.of(op, node).params(params);
		return file == null ? r : r.source(file.path(), node.path());
	}

	/** Starts the chosen operation on the input as a job. */
	public void run() {
		if (!canRun()) {
			return;
		}
		Operation op = form.operation();
		RunRequest req = request(op, form.values());
		String title = node.title();
		Engine e = engine.get();
		status.setText("Running " + op.name() + " \u2026");
		progress.setSelection(0);
		job = new Job(op.name() + " on " + title) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				JobProgress jp = new JobProgress(monitor, f -> ui(() -> progress.setSelection((int) (f * 1000))));
				try {
					RunResult r = e.run(req.progress(jp));
					ui(() -> finished(r, op, title));
					return Status.OK_STATUS;
				} catch (CancelledException c) {
					ui(() -> status.setText("Cancelled; run again to resume where it stopped"));
					return Status.CANCEL_STATUS;
				} catch (RuntimeException x) {
					ui(() -> status.setText("Failed: " + x.getMessage()));
					return new Status(IStatus.ERROR, "org.ronchi.ui.processing", x.getMessage(), x);
				} finally {
					monitor.done();
				}
			}
		};
		job.setUser(true);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				ui(() -> {
					job = null;
					cancel.setEnabled(false);
					check();
				});
			}
		});
		run.setEnabled(false);
		cancel.setEnabled(true);
		job.schedule();
	}

	private void finished(RunResult r, Operation op, String title) {
		lastResult = r;
		progress.setSelection(1000);
		status.setText(op.name() + ": " + r.status().name().toLowerCase(java.util.Locale.ROOT) + " in " + r.nanos() / 1_000_000 + " ms, "
				+ r.outputs().size() + " output(s) added to the Data Tree");
		results.accept(ResultFiles.of(r, op.name(), title));
	}

	/** @return the last finished run, or null (tests) */
	public RunResult lastResult() {
		return lastResult;
	}

	/** @return whether a run is going on */
	public boolean running() {
		return job != null;
	}

	private void ui(Runnable r) {
		if (!root.isDisposed()) {
			root.getDisplay().asyncExec(() -> {
				if (!root.isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** @return the control holding the parameter form (for screenshots and tests) */
	public Control form() {
		return form == null ? null : form.control();
	}
}
