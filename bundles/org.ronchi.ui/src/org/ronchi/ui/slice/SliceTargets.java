package org.ronchi.ui.slice;

import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;

/**
 * What array a selected tree node is sliced as. An array stored folded (a USID Main dataset: positions x
 * spectroscopic steps) is sliced in the N-dimensional form its loader attached
 * ({@link ArrayNode#ndimForm()}: pyUSID's get_n_dim_form, size-1 dimensions dropped as HyperSpy does),
 * because users think in its named dimensions; everything else as it is. Resolving may read index
 * datasets, so call it off the UI thread.
 */
public final class SliceTargets {
	private SliceTargets() {
	}

	/**
	 * @param node the array to slice
	 * @param note what was done, for the user ("" if nothing), e.g. why a Main dataset stays 2-D
	 */
	public record Target(ArrayNode node, String note) {
	}

	public static Target resolve(ArrayNode node) {
		if (node.ndimForm() == null) {
			return new Target(node, "");
		}
		String what = node.kind() + " " + node.name();
		try {
			ArrayNode nd = node.ndimForm().array(false, true);
			if (nd.rank() == 0) {
				return new Target(node, "");
			}
			return new Target(nd, what + ", sliced in its N-dimensional form " + org.ronchi.core.lazy.Shapes.format(nd.shape()));
		} catch (RonchiException e) {
			return new Target(node, what + " shown as stored: " + e.problem());
		}
	}
}
