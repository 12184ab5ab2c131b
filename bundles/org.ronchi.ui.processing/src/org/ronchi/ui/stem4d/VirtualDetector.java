package org.ronchi.ui.stem4d;

import java.util.function.BooleanSupplier;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;

/** Computes a virtual image: every pattern of a 4-D cube summed under a detector. */
public interface VirtualDetector {

	/**
	 * Runs on a background thread.
	 *
	 * @param cube scan y x scan x x detector y x detector x
	 * @param superseded true once the result is no longer wanted: stop early (throwing is fine)
	 * @return the virtual image, scan y x scan x
	 */
	Dataset compute(ArrayNode cube, DetectorShape detector, BooleanSupplier superseded);

	/** @return how it computes, for the status line (e.g. the operation id) */
	String describe();
}
