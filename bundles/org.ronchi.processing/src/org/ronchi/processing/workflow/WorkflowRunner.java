package org.ronchi.processing.workflow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Engine;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.Plan;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/**
 * Runs a {@link Workflow}: expands the input globs, opens every input through the loader registry,
 * then validates every step on every input (operation known, parameters valid, shapes fitting, chained
 * inputs and {@code @step.output} references resolvable) before any data is read, and only then runs
 * the steps, input after input, appending each step's results to the input's results file. A step
 * whose identical result is already there is reused; an interrupted step resumes.
 */
public final class WorkflowRunner {
	private final OperationRegistry operations;
	private final LoaderRegistry loaders;
	private final Engine engine;

	public WorkflowRunner(OperationRegistry operations, LoaderRegistry loaders, Engine engine) {
		this.operations = operations;
		this.loaders = loaders;
		this.engine = engine;
	}

	/**
	 * Validates everything that can be checked without reading data.
	 *
	 * @return per input, the plan of every step
	 * @throws WorkflowException naming the input, the step and the problem
	 */
	public List<Map<String, Plan>> validate(Workflow w) {
		List<Path> files = expand(w);
		List<Map<String, Plan>> out = new ArrayList<>();
		for (Path f : files) {
			try (DataFile df = open(f)) {
				out.add(plan(w, f, dataset(w, df, f)));
			}
		}
		checkStore(w);
		return out;
	}

	/** Validates, then runs every step on every input. */
	public WorkflowReport run(Workflow w, ProgressMonitor progress) {
		return run(w, progress, (file, steps) -> {
		});
	}

	/** Sees each input's results while they are open, before the runner closes them. */
	@FunctionalInterface
	public interface InputDone {
		/** @param steps each step's result by step name, in step order; open during this call only */
		void done(Path input, Map<String, RunResult> steps);
	}

	/** Validates, then runs every step on every input, showing each input's results to done. */
	public WorkflowReport run(Workflow w, ProgressMonitor progress, InputDone done) {
		List<Path> files = expand(w);
		List<DataFile> opened = new ArrayList<>();
		try {
			List<Input> datasets = new ArrayList<>();
			for (Path f : files) {
				DataFile df = open(f);
				opened.add(df);
				Input a = dataset(w, df, f);
				datasets.add(a);
				plan(w, f, a);
			}
			checkStore(w);
			List<WorkflowReport.InputReport> reports = new ArrayList<>();
			for (int i = 0; i < files.size(); i++) {
				reports.add(runInput(w, files.get(i), datasets.get(i), progress, done));
			}
			return new WorkflowReport(reports);
		} finally {
			for (DataFile df : opened) {
				df.close();
			}
		}
	}

	/** The workflow's results store must be installed: checked with the steps, before any work. */
	private void checkStore(Workflow w) {
		try {
			engine.stores().get(w.outputStore());
		} catch (RonchiException e) {
			throw new WorkflowException(null, w.source() == null ? "workflow" : w.source(), "output.store: " + e.problem(), e);
		}
	}

	/** A file's dataset as the steps see it (sliced), and its path in the file. */
	private record Input(ArrayNode data, String path) {
	}

	private WorkflowReport.InputReport runInput(Workflow w, Path file, Input input, ProgressMonitor progress, InputDone inputDone) {
		ArrayNode data = input.data();
		Path results = resultsFile(w, file);
		Map<String, RunResult> done = new LinkedHashMap<>();
		List<WorkflowReport.StepReport> steps = new ArrayList<>();
		try {
			for (Workflow.Step s : w.steps()) {
				progress.subTask(file.getFileName() + ": step " + s.name() + " (" + s.operation() + ")");
				Operation op = operations.get(s.operation());
				RunRequest req;
				if (s.input() == null) {
					req = RunRequest.of(op, data).source(file, input.path()).navRank(w.navigationRank()).sourceSlice(w.slice());
				} else {
					String[] ref = reference(w, s, s.input(), done.keySet(), null);
					RunResult up = done.get(ref[0]);
					ArrayNode in = up.output(ref[1]);
					req = RunRequest.of(op, in).source(up.resultsFile(), up.outputPath(ref[1]))
							.sourceIdentity("output " + ref[1] + " of run " + up.key());
				}
				req = req.params(resolve(w, s, done)).parameterSources(parameterSources(w, s, done)).results(results).store(w.outputStore()).force(w.force()).progress(progress)
						.toolName(op.id());
				RunResult r;
				try {
					r = engine.run(req);
				} catch (RonchiException e) {
					throw step(w, file, s, e);
				}
				done.put(s.name(), r);
				steps.add(new WorkflowReport.StepReport(s.name(), s.operation(), r.status().name(), r.group(),
						r.outputs().stream().map(a -> a.name() + Shapes.format(a.shape())).toList(), r.partitionsRun(), r.bytesRead(), r.nanos() / 1e9));
			}
			inputDone.done(file, java.util.Collections.unmodifiableMap(done));
		} finally {
			for (RunResult r : done.values()) {
				r.close();
			}
		}
		return new WorkflowReport.InputReport(file, input.path(), results, steps);
	}

