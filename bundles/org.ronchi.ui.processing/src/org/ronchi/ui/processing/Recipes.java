package org.ronchi.ui.processing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ronchi.core.model.DataFile;
import org.ronchi.processing.results.Checksums;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.ui.History;

/**
 * Desktop runs as workflows ({@code ronchi run} reads them): the recorded runs, with the runs their
 * inputs come from, become steps in recording order (a run on an earlier run's output reads
 * {@code "step.output"}); the file they all start from is the input, pinned by its SHA-256, with its
 * dataset, slice and navigation split; each step is pinned to the operation version it ran with; the
 * output goes where the desktop saved its results, written by the store that wrote them (EMD 1.0 or
 * NeXus).
 */
public final class Recipes {
	private Recipes() {
	}

	/** @return the runs the entries carry (run and detector entries), in order */
	public static List<RecordedRun> runs(List<History.Entry> entries) {
		List<RecordedRun> out = new ArrayList<>();
		for (History.Entry e : entries) {
			if (e.payload() instanceof RecordedRun r) {
				out.add(r);
			}
		}
		return out;
	}

	/** @return the recorded run whose outputs the Data Tree shows as this file, or null */
	public static RecordedRun producerOf(History history, DataFile outputs) {
		if (outputs == null) {
			return null;
		}
		for (RecordedRun r : runs(history.entries())) {
			if (r.outputs() == outputs) {
				return r;
			}
		}
		return null;
	}

	/**
	 * @param description what the workflow says it is
	 * @throws IllegalArgumentException if there is no run, or the runs start from different inputs (a
	 *                                  workflow applies its steps to one dataset of each input file)
	 */
	public static Workflow workflow(List<RecordedRun> runs, String description) {
		if (runs.isEmpty()) {
			throw new IllegalArgumentException("no run to save: run an operation (Processing) or draw a detector (4D-STEM Explorer) first");
		}
		List<RecordedRun> steps = new ArrayList<>();
		Set<RecordedRun> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		for (RecordedRun r : runs) {
			withUpstream(r, steps, seen);
		}
		RecordedRun.FileInput root = steps.get(0).root();
		for (RecordedRun r : steps) {
			RecordedRun.FileInput other = r.root();
			if (!other.equals(root)) {
				throw new IllegalArgumentException("the runs start from different inputs (" + describe(root) + "; " + describe(other)
						+ "): select runs on one dataset");
			}
		}
		Map<RecordedRun, String> names = new IdentityHashMap<>();
		Map<String, String> byContent = new HashMap<>();
		Set<String> taken = new HashSet<>();
		List<Workflow.Step> out = new ArrayList<>();
		for (RecordedRun r : steps) {
			String input = r.input() instanceof RecordedRun.Upstream u ? names.get(u.run()) + "." + u.output() : null;
			Map<String, Object> params = parameters(r);
			// the same computation recorded twice (a detector, then saved) is one step
			String content = content(r, input);
			String same = byContent.get(content);
			if (same != null) {
				names.put(r, same);
				continue;
			}
			String name = name(r.operation(), taken);
			names.put(r, name);
			byContent.put(content, name);
			out.add(new Workflow.Step(name, r.operation(), params, input, r.version()));
		}
		String file = root.file().toAbsolutePath().normalize().toString();
		Path results = commonResultsFile(steps);
		// the store that wrote it (the desktop's preference at the time), so the replay writes the same kind of file
		String store = results == null ? null : steps.stream().filter(r -> r.resultsFile() != null).map(RecordedRun::store).findFirst().orElse(null);
		return new Workflow(null, List.of(file), root.dataset(), root.navigationRank(), out,
				results == null ? null : results.getParent().toString(), results == null ? null : results.getFileName().toString(), false, store,
				null, root.slice(), Map.of(file, Checksums.sha256(root.file())), description);
	}

	/** @return whether two recorded runs compute the same: operation, version, input and parameters */
	public static boolean sameComputation(RecordedRun a, RecordedRun b) {
		return a.input().equals(b.input()) && content(a, null).equals(content(b, null));
	}

	/** @param input the step's input as the workflow names it ("step.output"), or null for the workflow's dataset */
	private static String content(RecordedRun r, String input) {
		return r.operation() + "\n" + r.version() + "\n" + input + "\n"
				+ new Workflow.Step("", r.operation(), parameters(r), input, r.version()).parametersJson();
	}

	/** @return the parameters that have a value (a step leaves the others to their defaults) */
	private static Map<String, Object> parameters(RecordedRun r) {
		Map<String, Object> params = new LinkedHashMap<>();
		r.parameters().forEach((k, v) -> {
			if (v != null) {
				params.put(k, v);
			}
		});
		return params;
	}

	private static void withUpstream(RecordedRun r, List<RecordedRun> steps, Set<RecordedRun> seen) {
		if (seen.contains(r)) {
			return;
		}
		if (r.input() instanceof RecordedRun.Upstream u) {
			withUpstream(u.run(), steps, seen);
		}
		seen.add(r);
		steps.add(r);
	}

	/** @return e.g. "virtual_image", "virtual_image_2": the operation id's last part, unique */
	private static String name(String operation, Set<String> taken) {
		String base = operation.substring(operation.lastIndexOf('.') + 1).replace('-', '_').toLowerCase(Locale.ROOT);
		String name = base;
		for (int i = 2; !taken.add(name); i++) {
			name = base + "_" + i;
		}
		return name;
	}

	/** @return the results file every saved run went to, if they all went to one */
	private static Path commonResultsFile(List<RecordedRun> runs) {
		Path common = null;
		for (RecordedRun r : runs) {
			if (r.resultsFile() == null) {
				continue;
			}
			if (common != null && !common.equals(r.resultsFile())) {
				return null;
			}
			common = r.resultsFile();
		}
		return common == null ? null : common.toAbsolutePath().normalize();
	}

	private static String describe(RecordedRun.FileInput in) {
		return in.file().getFileName() + ":" + in.dataset() + (in.slice() == null ? "" : "[" + in.slice() + "]");
	}

	/** @return a file's name without its extension, as workflows name results files ({stem}_results.h5) */
	public static String stem(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/** Writes a workflow file: a temporary file beside it, then renamed over it. */
	public static void write(Workflow w, Path file) {
		Path target = file.toAbsolutePath().normalize();
		Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
		try {
			Files.writeString(tmp, w.toJson(), StandardCharsets.UTF_8);
			try {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// nothing more to clean
			}
			throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
		}
	}
}
