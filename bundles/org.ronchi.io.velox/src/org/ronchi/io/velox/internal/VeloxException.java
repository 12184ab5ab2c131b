package org.ronchi.io.velox.internal;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of the errors this reader raises about a file's content: names the file and the Velox structure
 * ({@code /Data/SpectrumStream/<uuid>/Data value at 0x1f2}, {@code /Version}) where it went wrong.
 * HDF5-level damage arrives as {@link org.ronchi.hdf5.Hdf5Exception}, bad options as
 * {@link org.ronchi.core.io.InvalidRequestException}.
 */
public class VeloxException extends FormatException {
	private static final long serialVersionUID = 1L;

	public VeloxException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public VeloxException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}

	/** A problem at a position inside a dataset, formatted in hex as FormatException does for byte offsets. */
	public static VeloxException at(Path file, String structure, long position, String problem) {
		return new VeloxException(file, structure + " at 0x" + Long.toHexString(position), problem);
	}
}
