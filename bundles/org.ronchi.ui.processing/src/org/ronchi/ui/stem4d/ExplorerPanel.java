package org.ronchi.ui.stem4d;

import java.util.Arrays;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.processing.diffraction.BraggPeaks;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.ui.History;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.image.Ticks;
import org.ronchi.ui.processing.RecordedRun;
import org.ronchi.ui.processing.Recipes;
import org.ronchi.ui.slice.LatestJob;
import org.ronchi.ui.slice.SliceSpec;
import org.ronchi.ui.slice.Slicer;

/**
 * The explorer: the navigator (the virtual image under the current detector) and the diffraction
 * pattern at the scan position picked in it, side by side. Clicking or dragging in the navigator moves
 * the position; drawing on the pattern, or the detector fields, reshapes the detector, and the virtual
 * image is recomputed in the background (newest shape only) by the {@link VirtualDetector}. Each
 * detector is recorded in the {@link History} (its exact geometry, as the run that computes its image);
 * Save Results… appends that run with its provenance to a results file, Save as Workflow… writes it as a
 * workflow.
 */
public final class ExplorerPanel {

	private record Request(ArrayNode cube, DetectorShape detector) {
	}

	private record Position(ArrayNode cube, long y, long x) {
	}

	private final Composite root;
	private final Label input;
	private final Composite leadingBar;
	private final Combo kind;
	private final Spinner cy;
	private final Spinner cx;
	private final Spinner a;
	private final Spinner b;
	private final Label aLabel;
	private final Label bLabel;
	private final ImagePanel navigator;
	private final ImagePanel pattern;
	private final Label status;
	private final VirtualDetector detector;
	private final LongSupplier budget;
	private final LatestJob<Request, Dataset> virtual;
	private final LatestJob<Position, Dataset> frames;
	private final DetectorTool tool;
	private final PeaksLayer peaks = new PeaksLayer();
	private final Button showPeaks;
	private final Button showMap;
	private final Label peaksInfo;
	private final LatestJob<ArrayNode, Dataset> vectorMap;
	private ArrayNode array;
	private ArrayNode cube;
	private long[] leading = new long[0];
	private DetectorShape shape;
	private long posY;
	private long posX;
	private boolean updating;
	private volatile long computeMillis;
	private DataFile file;
	private History history = History.session();
	private final Button saveResults;
	private final Button saveWorkflow;
	private Job saving;
	private RunResult lastSaved;
	/** The run lastSaved holds, as recorded: Save as Workflow on the same detector writes its results file and store. */
	private RecordedRun lastSavedRun;

