package org.ronchi.processing.results;

import java.util.List;

import org.ronchi.core.model.ArrayNode;

/**
 * What a store appends for one finished run.
 *
 * @param sourceName the input's name, the "Source" of an h5USID-style run name {@code Source-Tool_NNN}
 * @param tool       the "Tool" of that name (the operation id unless the request says otherwise)
 * @param outputs    one array node per written buffer: lazy data with its dtype and shape, calibrated axes
 *                   (navigation flags set), title, kind, quantity and units; a point-list output carries its
 *                   records ({@link ArrayNode#pointLists()}) and the record counts as its data
 */
public record RunRecord(String sourceName, String tool, Provenance provenance, List<ArrayNode> outputs) {

	public RunRecord {
		outputs = List.copyOf(outputs);
	}
}
