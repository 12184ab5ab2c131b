package org.ronchi.io.tiff;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of every error this bundle reports: a structure that breaks the TIFF specification (truncated IFD,
 * strip past the end of the file, corrupt LZW stream) or a feature it does not read ("unsupported
 * compression: 34712 (JPEG 2000)"). Always names the file and the structure, usually with its byte offset.
 */
public class TiffException extends FormatException {
	private static final long serialVersionUID = 1L;

	public TiffException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public TiffException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A structure at a byte offset, formatted in hex as hex dumps show it. */
	public static TiffException at(Path file, String structure, long offset, String problem) {
		return new TiffException(file, structure + " at 0x" + Long.toHexString(offset), problem);
	}
}
