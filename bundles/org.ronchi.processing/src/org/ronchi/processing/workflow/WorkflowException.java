package org.ronchi.processing.workflow;

import java.nio.file.Path;

import org.ronchi.processing.ProcessingException;

/** A workflow that cannot run: malformed JSON, an unknown operation, a bad parameter or a shape mismatch, with the step named. */
public class WorkflowException extends ProcessingException {
	private static final long serialVersionUID = 1L;

	public WorkflowException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public WorkflowException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}
}
