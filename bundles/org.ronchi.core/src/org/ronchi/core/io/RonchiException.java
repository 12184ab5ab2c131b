package org.ronchi.core.io;

import java.nio.file.Path;

/**
 * Root of every error Ronchi reports about a file or a request. Unchecked, so that lazy slicing code
 * (called through January's interfaces) can raise it, and always carrying context: the file, and
 * where inside it (an HDF5 object path, a byte offset, a frame) the problem was found.
 * <p>
 * {@link #getMessage()} is the one line the CLI prints: {@code file: where: problem}.
 */
public class RonchiException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final transient Path file;
	private final String where;
	private final String problem;

	public RonchiException(Path file, String where, String problem) {
		this(file, where, problem, null);
	}

	public RonchiException(Path file, String where, String problem, Throwable cause) {
		super(format(file, where, problem), cause);
		this.file = file;
		this.where = where;
		this.problem = problem;
	}

	private static String format(Path file, String where, String problem) {
		StringBuilder sb = new StringBuilder();
		if (file != null) {
			sb.append(file).append(": ");
		}
		if (where != null && !where.isEmpty()) {
			sb.append(where).append(": ");
		}
		sb.append(problem);
		return sb.toString();
	}

	/** @return the file concerned, or null when the error is not about a file */
	public Path file() {
		return file;
	}

	/** @return the place inside the file (object path, offset, frame), or null */
	public String where() {
		return where;
	}

	/** @return the rule broken, without file and place */
	public String problem() {
		return problem;
	}
}
