package org.ronchi.ui.stem4d;

import java.util.function.BooleanSupplier;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

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

	/**
	 * @return the processing-engine request that computes this detector's image of the cube (what the
	 *         explorer records and saves), or null if this detector does not compute through the engine
	 */
	default RunRequest request(ArrayNode cube, DetectorShape detector) {
		return null;
	}

	/**
	 * Runs a request built from {@link #request} (with a source and a results file added). Runs on a
	 * background thread.
	 *
	 * @throws UnsupportedOperationException if this detector does not compute through the engine
	 */
	default RunResult run(RunRequest request) {
		throw new UnsupportedOperationException(describe() + " cannot save results");
	}
}
