package org.ronchi.processing;

/**
 * What {@link Operation#prepare} works with: the validated parameters, a description of the input
 * (never its data), and the methods to declare result buffers and the navigation transform.
 */
public interface Setup {

	String operationId();

	Params params();

	InputInfo input();

	/**
	 * Declares a result buffer. A SIG buffer without a shape gets the input's frame shape and signal axes.
	 *
	 * @return the declaration as completed by the engine
	 */
	BufferSpec declare(BufferSpec spec);

	/** Sets how the navigation grid of NAV outputs derives from the input's (crop, thin, bin, pad in R). */
	void navigation(NavTransform transform);

	/** @return the current navigation transform (the identity unless set) */
	NavTransform navigation();

	/**
	 * Makes the run take {@code count} passes over the input instead of one (an iterative or randomized
	 * algorithm: a randomized SVD's range finder, one NMF iteration per pass). Every pass maps the same
	 * partitions and merges them in order; the kernel {@link Operation#prepare} returns maps pass 0, and
	 * after each pass's {@link Kernel#finish} the engine asks {@code next} for the kernel of the following
	 * one. Buffers are declared here once for the whole run ({@link BufferSpec#inPasses} says which passes
	 * fill one); the outputs are what they hold after the last pass.
	 * <p>
	 * Everything a pass needs from the ones before it must be in buffers (typically RESULT buffers
	 * written in finish), never in the previous kernel's fields: a resumed run rebuilds the kernel of
	 * the pass it stopped in from the buffers recorded when the pass before it ended.
	 *
	 * @param count passes, at least 1 (1: a single-pass run, next is never called)
	 */
	void passes(int count, NextPass next);

	/** @return the passes of the run (1 unless {@link #passes(int, NextPass)} was called) */
	int passes();

	/** Builds the kernel of a later pass of a multi-pass run ({@link Setup#passes}). */
	@FunctionalInterface
	interface NextPass {
		/**
		 * <b>Runs on</b> the thread that called the engine, after pass {@code pass - 1}'s finish (or when a
		 * run resumes in pass {@code pass}). <b>Sees</b> the buffers as pass {@code pass - 1} left them
		 * ({@link Results#pass()} is {@code pass - 1}), except NAV and POINTS buffers that pass
		 * {@code pass} fills, which it may overwrite (reading one throws).
		 *
		 * @return the kernel of pass {@code pass}; null ends the run early (e.g. an iteration converged)
		 */
		Kernel build(int pass, Results previous);
	}

	/** Declares memory the kernel uses per frame beyond its buffers, for the memory budget. */
	void workingBytesPerFrame(long bytes);

	/** @return an exception naming a parameter of this operation and what is wrong with its value */
	default ParameterException badParameter(String parameter, String problem) {
		return new ParameterException(operationId(), parameter, problem);
	}
}
