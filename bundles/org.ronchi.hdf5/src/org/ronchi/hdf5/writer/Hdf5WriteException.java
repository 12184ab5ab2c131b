package org.ronchi.hdf5.writer;

import java.nio.file.Path;

import org.ronchi.core.io.RonchiException;

/**
 * Root of every error of the HDF5 writer: a bad request (wrong chunk offset, unsupported value, name
 * taken) or a failed write. Carries the target file and the HDF5 object path concerned.
 */
public class Hdf5WriteException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public Hdf5WriteException(Path file, String objectPath, String problem) {
		super(file, objectPath, problem);
	}

	public Hdf5WriteException(Path file, String objectPath, String problem, Throwable cause) {
		super(file, objectPath, problem, cause);
	}
}
