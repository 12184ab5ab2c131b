package org.ronchi.processing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;

/**
 * What a run produced: its outputs as arrays with calibrated axes (lazy, read from the results file
 * when there is one), where they are stored and how the run went. Close it to release the results file.
 *
 * @param outputPaths where each output's data is in the results file, by output name (empty without one)
 * @param group the run's name in the results file (null without a results file)
 * @param store the id of the results store that wrote the results file (null without one): what a
 *              workflow re-creating the run names as its {@code output.store}
 * @param partitionsRun partitions computed by this call (0 when reused)
 * @param partitionsTotal partitions of the whole run
 * @param bytesRead input bytes read by this call
 * @param key the run's identity (SHA-256 of operation, version, parameters and source), null without a source
 */
public record RunResult(Status status, Plan plan, List<ArrayNode> outputs, Map<String, String> outputPaths, Path resultsFile, String group,
		String store, int partitionsRun, int partitionsTotal, long bytesRead, long nanos, String key, AutoCloseable handle) implements AutoCloseable {

	/** How the result came about. */
	public enum Status {
		/** Computed from the start. */
		COMPUTED,
		/** Continued from partitions an interrupted run recorded. */
		RESUMED,
		/** An identical earlier result was found in the results file and returned without computing. */
		REUSED,
		/** {@link Engine#test}: one frame, nothing stored. */
		TESTED
	}

	/**
	 * @return the output with this buffer name
	 * @throws IllegalArgumentException naming the outputs there are
	 */
	public ArrayNode output(String name) {
		for (ArrayNode a : outputs) {
			if (a.name().equals(name)) {
				return a;
			}
		}
		throw new IllegalArgumentException("no output '" + name + "'; outputs are " + outputs.stream().map(ArrayNode::name).toList());
	}

	/**
	 * @return where the named output's data is in the results file (what a later step reading it records
	 *         as its source dataset)
	 * @throws IllegalArgumentException if the run has no results file or no such output
	 */
	public String outputPath(String name) {
		String p = outputPaths.get(name);
		if (p == null) {
			throw new IllegalArgumentException("output '" + name + "' is not in a results file; outputs stored: " + outputPaths.keySet());
		}
		return p;
	}

	/** @return input bytes per second of this call (0 if nothing was read) */
	public double bytesPerSecond() {
		return nanos <= 0 ? 0 : bytesRead * 1e9 / nanos;
	}

	@Override
	public void close() {
		if (handle != null) {
			try {
				handle.close();
			} catch (Exception e) {
				// read-only results file
			}
		}
	}
}
