package org.ronchi.processing;

/**
 * Every buffer of a run, as {@link Kernel#finish} sees them (and, in a multi-pass run, as
 * {@link Setup.NextPass#build} sees them between passes).
 */
public interface Results {

	/**
	 * @return a NAV buffer as a lazy array, for finishing steps that stream through outputs larger than
	 *         memory (e.g. a per-pixel median over all positions reads one band of pixels at a time)
	 */
	org.ronchi.core.lazy.ArraySource source(String name);

	/** @return a buffer; NAV buffers are loaded whole on the first request (mind their size) */
	Buffer get(String name);

	/** @return a POINTS buffer's lists for the whole run, read on request */
	org.ronchi.core.lazy.PointListSource points(String name);

	InputInfo input();

	/** @return the pass whose buffers these are: 0 for a single-pass run, the pass just finished otherwise */
	int pass();

	Params params();
}
