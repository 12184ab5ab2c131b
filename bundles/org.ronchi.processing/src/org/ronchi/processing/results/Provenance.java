package org.ronchi.processing.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;

/**
 * Where a run's results come from, completely enough to run it again: the operation (id, name,
 * version), its parameters (canonical JSON; array parameters such as masks as arrays), the source
 * (file, dataset, shape, element type, navigation split), the run's key and what was hashed for it,
 * and where and when it ran. Stores write every field and read them back.
 *
 * @param parameters      the validated parameters as canonical JSON (array parameters by their SHA-256)
 * @param arrayParameters the array parameters by name (masks, references), whole
 * @param sourceFile      the input's absolute path, "" for data that came from no file
 * @param sourceDtype     NumPy name of the input's element type
 * @param key             SHA-256 of keyText: equal keys mean an identical run (null without a source file)
 * @param keyText         what was hashed: operation, version, parameters, source path, its size and
 *                        modification time (or the upstream run's key for chained steps), dataset, shape,
 *                        dtype, navigation split
 * @param partitions      how many partitions the run was cut into
 * @param time            when the run finished, ISO 8601 with offset, seconds
 */
public record Provenance(String operation, String operationName, String operationVersion, String parameters,
		Map<String, Dataset> arrayParameters, String sourceFile, String sourceDataset, long[] sourceShape, String sourceDtype,
		int sourceNavigationRank, String key, String keyText, int partitions, String time, String machine, String ronchiVersion,
		String javaVersion, String platform) {

	public Provenance {
		arrayParameters = Collections.unmodifiableMap(new LinkedHashMap<>(arrayParameters == null ? Map.of() : arrayParameters));
		sourceShape = sourceShape.clone();
	}

	@Override
	public long[] sourceShape() {
		return sourceShape.clone();
	}
}
