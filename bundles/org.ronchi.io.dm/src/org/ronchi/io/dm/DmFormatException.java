package org.ronchi.io.dm;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the DigitalMicrograph reader raises: a DM file that is truncated, corrupt, or uses
 * a feature this reader does not support. The message names the file, the structure (tag path, image
 * data) and its byte offset, as a hex dump shows it.
 */
public class DmFormatException extends FormatException {
	private static final long serialVersionUID = 1L;

	public DmFormatException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public DmFormatException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A problem in the structure starting (or found) at a byte offset. */
	public static DmFormatException at(Path file, String structure, long offset, String problem) {
		return new DmFormatException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
