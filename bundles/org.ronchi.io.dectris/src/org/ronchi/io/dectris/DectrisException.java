package org.ronchi.io.dectris;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * Root of the errors the Dectris reader raises about an acquisition's content: names the file and the
 * structure ({@code /entry/data/data_000002 -> x_data_000002.h5}, {@code STEM Metadata}) where it went
 * wrong. HDF5-level damage (a truncated data file, a corrupt chunk) arrives as
 * {@link org.ronchi.hdf5.Hdf5Exception}, bad options as {@link org.ronchi.core.io.InvalidRequestException}.
 */
public class DectrisException extends FormatException {
	private static final long serialVersionUID = 1L;

	public DectrisException(Path file, String where, String problem) {
		super(file, where, problem);
	}

	public DectrisException(Path file, String where, String problem, Throwable cause) {
		super(file, where, problem, cause);
	}
}
