package org.ronchi.core.io;

import java.nio.file.Path;

/** The file's content breaks its format: truncated, corrupt, or a value outside what the format allows. */
public class FormatException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public FormatException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public FormatException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset: formats the offset in hex as readers and hex dumps show it. */
	public static FormatException at(Path file, String structure, long offset, String problem) {
		return new FormatException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
