package org.ronchi.processing.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;

/**
 * Where a run's results come from, completely enough to run it again ({@code ronchi rerun}): the
 * operation (id, name, version), its parameters (canonical JSON; array parameters such as masks as
 * arrays, and which output of another run each came from), the source (file and its checksum, dataset,
 * slice, shape, element type, navigation split), the run's key and what was hashed for it, and where and
 * when it ran. Stores write every field and read them back.
 *
 * @param parameters       the validated parameters as canonical JSON (array parameters by their SHA-256)
 * @param arrayParameters  the array parameters by name (masks, references), whole
 * @param sourceFile       the input's absolute path, "" for data that came from no file
 * @param sourceDtype      NumPy name of the input's element type
 * @param key              SHA-256 of keyText: equal keys mean an identical run (null without a source file)
 * @param keyText          what was hashed: operation, version, parameters, source path, its size and
 *                         modification time (or the upstream run's key for chained steps), dataset, slice,
 *                         shape, dtype, navigation split
 * @param partitions       how many partitions the run was cut into
 * @param time             when the run finished, ISO 8601 with offset, seconds
 * @param sourceSlice      the NumPy-style slice of the source dataset the run read ("" for all of it)
 * @param sourceChecksum   "sha256:HEX" of the source file's bytes; "" when the source is another run's
 *                         output in the same results file (its run is the identity) or no file
 * @param parameterSources for array parameters that were another run's output: the output's data path in
 *                         the same results file, by parameter name
 */
public record Provenance(String operation, String operationName, String operationVersion, String parameters,
		Map<String, Dataset> arrayParameters, String sourceFile, String sourceDataset, long[] sourceShape, String sourceDtype,
		int sourceNavigationRank, String key, String keyText, int partitions, String time, String machine, String ronchiVersion,
		String javaVersion, String platform, String sourceSlice, String sourceChecksum, Map<String, String> parameterSources) {

	public Provenance {
		arrayParameters = Collections.unmodifiableMap(new LinkedHashMap<>(arrayParameters == null ? Map.of() : arrayParameters));
		sourceShape = sourceShape.clone();
		sourceSlice = sourceSlice == null ? "" : sourceSlice;
		sourceChecksum = sourceChecksum == null ? "" : sourceChecksum;
		parameterSources = Collections.unmodifiableMap(new LinkedHashMap<>(parameterSources == null ? Map.of() : parameterSources));
	}

	/** The provenance of stores that keep no slice, checksum or parameter sources (files written before they were recorded). */
	public Provenance(String operation, String operationName, String operationVersion, String parameters, Map<String, Dataset> arrayParameters,
			String sourceFile, String sourceDataset, long[] sourceShape, String sourceDtype, int sourceNavigationRank, String key, String keyText,
			int partitions, String time, String machine, String ronchiVersion, String javaVersion, String platform) {
		this(operation, operationName, operationVersion, parameters, arrayParameters, sourceFile, sourceDataset, sourceShape, sourceDtype,
				sourceNavigationRank, key, keyText, partitions, time, machine, ronchiVersion, javaVersion, platform, "", "", Map.of());
	}

	@Override
	public long[] sourceShape() {
		return sourceShape.clone();
	}
}
