package org.ronchi.processing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;

/**
 * One run of one operation on one input, as handed to {@link Engine#run}. Immutable; start with
 * {@link #of} and add what differs from the defaults:
 * <pre>
 * RunRequest.of(op, node).params(Map.of("radius", 4)).source(file, "/data").results(resultsFile)
 * </pre>
 *
 * @param sourceFile the file the input comes from (provenance, result reuse), or null
 * @param sourceDataset the input's path in that file; defaults to the node's path
 * @param navRank navigation dimensions, overriding the data's axes; null to let the engine decide
 * @param resultsFile where results are written (appended as a new group), or null to keep them in memory
 * @param force compute even if an identical result exists in the results file
 * @param toolName the "Tool" in the results group name {@code Source-Tool_NNN}; defaults to the operation id
 * @param sourceIdentity what identifies the input's content for reuse and resume, instead of the source
 *                       file's size and modification time (e.g. the run key of the step that produced it)
 * @param resultsStore the id of the {@link org.ronchi.processing.results.ResultsStore} that writes the
 *                     results file; null for {@link org.ronchi.processing.results.ResultsStore#DEFAULT}
 * @param sourceSlice the NumPy-style slice of the source dataset the input is (provenance, identity), or null
 * @param parameterSources for array parameters taken from another run's output: that output's path in the
 *                         results file, by parameter name (provenance: a rerun takes them from there again)
 */
public record RunRequest(Operation operation, ArrayNode input, Map<String, Object> params, Path sourceFile, String sourceDataset,
		Integer navRank, Path resultsFile, boolean force, ProgressMonitor progress, String toolName, String sourceIdentity,
		String resultsStore, String sourceSlice, Map<String, String> parameterSources) {

	public RunRequest {
		params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
		parameterSources = parameterSources == null ? Map.of() : Map.copyOf(parameterSources);
		progress = progress == null ? ProgressMonitor.NULL : progress;
		sourceDataset = sourceDataset == null && input != null ? input.path() : sourceDataset;
		toolName = toolName == null && operation != null ? operation.id() : toolName;
	}

	public static RunRequest of(Operation op, ArrayNode input) {
		return new RunRequest(op, input, Map.of(), null, null, null, null, false, null, null, null, null, null, null);
	}

	public RunRequest params(Map<String, ?> p) {
		return new RunRequest(operation, input, new LinkedHashMap<>(p), sourceFile, sourceDataset, navRank, resultsFile, force, progress, toolName, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	public RunRequest source(Path file, String dataset) {
		return new RunRequest(operation, input, params, file, dataset, navRank, resultsFile, force, progress, toolName, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	public RunRequest navRank(Integer n) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, n, resultsFile, force, progress, toolName, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	public RunRequest results(Path file) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, file, force, progress, toolName, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	public RunRequest force(boolean f) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, f, progress, toolName, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	public RunRequest progress(ProgressMonitor m) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, force, m, toolName, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	public RunRequest sourceIdentity(String identity) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, force, progress, toolName, identity, resultsStore, sourceSlice, parameterSources);
	}

	/** @return this request writing its results file with the store of this id (null: the default) */
	public RunRequest store(String id) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, force, progress, toolName, sourceIdentity, id, sourceSlice, parameterSources);
	}

	public RunRequest toolName(String name) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, force, progress, name, sourceIdentity, resultsStore, sourceSlice, parameterSources);
	}

	/** @return this request recording that its input is this slice of the source dataset */
	public RunRequest sourceSlice(String slice) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, force, progress, toolName, sourceIdentity,
				resultsStore, slice, parameterSources);
	}

	/** @return this request recording where its array parameters came from (output paths in the results file) */
	public RunRequest parameterSources(Map<String, String> sources) {
		return new RunRequest(operation, input, params, sourceFile, sourceDataset, navRank, resultsFile, force, progress, toolName, sourceIdentity,
				resultsStore, sourceSlice, sources);
	}
}
