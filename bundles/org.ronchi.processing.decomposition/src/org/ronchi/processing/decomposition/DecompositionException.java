package org.ronchi.processing.decomposition;

import org.ronchi.processing.ProcessingException;

/** Root of this bundle's errors: the step and what is wrong with its input, on one line. */
public class DecompositionException extends ProcessingException {
	private static final long serialVersionUID = 1L;

	public DecompositionException(String step, String problem) {
		super(null, step, problem);
	}
}
