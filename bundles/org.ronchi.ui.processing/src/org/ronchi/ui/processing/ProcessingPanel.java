package org.ronchi.ui.processing;

import java.nio.file.Path;
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
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
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
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.ui.DataTreeView;
import org.ronchi.ui.History;

/**
 * The Processing view's content: the operations of the registry on the left, the selected one's
 * description and parameter form on the right, what the run will produce (planned against the input
 * without reading data), where results go (in memory, or appended to a results file with provenance),
 * and Run/Cancel with a progress bar. A run is an Eclipse {@link Job} (so it also shows in the status
 * line with its own cancel button); its outputs go to the result consumer, which adds them to the Data
 * Tree. Every run is recorded in the {@link History} (a run on an earlier run's output is chained to
 * it); Save as Workflow… writes the last one, with the runs it depends on, as a workflow.
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
	private final Button saveResults;
	private final Text resultsPath;
	private final Button browse;
	private final Button saveWorkflow;
	private final OperationRegistry registry;
	private final Supplier<Engine> engine;
	private final Consumer<DataFile> results;
	private java.util.List<Operation> ops = java.util.List.of();
	private ParameterForm form;
	private ArrayNode node;
	private DataFile file;
	private Job job;
	private RunResult lastResult;
	private RecordedRun lastRecorded;
	private History history = History.session();

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
		Composite where = new Composite(root, SWT.NONE);
		where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		where.setLayout(new GridLayout(3, false));
		saveResults = new Button(where, SWT.CHECK);
		saveResults.setText("Save results to");
		saveResults.setToolTipText("Append each run's outputs with their provenance to this results file (the store chosen in "
				+ "Preferences › Ronchi › Processing: EMD 1.0 or NeXus); ronchi rerun verifies it");
		resultsPath = new Text(where, SWT.BORDER);
		resultsPath.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		resultsPath.setMessage("results file (.h5), next to the input by default");
		browse = new Button(where, SWT.PUSH);
		browse.setText("Browse\u2026");
		browse.addListener(SWT.Selection, e -> browseResults());
		saveResults.addListener(SWT.Selection, e -> {
			if (saveResults.getSelection() && resultsPath.getText().isBlank()) {
				resultsPath.setText(defaultResultsFile());
			}
		});
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bar.setLayout(new GridLayout(5, false));
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
		saveWorkflow = new Button(bar, SWT.PUSH);
		saveWorkflow.setText("Save as Workflow\u2026");
		saveWorkflow.setToolTipText("The last run (and the runs its input comes from) as a workflow for ronchi run");
		saveWorkflow.setEnabled(false);
		saveWorkflow.addListener(SWT.Selection, e -> {
			FileDialog d = new FileDialog(root.getShell(), SWT.SAVE);
			d.setFilterExtensions(new String[] { "*.json" });
			d.setFileName("workflow.json");
			d.setOverwrite(true);
			String f = d.open();
			if (f != null) {
				saveWorkflow(Path.of(f));
			}
		});
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

	/**
	 * @return the request on the input: a dataset of a file, or an output of a recorded run (its source
	 *         the results file the run was saved to, if it was)
	 */
	private RunRequest request(Operation op, Map<String, Object> params) {
		RunRequest r = RunRequest.of(op, node).params(params);
		RecordedRun up = Recipes.producerOf(history, file);
		String upPath = up == null ? null : up.outputPaths().get(node.name());
		if (upPath != null) {
			r = r.source(up.resultsFile(), upPath).sourceIdentity("output " + node.name() + " of run " + up.key());
		} else if (up == null && file != null && !DataTreeView.RESULTS_FORMAT.equals(file.format())) {
			r = r.source(file.path(), node.path());
		}
		return resultsFile() == null ? r : r.results(resultsFile());
	}

	/** @return the results file runs are saved to, or null to keep them in memory */
	public Path resultsFile() {
		return saveResults.getSelection() && !resultsPath.getText().isBlank() ? Path.of(resultsPath.getText().trim()).toAbsolutePath() : null;
	}

	/** Saves later runs to this results file (null: keep them in memory), as ticking the box and typing a path does. */
	public void setResultsFile(Path f) {
		saveResults.setSelection(f != null);
		resultsPath.setText(f == null ? "" : f.toAbsolutePath().toString());
	}

	private String defaultResultsFile() {
		if (file == null || DataTreeView.RESULTS_FORMAT.equals(file.format())) {
			return "";
		}
		Path in = file.path().toAbsolutePath();
		return in.resolveSibling(Recipes.stem(in) + "_results.h5").toString();
	}

	private void browseResults() {
		FileDialog d = new FileDialog(root.getShell(), SWT.SAVE);
		d.setFilterExtensions(new String[] { "*.h5", "*.emd", "*" });
		String cur = resultsPath.getText().isBlank() ? defaultResultsFile() : resultsPath.getText();
		if (!cur.isBlank()) {
			d.setFilterPath(Path.of(cur).toAbsolutePath().getParent().toString());
			d.setFileName(Path.of(cur).getFileName().toString());
		}
		d.setOverwrite(false); // results files are appended to, never replaced
		String f = d.open();
		if (f != null) {
			resultsPath.setText(f);
			saveResults.setSelection(true);
		}
	}

	/** Starts the chosen operation on the input as a job. */
	public void run() {
		if (!canRun()) {
			return;
		}
		Operation op = form.operation();
		RunRequest req = request(op, form.values());
		String title = node.title();
		RecordedRun.Input recordedInput = recordedInput();
		Engine e = engine.get();
		status.setText("Running " + op.name() + " \u2026");
		progress.setSelection(0);
		job = new Job(op.name() + " on " + title) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				JobProgress jp = new JobProgress(monitor, f -> ui(() -> progress.setSelection((int) (f * 1000))));
				try {
					RunResult r = e.run(req.progress(jp));
					ui(() -> finished(r, op, title, recordedInput));
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

	/** @return what the run reads, as the history records it: a dataset of a file or a recorded run's output (null: neither) */
	private RecordedRun.Input recordedInput() {
		RecordedRun up = Recipes.producerOf(history, file);
		if (up != null) {
			return new RecordedRun.Upstream(up, node.name());
		}
		if (file == null || DataTreeView.RESULTS_FORMAT.equals(file.format())) {
			return null;
		}
		return new RecordedRun.FileInput(file.path().toAbsolutePath().normalize(), node.path(), null, -1);
	}

	private void finished(RunResult r, Operation op, String title, RecordedRun.Input input) {
		lastResult = r;
		progress.setSelection(1000);
		status.setText(op.name() + ": " + r.status().name().toLowerCase(java.util.Locale.ROOT) + " in " + r.nanos() / 1_000_000 + " ms, "
				+ r.outputs().size() + " output(s) added to the Data Tree" + (r.resultsFile() == null ? "" : ", saved to " + r.resultsFile().getFileName()));
		DataFile outputs = ResultFiles.of(r, op.name(), title);
		RecordedRun.Input in = input instanceof RecordedRun.FileInput f
				? new RecordedRun.FileInput(f.file(), f.dataset(), null, r.plan().input().navRank()) : input;
		lastRecorded = in == null ? null : new RecordedRun(in, op.id(), op.version(), r.plan().params().values(), op.name() + " on " + title,
				r.resultsFile(), r.store(), r.group(), outputs, r.outputPaths(), r.key());
		history.record(History.Kind.RUN, op.id(), "Ran " + op.id() + " (version " + op.version() + ") on " + title + " " + r.plan().params().toJson(),
				lastRecorded);
		if (r.resultsFile() != null) {
			history.record(History.Kind.SAVED, r.resultsFile().toString(), "Saved " + r.group() + " to " + r.resultsFile(), null);
		}
		saveWorkflow.setEnabled(lastRecorded != null);
		results.accept(outputs);
	}

	/** @return the last run as recorded, or null (none yet, or on an input from no file) */
	public RecordedRun lastRecorded() {
		return lastRecorded;
	}

	/**
	 * Writes the last run, with the runs its input comes from, as a workflow (what Save as Workflow…
	 * does after the file dialog).
	 *
	 * @return the workflow written, or null if it could not be (the status line says why)
	 */
	public Workflow saveWorkflow(Path target) {
		try {
			Workflow w = Recipes.workflow(lastRecorded == null ? java.util.List.of() : java.util.List.of(lastRecorded),
					"Recorded in the Ronchi desktop (Processing view)");
			Recipes.write(w, target);
			history.record(History.Kind.SAVED, target.toString(), "Saved the workflow " + target, null);
			status.setText("Workflow saved to " + target.getFileName() + ": ronchi run " + target.getFileName());
			return w;
		} catch (RuntimeException e) {
			status.setText("Cannot save the workflow: " + e.getMessage());
			return null;
		}
	}

	/** Records into another history (tests); the desktop's is {@link History#session()}. */
	public void setHistory(History h) {
		history = h;
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
