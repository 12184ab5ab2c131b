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

	/** Declares memory the kernel uses per frame beyond its buffers, for the memory budget. */
	void workingBytesPerFrame(long bytes);

	/** @return an exception naming a parameter of this operation and what is wrong with its value */
	default ParameterException badParameter(String parameter, String problem) {
		return new ParameterException(operationId(), parameter, problem);
	}
}
