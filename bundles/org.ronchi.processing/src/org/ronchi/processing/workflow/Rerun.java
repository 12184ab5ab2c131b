package org.ronchi.processing.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.Engine;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.results.Checksums;
import org.ronchi.processing.results.OpenedRun;
import org.ronchi.processing.results.Provenance;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.StoredRun;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * {@code ronchi rerun}: re-creates every run of a results file from its provenance alone — the
 * operation, its parameters (array parameters from the file, or again from the run that produced them),
 * the source file, dataset, slice and navigation split, or for a chained step the output of the run
 * before it, re-run first — into a new results file written by the same store, then compares every
 * dataset byte for byte with the recorded one and says why one differs: the input file changed (its
 * checksum), the installed operation is another version, a run it depends on differs. Works through
 * {@link ResultsStore}, whatever the container format. The recorded file is only read.
 */
public final class Rerun {
	private final OperationRegistry operations;
	private final LoaderRegistry loaders;
	private final Engine engine;

	public Rerun(OperationRegistry operations, LoaderRegistry loaders, Engine engine) {
		this.operations = operations;
		this.loaders = loaders;
		this.engine = engine;
	}

	/**
	 * @param outDir the folder the re-created results file goes to (under the same name; never over an
	 *               existing file), or null for a temporary folder deleted afterwards
	 * @throws ProcessingException if the file is no results file of an installed store, or outDir cannot hold the new file
	 */
	public RerunReport run(Path resultsFile, Path outDir, ProgressMonitor progress) {
		Path file = resultsFile.toAbsolutePath().normalize();
		ResultsStore store = owner(file);
		Path dir = outDir;
		boolean temporary = outDir == null;
		try {
			if (temporary) {
				dir = Files.createTempDirectory("ronchi-rerun");
			} else {
				Files.createDirectories(outDir);
			}
		} catch (IOException e) {
			throw new ProcessingException(outDir, null, "cannot create the folder for the re-created results: " + e.getMessage(), e);
		}
		Path out = dir.resolve(file.getFileName()).toAbsolutePath().normalize();
		if (Files.exists(out)) {
			throw new ProcessingException(out, null, "exists; rerun writes a new results file and never replaces one (choose another --out)");
		}
		try (Session s = new Session(file, out, store, progress)) {
			List<StoredRun> runs = store.runs(file);
			if (runs.isEmpty()) {
				throw new ProcessingException(file, null, "holds no runs to re-run");
			}
			Map<String, RerunReport.RunCheck> checks = new LinkedHashMap<>();
			for (StoredRun r : s.inDependencyOrder(runs)) {
				checks.put(r.name(), s.rerun(r));
			}
			return new RerunReport(file, store.id(), temporary ? null : out, runs.stream().map(r -> checks.get(r.name())).toList());
		} finally {
			if (temporary) {
				deleteTree(dir);
			}
		}
	}