	/** Plans every step on one input; outputs of earlier steps are stood in for by arrays of their shape. */
	private Map<String, Plan> plan(Workflow w, Path file, Input input) {
		ArrayNode data = input.data();
		Map<String, Plan> plans = new LinkedHashMap<>();
		for (Workflow.Step s : w.steps()) {
			try {
				Operation op = operations.get(s.operation());
				if (s.version() != null && !s.version().equals(op.version())) {
					throw new WorkflowException(null, (w.source() == null ? "workflow" : w.source()) + ": step '" + s.name() + "'", "was recorded with "
							+ op.id() + " version " + s.version() + "; the installed version is " + op.version()
							+ " and may give other results (remove \"version\" from the step to run it anyway)");
				}
				ArrayNode in = data;
				Integer nav = w.navigationRank();
				if (s.input() != null) {
					String[] ref = reference(w, s, s.input(), plans.keySet(), plans);
					Plan up = plans.get(ref[0]);
					BufferSpec out = up.output(ref[1]);
					in = new ArrayNode(ref[1], new Shape(out.dtype(), up.shape(ref[1]))).axes(up.axes(ref[1]));
					if (out.records() != null) {
						in.pointLists(new PlannedLists(out.records(), up.shape(ref[1])));
					}
					nav = null;
				}
				Map<String, Object> params = resolvePlanned(w, s, plans);
				plans.put(s.name(), engine.plan(RunRequest.of(op, in).params(params).source(file, input.path()).navRank(nav)));
			} catch (RonchiException e) {
				throw e instanceof WorkflowException we ? we : step(w, file, s, e);
			}
		}
		return plans;
	}

	/** A step's error with the workflow, step and input named once (parameter and input errors carry no other place). */
	private static WorkflowException step(Workflow w, Path file, Workflow.Step s, RonchiException e) {
		boolean plain = e instanceof org.ronchi.processing.ParameterException || e instanceof org.ronchi.processing.InputException
				|| e.file() == null && e.where() == null;
		return new WorkflowException(null, (w.source() == null ? "workflow" : w.source()) + ": step '" + s.name() + "' (" + s.operation() + ") on "
				+ file.getFileName(), plain ? e.problem() : e.getMessage(), e);
	}

	/** @return {step, output} of a "step.output" reference, checked against the steps before */
	private static String[] reference(Workflow w, Workflow.Step s, String text, java.util.Collection<String> earlier, Map<String, Plan> plans) {
		String t = text.startsWith("@") ? text.substring(1) : text;
		int dot = t.lastIndexOf('.');
		String where = (w.source() == null ? "workflow" : w.source()) + ": step '" + s.name() + "'";
		if (dot <= 0 || dot == t.length() - 1) {
			throw new WorkflowException(null, where, "'" + text + "' is not a reference of the form step.output");
		}
		String step = t.substring(0, dot);
		String output = t.substring(dot + 1);
		if (!earlier.contains(step)) {
			throw new WorkflowException(null, where, "'" + text + "' names no earlier step; earlier steps: " + String.join(", ", earlier));
		}
		if (plans != null && plans.get(step).output(output) == null) {
			throw new WorkflowException(null, where, "step '" + step + "' has no output '" + output + "'; its outputs are: "
					+ String.join(", ", plans.get(step).outputs().stream().filter(b -> b.written()).map(b -> b.name()).toList()));
		}
		return new String[] { step, output };
	}

	/** Parameters with "@step.output" replaced by zero arrays of the output's shape (for validation). */
	private Map<String, Object> resolvePlanned(Workflow w, Workflow.Step s, Map<String, Plan> plans) {
		Map<String, Object> out = new LinkedHashMap<>(s.parameters());
		for (Map.Entry<String, Object> e : out.entrySet()) {
			if (e.getValue() instanceof String v && v.startsWith("@")) {
				String[] ref = reference(w, s, v, plans.keySet(), plans);
				e.setValue(DatasetFactory.zeros(DoubleDataset.class, Shapes.toInt(plans.get(ref[0]).shape(ref[1]))));
			}
		}
		return out;
	}

