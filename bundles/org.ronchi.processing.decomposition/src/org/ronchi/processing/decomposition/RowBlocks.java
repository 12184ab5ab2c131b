package org.ronchi.processing.decomposition;

/**
 * A matrix read as passes over blocks of consecutive rows (navigation positions × signal values,
 * HyperSpy's unfolded layout): the way the decompositions here see data, so they never hold it whole.
 * A pass maps every block to a partial result and merges the partials <b>in block order</b>, so results
 * do not depend on how many threads ran it, exactly as the engine merges partitions.
 */
public interface RowBlocks {

	int rows();

	int columns();

	/** One pass: a partial result per block, merged in order. */
	interface Pass<P> {
		/** @return an empty partial result */
		P start();

		/** Adds rows {@code first .. first + count - 1} ({@code data}: count × columns, C order, read-only, valid during the call). */
		void block(long first, int count, float[] data, P partial);

		/** Merges a later block's partial into the running one. */
		void merge(P into, P later);
	}

	/** Runs one pass over every row; returns the merged partial. */
	<P> P run(Pass<P> pass);
}
