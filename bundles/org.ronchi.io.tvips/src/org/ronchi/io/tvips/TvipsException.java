package org.ronchi.io.tvips;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the TVIPS reader raises about a file's content: a series header with impossible
 * sizes or an unknown version or pixel depth, a truncated last frame, a missing first file of a split
 * series. The message names the file, the structure and its byte offset.
 */
public class TvipsException extends FormatException {
	private static final long serialVersionUID = 1L;

	public TvipsException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public TvipsException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset, formatted in hex as hex dumps show it. */
	public static TvipsException at(Path file, String structure, long offset, String problem) {
		return new TvipsException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
