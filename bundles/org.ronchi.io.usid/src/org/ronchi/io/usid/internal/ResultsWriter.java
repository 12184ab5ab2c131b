package org.ronchi.io.usid.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.io.usid.ResultsGroup;
import org.ronchi.io.usid.UsidException;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;

/**
 * A results group, {@code <Source>-<Tool>_NNN} (pyUSID DM-50..53, {@code create_results_group}):
 * created beside its source Main dataset with the next free run index, carrying the book-keeping
 * attributes, {@code tool}, {@code num_source_dsets} = 1, {@code source_000} (object reference to the
 * source) and the tool's parameters as simple attributes; the results inside are Main datasets.
 */
public final class ResultsWriter {
	private ResultsWriter() {
	}

	/**
	 * Writes one run beside source (in its parent group, whose existing child names are given).
	 *
	 * @return the group written
	 */
	public static WGroup write(WGroup parent, Collection<String> existing, WDataset source, String tool, Map<String, Object> parameters,
			List<ArrayNode> results, LocalDateTime when) {
		ResultsGroup rg = ResultsGroup.next(source.name(), tool, existing);
		WGroup g = parent.group(rg.name());
		Map<String, Object> own = rg.attributes(when);
		own.put("source_000", source);
		for (Map.Entry<String, Object> e : own.entrySet()) {
			g.attribute(e.getKey(), e.getValue());
		}
		for (Map.Entry<String, Object> e : parameters.entrySet()) {
			if (own.containsKey(e.getKey())) {
				throw new UsidException(null, g.path(), "parameter " + e.getKey() + " would overwrite a book-keeping attribute");
			}
			if (e.getValue() != null) { // pyUSID's write_simple_attrs skips None
				g.attribute(e.getKey(), e.getValue());
			}
		}
		for (int k = 0; k < results.size(); k++) {
			ArrayNode r = results.get(k);
			// the first result gets pyUSID's plain ancillary names; later ones a prefix, as pyUSID's aux_*_prefix
			MainWriter.write(g, r, r.name(), k == 0 ? "" : ResultsGroup.cleanName(r.name()) + "_", when);
		}
		return g;
	}
}
