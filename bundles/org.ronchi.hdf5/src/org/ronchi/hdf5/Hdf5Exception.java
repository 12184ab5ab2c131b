package org.ronchi.hdf5;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/** Root of every HDF5 reading error: carries the file and the HDF5 object path (or byte offset). */
public class Hdf5Exception extends FormatException {
	private static final long serialVersionUID = 1L;

	public Hdf5Exception(Path file, String objectPath, String problem) {
		super(file, objectPath, problem);
	}

	public Hdf5Exception(Path file, String objectPath, String problem, Throwable cause) {
		super(file, objectPath, problem, cause);
	}
}
