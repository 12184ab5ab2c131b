package org.ronchi.io.tia;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the TIA reader raises about a file's content: a SER header, offset array,
 * dimension array or data element that breaks the series file description or does not fit in the file
 * (a series cut short names the element it stops in). The message names the file, the structure and
 * its byte offset.
 */
public class TiaException extends FormatException {
	private static final long serialVersionUID = 1L;

	public TiaException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public TiaException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset, formatted in hex as hex dumps show it. */
	public static TiaException at(Path file, String structure, long offset, String problem) {
		return new TiaException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
