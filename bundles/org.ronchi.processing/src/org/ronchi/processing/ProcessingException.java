package org.ronchi.processing;

import java.nio.file.Path;

import org.ronchi.core.io.RonchiException;

/**
 * Root of every error the engine, an operation or a workflow reports: a bad parameter, an input the
 * operation cannot take, a cancelled run, a results file that cannot be written. One line, naming
 * what it is about, as every {@link RonchiException}.
 */
public class ProcessingException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public ProcessingException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public ProcessingException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}
}
