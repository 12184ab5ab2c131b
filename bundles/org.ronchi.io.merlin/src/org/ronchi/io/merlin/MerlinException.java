package org.ronchi.io.merlin;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the Merlin reader raises about a file's content: a frame header that does not
 * parse or holds a value outside what the detector writes, frames that change size within an
 * acquisition, a truncated last frame, files of a sequence that do not continue each other, a missing
 * {@code .hdr} or data file. The message names the file, the structure (frame header k, the .hdr's key)
 * and its byte offset.
 */
public class MerlinException extends FormatException {
	private static final long serialVersionUID = 1L;

	public MerlinException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public MerlinException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset, formatted in hex as hex dumps show it. */
	public static MerlinException at(Path file, String structure, long offset, String problem) {
		return new MerlinException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
