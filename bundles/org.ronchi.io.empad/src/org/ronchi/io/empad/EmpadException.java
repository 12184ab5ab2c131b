package org.ronchi.io.empad;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the EMPAD reader raises about an acquisition: an XML that is not EMPAD's or does not
 * parse, a scan size out of range, a missing {@code .raw} data file, a {@code .raw} whose last frame is cut.
 * The message names the file, the structure and its byte offset (or XML element).
 */
public class EmpadException extends FormatException {
	private static final long serialVersionUID = 1L;

	public EmpadException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public EmpadException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}
}
