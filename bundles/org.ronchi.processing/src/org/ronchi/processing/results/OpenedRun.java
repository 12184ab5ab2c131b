package org.ronchi.processing.results;

import java.util.List;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;

/**
 * A recorded run with its outputs opened (lazy, read from the results file). Close it to release the file.
 *
 * @param paths  where each output's data is inside the file, by output name (the source path a later
 *               step that reads the output records in its provenance)
 * @param handle what closing releases (the opened file), or null
 */
public record OpenedRun(String name, Provenance provenance, List<ArrayNode> outputs, Map<String, String> paths, AutoCloseable handle)
		implements AutoCloseable {

	public OpenedRun {
		outputs = List.copyOf(outputs);
		paths = Map.copyOf(paths);
	}

	@Override
	public void close() {
		if (handle != null) {
			try {
				handle.close();
			} catch (Exception e) {
				// a read-only file: nothing to recover
			}
		}
	}
}
