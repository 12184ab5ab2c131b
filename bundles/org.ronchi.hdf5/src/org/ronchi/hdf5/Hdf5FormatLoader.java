package org.ronchi.hdf5;

import java.nio.file.Path;
import java.util.Map;

import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.DataFile;

/**
 * A loader of a format stored in HDF5 (plain HDF5, USID, EMD, Velox): it builds its data file on an
 * opened {@link Hdf5File}, which is the one the probes opened when the registry chose it, so that a
 * file is opened and its tree walked once.
 */
public abstract class Hdf5FormatLoader implements FileLoader {

	@Override
	public final DataFile open(FileProbe probe, Map<String, Object> options) {
		return open(Hdf5File.takeFrom(probe), options);
	}

	@Override
	public final DataFile open(Path path, Map<String, Object> options) {
		return open(Hdf5File.open(path), options);
	}

	/**
	 * Builds the data file on h, which the loader owns from here on: the data file keeps it open, a
	 * failure closes it.
	 *
	 * @param options loader-specific options, never null
	 */
	protected abstract DataFile open(Hdf5File h, Map<String, Object> options);
}
