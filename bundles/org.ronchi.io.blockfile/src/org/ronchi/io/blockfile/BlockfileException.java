package org.ronchi.io.blockfile;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error the blockfile reader raises about a file's content: a header whose sizes are
 * impossible, offsets outside the file, a pattern whose marker is not where the header puts it, a
 * truncated last pattern. The message names the file, the structure and its byte offset.
 */
public class BlockfileException extends FormatException {
	private static final long serialVersionUID = 1L;

	public BlockfileException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public BlockfileException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset, formatted in hex as hex dumps show it. */
	public static BlockfileException at(Path file, String structure, long offset, String problem) {
		return new BlockfileException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
