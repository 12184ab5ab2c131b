package org.ronchi.core.io;

import java.nio.file.Path;

/**
 * No registered loader claims the file: its content is no format Ronchi knows. Distinct from a loader
 * meeting a feature of its own format it cannot read (the parent type), so that a caller walking many
 * files (the catalogue) can list such a file as not recognised rather than as failed.
 */
public class UnknownFormatException extends UnsupportedFormatException {
	private static final long serialVersionUID = 1L;

	public UnknownFormatException(Path file, String problem) {
		super(file, null, problem);
	}
}
