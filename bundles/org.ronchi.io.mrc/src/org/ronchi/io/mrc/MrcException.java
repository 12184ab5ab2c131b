package org.ronchi.io.mrc;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the MRC reader raises about a file's content: a header value outside what the
 * format allows, a data block or extended header that does not fit in the file, a truncated section,
 * a DE scan coordinates file that does not describe a scan. The message names the file, the structure
 * and its byte offset (or line).
 */
public class MrcException extends FormatException {
	private static final long serialVersionUID = 1L;

	public MrcException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public MrcException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset, formatted in hex as hex dumps show it. */
	public static MrcException at(Path file, String structure, long offset, String problem) {
		return new MrcException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
