package org.ronchi.core.io;

import java.nio.file.Path;

/** A loader meets a feature of its format it cannot read, or ({@link UnknownFormatException}) no loader recognises the file. */
public class UnsupportedFormatException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public UnsupportedFormatException(Path file, String where, String problem) {
		super(file, where, problem);
	}
}
