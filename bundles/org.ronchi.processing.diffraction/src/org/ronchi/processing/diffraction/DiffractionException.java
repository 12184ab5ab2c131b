package org.ronchi.processing.diffraction;

import org.ronchi.processing.ProcessingException;

/**
 * Root of the errors of this bundle's analyses: the step ("probe size", "lattice fit") and what is
 * wrong with its input, in words, on one line.
 */
public class DiffractionException extends ProcessingException {
	private static final long serialVersionUID = 1L;

	public DiffractionException(String step, String problem) {
		super(null, step, problem);
	}
}