	/** @return for parameters given as "@step.output": that output's path in the results file */
	private static Map<String, String> parameterSources(Workflow w, Workflow.Step s, Map<String, RunResult> done) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : s.parameters().entrySet()) {
			if (e.getValue() instanceof String v && v.startsWith("@")) {
				String[] ref = reference(w, s, v, done.keySet(), null);
				out.put(e.getKey(), done.get(ref[0]).outputPath(ref[1]));
			}
		}
		return out;
	}

	/** Parameters with "@step.output" replaced by the output's values. */
	private Map<String, Object> resolve(Workflow w, Workflow.Step s, Map<String, RunResult> done) {
		Map<String, Object> out = new LinkedHashMap<>(s.parameters());
		for (Map.Entry<String, Object> e : out.entrySet()) {
			if (e.getValue() instanceof String v && v.startsWith("@")) {
				String[] ref = reference(w, s, v, done.keySet(), null);
				ArrayNode a = done.get(ref[0]).output(ref[1]);
				Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
				e.setValue(d);
			}
		}
		return out;
	}

	// -- inputs

	private List<Path> expand(Workflow w) {
		Path base = w.base() == null ? Path.of("").toAbsolutePath() : w.base();
		TreeSet<Path> files = new TreeSet<>();
		for (String pattern : w.inputs()) {
			List<Path> found = new ArrayList<>();
			if (pattern.matches(".*[*?\\[{].*")) {
				String glob = pattern.replace('\\', '/');
				Path root = base;
				String rel = glob;
				if (Path.of(glob.substring(0, Math.max(0, glob.lastIndexOf('/', firstMeta(glob))))).isAbsolute()) {
					int cut = glob.lastIndexOf('/', firstMeta(glob));
					root = Path.of(glob.substring(0, cut));
					rel = glob.substring(cut + 1);
				}
				PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rel);
				Path r = root;
				try (Stream<Path> s = Files.walk(root)) {
					s.filter(Files::isRegularFile).filter(p -> m.matches(r.relativize(p))).forEach(found::add);
				} catch (IOException e) {
					throw new WorkflowException(root, w.source(), "cannot list: " + e.getMessage(), e);
				}
			} else {
				Path p = base.resolve(pattern).normalize();
				if (!Files.isRegularFile(p)) {
					throw new WorkflowException(p, w.source(), "input file not found");
				}
				String expected = w.checksums().get(pattern);
				if (expected != null) {
					String now = org.ronchi.processing.results.Checksums.sha256(p);
					if (!now.equals(expected)) {
						throw new WorkflowException(p, w.source(), "has changed since the workflow was recorded: its checksum is " + now
								+ ", the workflow's " + expected + " (remove \"sha256\" from the input to run it anyway)");
					}
				}
				found.add(p);
			}
			if (found.isEmpty()) {
				throw new WorkflowException(null, w.source(), "input pattern '" + pattern + "' matches no file under " + base);
			}
			files.addAll(found);
		}
		return new ArrayList<>(files);
	}

	private static int firstMeta(String glob) {
		for (int i = 0; i < glob.length(); i++) {
			if ("*?[{".indexOf(glob.charAt(i)) >= 0) {
				return i;
			}
		}
		return glob.length();
	}

	private DataFile open(Path f) {
		return loaders.open(f);
	}

	/** @return the workflow's dataset in a file (or its largest numeric array), sliced as the workflow says */
	private static Input dataset(Workflow w, DataFile df, Path f) {
		ArrayNode a = whole(w, df, f);
		if (w.slice() == null) {
			return new Input(a, a.path());
		}
		try {
			return new Input(DatasetSlice.parse(w.slice(), a.shape()).apply(a), a.path());
		} catch (IllegalArgumentException e) {
			throw new WorkflowException(f, w.source(), "dataset " + a.path() + " " + Shapes.format(a.shape()) + ": " + e.getMessage(), e);
		}
	}

	private static ArrayNode whole(Workflow w, DataFile df, Path f) {
		if (w.dataset() != null) {
			ArrayNode a = df.find(w.dataset());
			if (a == null) {
				throw new WorkflowException(f, w.source(), "has no dataset '" + w.dataset() + "'; its signals: "
						+ String.join(", ", df.signals().stream().map(ArrayNode::path).toList()));
			}
			return a;
		}
		ArrayNode best = null;
		for (ArrayNode a : df.signals()) {
			if (a.dtype().isNumeric() && a.dtype() != DType.STRING && (best == null || a.size() > best.size())) {
				best = a;
			}
		}
		if (best == null) {
			throw new WorkflowException(f, w.source(), "has no numeric array to process");
		}
		return best;
	}

	private static Path resultsFile(Workflow w, Path input) {
		String name = input.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name;
		String file = w.outputFile().replace("{stem}", stem);
		Path dir = w.outputDirectory() == null ? input.toAbsolutePath().getParent()
				: (w.base() == null ? Path.of("") : w.base()).resolve(w.outputDirectory());
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new WorkflowException(dir, w.source(), "cannot create the output folder: " + e.getMessage(), e);
		}
		return dir.resolve(file).toAbsolutePath().normalize();
	}

	/** Point lists that have a record type and a grid but no records: stand in for POINTS outputs while validating. */
	private record PlannedLists(RecordType type, long[] shape) implements PointListSource {
		@Override
		public PointList read(long... position) {
			throw new IllegalStateException("planned point lists have no records yet");
		}
	}

	/** An array that has a shape and dtype but no data: stands in for outputs not computed yet while validating. */
	private record Shape(DType dtype, long[] shape) implements ArraySource {
		@Override
		public org.eclipse.january.dataset.Dataset read(long[] start, int[] count) {
			throw new IllegalStateException("a planned output has no data yet");
		}

		@Override
		public void readInto(long[] start, int[] count, ByteBuffer target) {
			throw new IllegalStateException("a planned output has no data yet");
		}
	}
}
