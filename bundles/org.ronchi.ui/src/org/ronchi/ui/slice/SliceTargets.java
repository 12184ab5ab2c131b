package org.ronchi.ui.slice;

import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.io.usid.MainCheck;
import org.ronchi.io.usid.MainDataset;

/**
 * What array a selected tree node is sliced as. A USID Main dataset is stored 2-D (positions x
 * spectroscopic steps), but users think in its named dimensions, so it is sliced in its N-dimensional
 * form (pyUSID's get_n_dim_form, size-1 dimensions dropped as HyperSpy does); everything else as it is.
 * Resolving reads the USID index datasets, so call it off the UI thread.
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
		boolean main = MainDataset.KIND.equals(node.kind()) || (node.rank() == 2 && MainCheck.isMain(node));
		if (!main) {
			return new Target(node, "");
		}
		try {
			ArrayNode nd = MainDataset.of(null, node).ndim(false, true);
			if (nd.rank() == 0) {
				return new Target(node, "");
			}
			return new Target(nd, "USID Main dataset, sliced in its N-dimensional form " + org.ronchi.core.lazy.Shapes.format(nd.shape()));
		} catch (RonchiException e) {
			return new Target(node, "USID Main dataset shown as stored (2-D): " + e.problem());
		}
	}
}