	/** @return the installed store that wrote this file */
	private ResultsStore owner(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new ProcessingException(file, null, "not found");
		}
		List<String> ids = new ArrayList<>();
		for (ResultsStore s : engine.stores().stores()) {
			if (s.owns(file)) {
				return s;
			}
			ids.add(s.id());
		}
		throw new ProcessingException(file, null, "is not a results file of an installed results store (installed: "
				+ (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
	}

	/** The runs re-created so far, and everything opened, for one rerun. */
	private final class Session implements AutoCloseable {
		private final Path file;
		private final Path out;
		private final ResultsStore store;
		private final ProgressMonitor progress;
		private final List<AutoCloseable> open = new ArrayList<>();
		/** By recorded run key: the recorded run's name and outputs' paths, its re-run result and whether all of it came out identical. */
		private final Map<String, Done> byKey = new LinkedHashMap<>();
		/** By the data path of a recorded output: the run key and output name. */
		private final Map<String, String[]> byPath = new LinkedHashMap<>();
		/** The recorded runs, opened, by name. */
		private final Map<String, OpenedRun> recorded = new LinkedHashMap<>();

		private record Done(RunResult result, boolean identical) {
		}

		Session(Path file, Path out, ResultsStore store, ProgressMonitor progress) {
			this.file = file;
			this.out = out;
			this.store = store;
			this.progress = progress;
		}

		/**
		 * Opens every recorded run (the paths of their outputs: what chained steps and array parameters
		 * name) and orders them so that a run comes after those its input and parameters come from.
		 */
		List<StoredRun> inDependencyOrder(List<StoredRun> runs) {
			for (StoredRun run : runs) {
				OpenedRun o = store.open(file, run.name());
				open.add(o);
				recorded.put(run.name(), o);
				for (Map.Entry<String, String> e : o.paths().entrySet()) {
					byPath.put(e.getValue(), new String[] { run.provenance().key(), e.getKey() });
				}
			}
			List<StoredRun> pending = new ArrayList<>(runs);
			List<StoredRun> ordered = new ArrayList<>();
			java.util.Set<String> placed = new java.util.HashSet<>();
			java.util.Set<String> keys = new java.util.HashSet<>();
			runs.forEach(r -> keys.add(r.provenance().key()));
			while (!pending.isEmpty()) {
				boolean progress = false;
				for (java.util.Iterator<StoredRun> it = pending.iterator(); it.hasNext();) {
					StoredRun r = it.next();
					if (dependencies(r.provenance()).stream().allMatch(k -> placed.contains(k) || !keys.contains(k))) {
						ordered.add(r);
						placed.add(r.provenance().key());
						it.remove();
						progress = true;
					}
				}
				if (!progress) {
					ordered.addAll(pending); // a cycle cannot be recorded; rerun reports what it cannot find
					break;
				}
			}
			return ordered;
		}

		/** @return the keys of the runs a run's input and array parameters come from */
		private List<String> dependencies(Provenance p) {
			List<String> out = new ArrayList<>();
			String[] up = upstream(p);
			if (up != null) {
				out.add(up[0]);
			}
			for (String path : p.parameterSources().values()) {
				String[] ref = byPath.get(path);
				if (ref != null) {
					out.add(ref[0]);
				}
			}
			return out;
		}

		RerunReport.RunCheck rerun(StoredRun run) {
			Provenance p = run.provenance();
			List<String> notes = new ArrayList<>();
			List<RerunReport.DatasetCheck> datasets = new ArrayList<>();
			OpenedRun recorded = this.recorded.get(run.name());
			RunResult r;
			boolean upstreamSame = true;
			try {
				Operation op = operations.get(p.operation());
				if (!op.version().equals(p.operationVersion())) {
					notes.add("operation version changed: " + p.operationVersion() + " recorded, " + op.version() + " installed");
				}
				RunRequest req = input(p, op, notes);
				upstreamSame = !notes.contains(UPSTREAM_DIFFERS);
				Map<String, String> sources = new LinkedHashMap<>();
				req = req.params(parameters(p, op, sources, notes)).parameterSources(sources);
				upstreamSame &= !notes.contains(PARAMETER_DIFFERS);
				r = engine.run(req.navRank(p.sourceNavigationRank()).results(out).store(store.id()).force(true).progress(progress));
				open.add(r);
			} catch (RonchiException | IllegalArgumentException e) {
				notes.add("cannot re-run: " + e.getMessage());
				return new RerunReport.RunCheck(run.name(), p.operation(), p.operationVersion(), null, notes, datasets);
			}
			for (ArrayNode old : recorded.outputs()) {
				ArrayNode now = r.outputs().stream().filter(a -> a.name().equals(old.name())).findFirst().orElse(null);
				DatasetDiff d = now == null ? new DatasetDiff(false, "no such output now") : DatasetDiff.of(old, now);
				datasets.add(new RerunReport.DatasetCheck(old.name(), Shapes.format(old.shape()), old.dtype().numpyName(), d.identical(), d.detail()));
			}
			boolean same = datasets.stream().allMatch(RerunReport.DatasetCheck::identical);
			if (!same && notes.isEmpty() && upstreamSame) {
				notes.add("not reproduced although input, operation and parameters are unchanged (recorded by Ronchi " + p.ronchiVersion()
						+ " on Java " + p.javaVersion() + ", " + p.platform() + ")");
			}
			if (p.key() != null) {
				byKey.put(p.key(), new Done(r, same));
			}
			return new RerunReport.RunCheck(run.name(), p.operation(), p.operationVersion(), r.group(), notes, datasets);
		}

		/** @return the request on the run's input: the recorded source file's dataset, or an upstream run's re-created output */
		private RunRequest input(Provenance p, Operation op, List<String> notes) {
			String[] upstream = upstream(p);
			if (upstream != null) {
				Done up = byKey.get(upstream[0]);
				if (up == null) {
					boolean recordedHere = byPath.values().stream().anyMatch(ref -> upstream[0].equals(ref[0]));
					throw new ProcessingException(file, null, "its input, output '" + upstream[1] + "' of run " + upstream[0].substring(0, 12)
							+ "…, " + (recordedHere ? "could not be re-run" : "is not in this file"));
				}
				if (!up.identical()) {
					notes.add(UPSTREAM_DIFFERS);
				}
				ArrayNode in = up.result().output(upstream[1]);
				return RunRequest.of(op, in).source(out, up.result().outputPath(upstream[1]))
						.sourceIdentity("output " + upstream[1] + " of run " + up.result().key());
			}
			if (p.sourceFile().isEmpty()) {
				throw new ProcessingException(file, null, "its input came from no file (an in-memory array)");
			}
			Path src = Path.of(p.sourceFile());
			if (!Files.isRegularFile(src)) {
				throw new ProcessingException(src, null, "the recorded input file is not there");
			}
			if (!p.sourceChecksum().isEmpty()) {
				String now = Checksums.sha256(src);
				if (!now.equals(p.sourceChecksum())) {
					notes.add("input changed: " + src.getFileName() + " has checksum " + now + ", " + p.sourceChecksum() + " recorded");
				}
			} else {
				notes.add("no checksum of the input recorded: a changed input cannot be told apart");
			}
			DataFile df = loaders.open(src);
			open.add(df);
			ArrayNode a = df.find(p.sourceDataset());
			if (a == null) {
				throw new ProcessingException(src, p.sourceDataset(), "the recorded dataset is no longer in the input");
			}
			if (!p.sourceSlice().isEmpty()) {
				a = DatasetSlice.parse(p.sourceSlice(), a.shape()).apply(a);
			}
			if (!java.util.Arrays.equals(a.shape(), p.sourceShape()) || !a.dtype().numpyName().equals(p.sourceDtype())) {
				notes.add("input changed: " + Shapes.format(a.shape()) + " " + a.dtype().numpyName() + " now, " + Shapes.format(p.sourceShape()) + " "
						+ p.sourceDtype() + " recorded");
			}
			return RunRequest.of(op, a).source(src, p.sourceDataset()).sourceSlice(p.sourceSlice().isEmpty() ? null : p.sourceSlice());
		}

		/** @return {run key, output} of a chained step's input (its key text names the upstream run), or null */
		private String[] upstream(Provenance p) {
			if (p.keyText() != null && !p.keyText().isEmpty()) {
				for (String line : p.keyText().split("\n")) {
					int of = line.indexOf(" of run ");
					if (line.startsWith("output ") && of > 0) {
						return new String[] { line.substring(of + 8).trim(), line.substring(7, of) };
					}
				}
			}
			if (!p.sourceFile().isEmpty() && Path.of(p.sourceFile()).toAbsolutePath().normalize().equals(file)) {
				return byPath.get(p.sourceDataset());
			}
			return null;
		}

		/**
		 * @param sources filled with the re-created output path of array parameters taken from another run
		 * @return the recorded parameters; arrays from the file, or from the re-run of the run they came from
		 */
		private Map<String, Object> parameters(Provenance p, Operation op, Map<String, String> sources, List<String> notes) {
			JsonElement json = JsonParser.parseString(p.parameters());
			Map<String, Object> out = new LinkedHashMap<>();
			for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
				if (!e.getValue().isJsonNull()) {
					out.put(e.getKey(), Workflow.java(e.getValue()));
				}
			}
			for (Parameter d : op.parameters()) {
				if (d.type() != Parameter.Type.ARRAY || !out.containsKey(d.name())) {
					continue;
				}
				String from = p.parameterSources().get(d.name());
				String[] ref = from == null ? null : byPath.get(from);
				Done up = ref == null ? null : byKey.get(ref[0]);
				if (up != null) {
					ArrayNode a = up.result().output(ref[1]);
					Dataset v = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
					out.put(d.name(), v);
					sources.put(d.name(), up.result().outputPath(ref[1]));
					if (!up.identical()) {
						notes.add(PARAMETER_DIFFERS);
					}
				} else if (p.arrayParameters().containsKey(d.name())) {
					out.put(d.name(), p.arrayParameters().get(d.name()));
				} else {
					throw new ProcessingException(file, null, "array parameter '" + d.name() + "' is not stored with the run");
				}
			}
			return out;
		}

		@Override
		public void close() {
			for (AutoCloseable c : open) {
				try {
					c.close();
				} catch (Exception e) {
					// read-only files: nothing to recover
				}
			}
		}
	}

	private static final String UPSTREAM_DIFFERS = "the run its input comes from differs";
	private static final String PARAMETER_DIFFERS = "the run an array parameter comes from differs";

	private static void deleteTree(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		} catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}
}
