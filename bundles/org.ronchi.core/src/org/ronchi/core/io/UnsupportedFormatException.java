package org.ronchi.core.io;

import java.nio.file.Path;

/** No registered loader recognises the file, or a loader meets a feature of its format it cannot read. */
public class UnsupportedFormatException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public UnsupportedFormatException(Path file, String where, String problem) {
		super(file, where, problem);
	}
}
