package org.ronchi.ui.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * The outputs of the run an array in the Data Tree belongs to, by output name: what the analysis views
 * (strain maps, decomposition) gather from one selected output. A run is a group: the root of the
 * in-memory file a Processing-view run gives ({@code ResultFiles}), or a run group of a results file
 * opened from disk, whose outputs are EMD array groups holding {@code data}.
 */
public final class RunArrays {
	private RunArrays() {
	}

	/** @return the run's outputs by name (the selected one included), in file order; empty if a has no parent */
	public static Map<String, ArrayNode> of(ArrayNode a) {
		Map<String, ArrayNode> out = new LinkedHashMap<>();
		Group g = a.parent();
		if (g == null) {
			out.put(a.name(), a);
			return out;
		}
		Group run = a.name().equals("data") && g.parent() != null ? g.parent() : g;
		for (Node c : run.children()) {
			if (c instanceof ArrayNode n) {
				out.put(n.name(), n);
			} else if (c instanceof Group sub && sub.child("data") instanceof ArrayNode d) {
				out.put(sub.name(), d);
			}
		}
		return out;
	}

	/** @return the name of an output as its run names it (an EMD array's data is named after its group) */
	public static String name(ArrayNode a) {
		return a.name().equals("data") && a.parent() != null && a.parent().parent() != null ? a.parent().name() : a.name();
	}
}
