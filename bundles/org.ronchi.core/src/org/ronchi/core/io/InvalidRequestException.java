package org.ronchi.core.io;

import java.nio.file.Path;

/** The caller asked for something the data does not have: an unknown path, a slice out of range, a bad option. */
public class InvalidRequestException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public InvalidRequestException(Path file, String where, String problem) {
		super(file, where, problem);
	}
}
