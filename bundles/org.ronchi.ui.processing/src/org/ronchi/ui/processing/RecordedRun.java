package org.ronchi.ui.processing;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ronchi.core.model.DataFile;

/**
 * A run as the desktop records it (the payload of a {@link org.ronchi.ui.History} run or detector
 * entry): what it ran on, the operation and the version it had, its parameters, and where its outputs
 * went — enough to write it as a workflow step ({@link Recipes}).
 *
 * @param input        the dataset of a file, or an output of an earlier recorded run
 * @param parameters   the values the run got (validated, defaults filled in where the view planned them);
 *                     arrays as January datasets or Java arrays
 * @param title        what the history shows ("Virtual image on datacube")
 * @param resultsFile  the results file it was saved to, or null if it was kept in memory
 * @param store        the id of the results store that wrote that file (EMD 1.0, NeXus), or null
 * @param runName      its run in that file, or null
 * @param outputs      the in-memory file the Data Tree shows its outputs in (a later run on one of them is
 *                     chained to this one), or null
 * @param outputPaths  where each output is in the results file (what a chained run records as its source)
 * @param key          the run's identity (what a chained run records as its source's), or null
 */
public record RecordedRun(Input input, String operation, String version, Map<String, Object> parameters, String title, Path resultsFile,
		String store, String runName, DataFile outputs, Map<String, String> outputPaths, String key) {

	/** What a run read. */
	public sealed interface Input permits FileInput, Upstream {
	}

	/**
	 * A dataset of a file.
	 *
	 * @param slice          the box of it that was read (NumPy syntax), or null for all of it
	 * @param navigationRank the navigation split the run used
	 */
	public record FileInput(Path file, String dataset, String slice, int navigationRank) implements Input {
	}

	/** An output of an earlier recorded run. */
	public record Upstream(RecordedRun run, String output) implements Input {
	}

	public RecordedRun {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		outputPaths = outputPaths == null ? Map.of() : Map.copyOf(outputPaths);
	}

	/** @return the file input at the start of this run's chain */
	public FileInput root() {
		Input in = input;
		while (in instanceof Upstream u) {
			in = u.run().input();
		}
		return (FileInput) in;
	}
}
