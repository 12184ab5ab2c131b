package org.ronchi.core.model;

/**
 * How an array stored folded unfolds into the dimensions it means, attached to its
 * {@link ArrayNode} by the loader that knows the folding ({@link ArrayNode#ndimForm()}). A USID Main
 * dataset, for example, is stored 2-D (positions x spectroscopic steps), each side a flattening of
 * named dimensions (X, Y; bias, cycle); its N-dimensional form has one calibrated axis per named
 * dimension. Viewers and exporters use this hook and need no format code.
 */
@FunctionalInterface
public interface NdimForm {

	/**
	 * Builds the N-dimensional form, lazily (reading index data the format keeps beside the array, not
	 * the array itself).
	 *
	 * @param sortDims false: dimensions in stored order; true: each side from the fastest-varying to the
	 *                 slowest (pyUSID's {@code sort_dims=True})
	 * @param squeeze  drop dimensions of size 1 (as HyperSpy does)
	 * @throws org.ronchi.core.io.RonchiException if the stored data does not form a full grid
	 */
	ArrayNode array(boolean sortDims, boolean squeeze);
}