	public ExplorerPanel(Composite parent, VirtualDetector detector, ImageRenderer.Settings imageDefaults, LongSupplier budget) {
		this.detector = detector;
		this.budget = budget;
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(1, false);
		gl.marginHeight = 2;
		root.setLayout(gl);
		input = new Label(root, SWT.NONE);
		input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		input.setText("Select a 4-D dataset (scan y, scan x, detector y, detector x) in the Data Tree");
		leadingBar = new Composite(root, SWT.NONE);
		leadingBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		leadingBar.setLayout(new GridLayout(1, false));

		Composite det = new Composite(root, SWT.NONE);
		det.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		det.setLayout(ImagePanel.toolbarLayout());
		new Label(det, SWT.NONE).setText("Detector");
		kind = new Combo(det, SWT.READ_ONLY);
		kind.setItems(DetectorShape.KINDS.toArray(new String[0]));
		kind.select(0);
		kind.setToolTipText("On the pattern: drag the centre mark to move the detector, an edge to resize it, elsewhere to draw a new one");
		new Label(det, SWT.NONE).setText(" centre y");
		cy = spinner(det);
		new Label(det, SWT.NONE).setText("x");
		cx = spinner(det);
		aLabel = new Label(det, SWT.NONE);
		a = spinner(det);
		bLabel = new Label(det, SWT.NONE);
		b = spinner(det);
		Label px = new Label(det, SWT.NONE);
		px.setText("px");
		saveResults = new Button(det, SWT.PUSH);
		saveResults.setText("Save Results\u2026");
		saveResults.setToolTipText("Append this detector's virtual image, with its provenance, to a results file (ronchi rerun verifies it)");
		saveResults.addListener(SWT.Selection, e -> {
			FileDialog d = new FileDialog(root.getShell(), SWT.SAVE);
			d.setFilterExtensions(new String[] { "*.h5", "*" });
			if (file != null) {
				d.setFilterPath(file.path().toAbsolutePath().getParent().toString());
				d.setFileName(Recipes.stem(file.path()) + "_results.h5");
			}
			d.setOverwrite(false); // results files are appended to, never replaced
			String f = d.open();
			if (f != null) {
				saveResults(Path.of(f));
			}
		});
		saveWorkflow = new Button(det, SWT.PUSH);
		saveWorkflow.setText("Save as Workflow\u2026");
		saveWorkflow.setToolTipText("This detector's virtual image as a workflow for ronchi run");
		saveWorkflow.addListener(SWT.Selection, e -> {
			FileDialog d = new FileDialog(root.getShell(), SWT.SAVE);
			d.setFilterExtensions(new String[] { "*.json" });
			d.setFileName("virtual_image.json");
			d.setOverwrite(true);
			String f = d.open();
			if (f != null) {
				saveWorkflow(Path.of(f));
			}
		});

		Composite bragg = new Composite(root, SWT.NONE);
		bragg.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bragg.setLayout(ImagePanel.toolbarLayout());
		new Label(bragg, SWT.NONE).setText("Bragg peaks");
		showPeaks = new Button(bragg, SWT.CHECK);
		showPeaks.setText("on the pattern");
		showPeaks.setSelection(true);
		showMap = new Button(bragg, SWT.CHECK);
		showMap.setText("Bragg vector map");
		showMap.setToolTipText("Show the map of every position's peaks instead of the pattern");
		peaksInfo = new Label(bragg, SWT.NONE);
		peaksInfo.setText("select point lists (the peaks of stem4d.bragg-disks) in the Data Tree to draw them");

		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		navigator = new ImagePanel(sash, imageDefaults, budget);
		ImageRenderer.Settings logged = imageDefaults.withLog(true);
		pattern = new ImagePanel(sash, logged, budget);
		status = new Label(root, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		navigator.setHint("Hover to read values; click or drag to pick the scan position");
		pattern.setHint("Drag the detector's centre to move it, an edge to resize it, elsewhere to draw a new one");
		navigator.message("Navigator: the virtual image of the scan appears here");
		pattern.message("Diffraction pattern: draw a detector here");

		tool = new DetectorTool(() -> shape, this::setDetector, () -> pattern.canvas().zoom());
		pattern.canvas().setTool(tool);
		pattern.canvas().addOverlay(tool);
		pattern.canvas().addOverlay(peaks);
		navigator.canvas().setTool(new org.ronchi.ui.image.ImageCanvas.Tool() {
			@Override
			public boolean press(double x, double y) {
				pick(y, x);
				return true;
			}

			@Override
			public void drag(double x, double y) {
				pick(y, x);
			}

			@Override
			public void release(double x, double y) {
				pick(y, x);
			}
		});
		virtual = new LatestJob<>("Computing virtual image", root.getDisplay(), (r, superseded) -> {
			long t0 = System.nanoTime();
			Dataset d = detector.compute(r.cube(), r.detector(), superseded);
			computeMillis = (System.nanoTime() - t0) / 1_000_000;
			return d;
		}, this::virtualDone, (r, e) -> status.setText("Virtual image failed: " + e.getMessage()));
		frames = new LatestJob<>("Reading diffraction pattern", root.getDisplay(),
				(p, superseded) -> Slicer.image(new SliceSpec(p.cube(), 3, 2, -1, new long[] { p.y(), p.x(), 0, 0 }), budget.getAsLong()),
				this::frameDone, (p, e) -> pattern.message("Cannot read the pattern: " + e.getMessage()));
		vectorMap = new LatestJob<>("Making the Bragg vector map", root.getDisplay(), (node, superseded) -> {
			long[] s = cube.shape();
			return peaks.vectorMap(leading.clone(), s[0], s[1], (int) s[2], (int) s[3], superseded);
		}, this::mapDone, (node, e) -> pattern.message("Cannot make the Bragg vector map: " + e.getMessage()));
		showPeaks.addListener(SWT.Selection, e -> {
			peaks.setVisible(showPeaks.getSelection());
			pattern.canvas().redraw();
		});
		showMap.addListener(SWT.Selection, e -> showMapChanged());
		kind.addListener(SWT.Selection, e -> {
			if (shape != null) {
				setDetector(shape.withKind(kind.getText(), frameY(), frameX()));
			}
		});
		for (Spinner s : new Spinner[] { cy, cx, a, b }) {
			s.addListener(SWT.Selection, e -> fieldsChanged());
		}
		root.addDisposeListener(e -> {
			virtual.cancel();
			frames.cancel();
			vectorMap.cancel();
			if (lastSaved != null) {
				lastSaved.close();
			}
		});
		enable(false);
	}

	private static Spinner spinner(Composite parent) {
		Spinner s = new Spinner(parent, SWT.BORDER);
		s.setDigits(1);
		s.setMinimum(0);
		s.setMaximum(100000);
		s.setIncrement(5);
		return s;
	}

	public Composite control() {
		return root;
	}

	public ImagePanel navigator() {
		return navigator;
	}

	public ImagePanel pattern() {
		return pattern;
	}

	/** @return the array explored (its 4-D view), or null */
	public ArrayNode cube() {
		return cube;
	}

	public DetectorShape detector() {
		return shape;
	}

	public long[] position() {
		return new long[] { posY, posX };
	}

	public String status() {
		return status.getText();
	}

	/** @return whether the newest virtual image and pattern are shown and nothing is being saved (tests) */
	public boolean idle() {
		return virtual.idle() && frames.idle() && vectorMap.idle() && navigator.idle() && pattern.idle() && saving == null;
	}

	/**
	 * Draws Bragg peaks over the pattern: point lists (qx, qy, intensity) over the explored array's
	 * navigation grid, e.g. the peaks output of stem4d.bragg-disks run on it. A grid that does not fit
	 * is refused with a message.
	 */
	public void setPeaks(ArrayNode lists) {
		if (array == null) {
			peaksInfo.setText("explore a 4-D dataset first, then select its peaks");
			return;
		}
		long[] nav = Arrays.copyOf(array.shape(), array.rank() - 2);
		String problem = PeaksLayer.problem(lists, nav);
		if (problem != null) {
			peaksInfo.setText(problem);
			peaksInfo.getParent().layout(true);
			return;
		}
		peaks.set(lists);
		showPeaksAt();
		if (showMap.getSelection()) {
			vectorMap.submit(lists);
		}
	}

	/** @return the peaks drawn at the current position (tests) */
	public BraggPeaks peaksShown() {
		return peaks.active() ? peaks.at(navPosition()) : BraggPeaks.NONE;
	}

	/** Shows the Bragg vector map (true) or the pattern at the scan position (false). */
	public void setShowVectorMap(boolean on) {
		showMap.setSelection(on);
		showMapChanged();
	}

	private long[] navPosition() {
		long[] p = Arrays.copyOf(leading, leading.length + 2);
		p[leading.length] = posY;
		p[leading.length + 1] = posX;
		return p;
	}

	private void showPeaksAt() {
		if (!peaks.active() || cube == null) {
			return;
		}
		int n = peaks.at(navPosition()).size();
		peaksInfo.setText("  \u2014  " + n + (n == 1 ? " peak" : " peaks") + " at this position (" + peaks.node().title() + "); the brightest in yellow");
		peaksInfo.getParent().layout(true);
		pattern.canvas().redraw();
	}

	private void showMapChanged() {
		peaks.setVisible(showPeaks.getSelection() && !showMap.getSelection());
		if (showMap.getSelection() && peaks.active()) {
			pattern.message("Making the Bragg vector map \u2026");
			vectorMap.submit(peaks.node());
		} else if (cube != null) {
			frames.submit(new Position(cube, posY, posX));
		}
	}

	private void mapDone(ArrayNode node, Dataset map) {
		if (!showMap.getSelection()) {
			return;
		}
		List<Axis> axes = cube.axes();
		pattern.display(map, axes.get(3), axes.get(2), "Bragg vector map of " + node.title() + " (" + cube.shape()[0] + " \u00d7 "
				+ cube.shape()[1] + " positions)", "Intensity");
	}

	/** Explores an array of no file (nothing is recorded or saved). */
	public void setInput(ArrayNode node) {
		setInput(node, null);
	}

	/**
	 * Explores an array: at least 4-D; leading dimensions (beyond scan and detector) start at index 0.
	 *
	 * @param from the file the array is in (what the history records and results name as their source), or null
	 */
	public void setInput(ArrayNode node, DataFile from) {
		if (Cube.accepts(node) && node != array) {
			file = from;
		}
		if (!Cube.accepts(node)) {
			if (node != null && node != array && cube == null) {
				input.setText(node.title() + " " + Shapes.format(node.shape()) + " is not a 4-D dataset; select one with scan y, scan x, "
						+ "detector y, detector x (a 4D-STEM scan)");
			}
			return;
		}
		if (node == array) {
			return;
		}
		array = node;
		peaks.set(null); // drawn over another scan's patterns they would mean nothing
		peaksInfo.setText("select point lists (the peaks of stem4d.bragg-disks) in the Data Tree to draw them");
		leading = new long[node.rank() - 4];
		buildLeading();
		input.setText("4D-STEM: " + node.title() + "  " + Shapes.format(node.shape()) + " " + node.dtype().numpyName());
		useCube();
		root.layout(true, true);
	}

	private void buildLeading() {
		for (Control c : leadingBar.getChildren()) {
			c.dispose();
		}
		((GridLayout) leadingBar.getLayout()).numColumns = Math.max(1, 2 * leading.length);
		((GridData) leadingBar.getLayoutData()).exclude = leading.length == 0;
		leadingBar.setVisible(leading.length > 0);
		long[] shape = array.shape();
		for (int d = 0; d < leading.length; d++) {
			Axis ax = array.axes().get(d);
			Label l = new Label(leadingBar, SWT.NONE);
			l.setText(ax.name() + (ax.units().isEmpty() ? "" : " (" + ax.units() + ")"));
			Spinner s = new Spinner(leadingBar, SWT.BORDER);
			s.setMinimum(0);
			s.setMaximum((int) shape[d] - 1);
			int dim = d;
			s.addListener(SWT.Selection, e -> setLeading(dim, s.getSelection()));
		}
	}

	/** Fixes a leading dimension (beyond scan and detector, e.g. a depth) at an index and explores that cube. */
	public void setLeading(int dim, long index) {
		if (array == null || dim < 0 || dim >= leading.length) {
			throw new IllegalArgumentException("no leading dimension " + dim);
		}
		leading[dim] = Math.max(0, Math.min(array.shape()[dim] - 1, index));
		Control c = leadingBar.getChildren()[2 * dim + 1];
		if (c instanceof Spinner sp && sp.getSelection() != leading[dim]) {
			sp.setSelection((int) leading[dim]);
		}
		useCube();
		recordDetector();
	}

	private void useCube() {
		cube = Cube.of(array, leading);
		long[] s = cube.shape();
		if (shape == null || shape.cy() >= s[2] || shape.cx() >= s[3]) {
			shape = DetectorShape.defaultFor((int) s[2], (int) s[3]);
		}
		posY = Math.min(posY, s[0] - 1);
		posX = Math.min(posX, s[1] - 1);
		if (posY == 0 && posX == 0) {
			posY = s[0] / 2;
			posX = s[1] / 2;
		}
		enable(true);
		showFields();
		virtual.submit(new Request(cube, shape));
		frames.submit(new Position(cube, posY, posX));
		navigator.canvas().setCursor(posX, posY);
		if (showMap.getSelection() && peaks.active()) {
			vectorMap.submit(peaks.node());
		}
	}

	private int frameY() {
		return cube == null ? 1 : (int) cube.shape()[2];
	}

	private int frameX() {
		return cube == null ? 1 : (int) cube.shape()[3];
	}

	/** Reshapes the detector (from the mouse, the fields or a test) and recomputes the virtual image. */
	public void setDetector(DetectorShape d) {
		if (cube == null) {
			return;
		}
		shape = d;
		showFields();
		pattern.canvas().redraw();
		status.setText("Computing the virtual " + d.describe() + " \u2026");
		virtual.submit(new Request(cube, d));
		recordDetector();
	}

	/** Records the detector on the cube explored (a drag, or steps through the leading indices, are one entry). */
	private void recordDetector() {
		history.record(History.Kind.DETECTOR, "detector " + System.identityHashCode(array), "Detector " + shape.describe() + " on " + array.path()
				+ (leading.length == 0 ? "" : " [" + Cube.slice(leading) + "]") + (file == null ? "" : " in " + file.path().getFileName()),
				recorded(null, null, null));
	}

	/**
	 * @return the current detector's run as the history records it (virtual image of this file's dataset,
	 *         the leading indices as a slice), or null without a file or an engine
	 */
	private RecordedRun recorded(RunResult saved, String title, DataFile outputs) {
		RunRequest req = cube == null || shape == null || file == null ? null : detector.request(cube, shape);
		if (req == null) {
			return null;
		}
		RecordedRun.FileInput in = new RecordedRun.FileInput(file.path().toAbsolutePath().normalize(), array.path(), Cube.slice(leading), 2);
		return new RecordedRun(in, req.operation().id(), req.operation().version(), req.params(),
				title == null ? "Virtual " + shape.describe() : title, saved == null ? null : saved.resultsFile(), saved == null ? null : saved.store(),
				saved == null ? null : saved.group(),
				outputs, saved == null ? null : saved.outputPaths(), saved == null ? null : saved.key());
	}

	/**
	 * Writes the current detector's virtual image as a workflow (what Save as Workflow… does after the file
	 * dialog).
	 *
	 * @return the workflow, or null if it could not be written (the status line says why)
	 */
	public Workflow saveWorkflow(Path target) {
		try {
			RecordedRun run = recorded(null, null, null);
			if (run != null && lastSavedRun != null && Recipes.sameComputation(run, lastSavedRun)) {
				run = lastSavedRun; // saved: the workflow writes where (and as) the desktop saved it
			}
			if (run == null) {
				throw new IllegalArgumentException(file == null ? "the array is from no file" : "the virtual image is not computed by the engine");
			}
			Workflow w = Recipes.workflow(List.of(run), "Recorded in the Ronchi desktop (4D-STEM Explorer): virtual " + shape.describe());
			Recipes.write(w, target);
			history.record(History.Kind.SAVED, target.toString(), "Saved the workflow " + target, null);
			status.setText("Workflow saved to " + target.getFileName() + ": ronchi run " + target.getFileName());
			return w;
		} catch (RuntimeException e) {
			status.setText("Cannot save the workflow: " + e.getMessage());
			return null;
		}
	}

	/**
	 * Runs the current detector's virtual image with the input's provenance and appends it to a results
	 * file, in the background (what Save Results… does after the file dialog); {@link #idle()} is false
	 * until it is written.
	 */
	public void saveResults(Path resultsFile) {
		RunRequest req = cube == null || shape == null || file == null ? null : detector.request(cube, shape);
		if (req == null || saving != null) {
			status.setText(req == null ? "Cannot save: the array is from no file" : "Still saving the previous results");
			return;
		}
		RunRequest full = req.source(file.path().toAbsolutePath().normalize(), array.path()).sourceSlice(Cube.slice(leading))
				.results(resultsFile.toAbsolutePath());
		DetectorShape d = shape;
		status.setText("Saving the virtual " + d.describe() + " to " + resultsFile.getFileName() + " \u2026");
		saving = Job.create("Saving the virtual image", (IProgressMonitor m) -> {
			try {
				RunResult r = detector.run(full);
				ui(() -> saved(r, d));
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				ui(() -> {
					saving = null;
					status.setText("Cannot save the results: " + e.getMessage());
				});
				return new Status(IStatus.ERROR, "org.ronchi.ui.processing", e.getMessage(), e);
			}
		});
		saving.schedule();
	}

	private void saved(RunResult r, DetectorShape d) {
		saving = null;
		if (lastSaved != null) {
			lastSaved.close();
		}
		lastSaved = r;
		RecordedRun run = recorded(r, "Virtual " + d.describe(), null);
		lastSavedRun = run;
		history.record(History.Kind.RUN, EngineDetector.OPERATION, "Ran " + run.operation() + " (version " + run.version() + ") for the "
				+ d.describe() + " on " + array.path(), run);
		history.record(History.Kind.SAVED, r.resultsFile().toString(), "Saved " + r.group() + " to " + r.resultsFile(), null);
		status.setText("Saved the virtual " + d.describe() + " as " + r.group() + " in " + r.resultsFile().getFileName());
	}

	/** @return the last results saved (tests) */
	public RunResult lastSaved() {
		return lastSaved;
	}

	/** Records into another history (tests); the desktop's is {@link History#session()}. */
	public void setHistory(History h) {
		history = h;
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

	/** Moves the scan position (as clicking the navigator does) and shows its pattern. */
	public void setPosition(long y, long x) {
		if (cube == null) {
			return;
		}
		long[] s = cube.shape();
		long ny = Math.max(0, Math.min(s[0] - 1, y));
		long nx = Math.max(0, Math.min(s[1] - 1, x));
		if (ny == posY && nx == posX && pattern.rendered() != null) {
			return;
		}
		posY = ny;
		posX = nx;
		navigator.canvas().setCursor(posX, posY);
		frames.submit(new Position(cube, posY, posX));
	}

	private void pick(double y, double x) {
		setPosition((long) Math.floor(y), (long) Math.floor(x));
	}

	private void showFields() {
		updating = true;
		try {
			kind.setText(shape.kind());
			set(cy, shape.cy());
			set(cx, shape.cx());
			set(a, shape.a());
			set(b, shape.b());
			switch (shape.kind()) {
			case "circle" -> {
				aLabel.setText(" radius");
				bLabel.setText("");
				b.setEnabled(false);
			}
			case "annulus" -> {
				aLabel.setText(" inner");
				bLabel.setText("outer");
				b.setEnabled(true);
			}
			default -> {
				aLabel.setText(" half height");
				bLabel.setText("half width");
				b.setEnabled(true);
			}
			}
			aLabel.getParent().layout(true);
		} finally {
			updating = false;
		}
	}

	private static void set(Spinner s, double v) {
		int i = (int) Math.round(v * 10);
		if (s.getSelection() != i) {
			s.setSelection(i);
		}
	}

	private void fieldsChanged() {
		if (updating || shape == null) {
			return;
		}
		setDetector(new DetectorShape(shape.kind(), cy.getSelection() / 10.0, cx.getSelection() / 10.0, a.getSelection() / 10.0,
				b.getSelection() / 10.0));
	}

	private void virtualDone(Request r, Dataset image) {
		List<Axis> axes = r.cube().axes();
		navigator.display(image, axes.get(1), axes.get(0), "Virtual image: " + r.detector().describe(),
				Ticks.valueLabel(r.cube().quantity(), r.cube().units()));
		navigator.canvas().setCursor(posX, posY);
		long[] s = r.cube().shape();
		status.setText("Virtual " + r.detector().kind() + " image of " + s[0] + " \u00d7 " + s[1] + " patterns: " + computeMillis + " ms in "
				+ detector.describe() + ". Click the navigator for a pattern; drag on the pattern for a new detector.");
	}

	private void frameDone(Position p, Dataset frame) {
		if (showMap.getSelection() && peaks.active()) {
			return; // the map stays
		}
		showPeaksAt();
		List<Axis> axes = p.cube().axes();
		String where = Ticks.calibrated(axes.get(0)) ? axes.get(0).name() + " = " + Ticks.coordinate(axes.get(0), p.y()) + ", " + axes.get(1).name()
				+ " = " + Ticks.coordinate(axes.get(1), p.x()) : "scan position (" + p.y() + ", " + p.x() + ")";
		pattern.display(frame, axes.get(3), axes.get(2), "Pattern at " + where, Ticks.valueLabel(p.cube().quantity(), p.cube().units()));
	}

	private void enable(boolean on) {
		for (Control c : new Control[] { kind, cy, cx, a, b, saveResults, saveWorkflow }) {
			c.setEnabled(on);
		}
	}
}
