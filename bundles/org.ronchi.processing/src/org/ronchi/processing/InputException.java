package org.ronchi.processing;

import java.nio.file.Path;

/** The input does not fit the operation: wrong rank, dtype or signal shape, or a shape mismatch between steps. */
public class InputException extends ProcessingException {
	private static final long serialVersionUID = 1L;

	public InputException(Path file, String where, String problem) {
		super(file, where, problem);
	}
}
