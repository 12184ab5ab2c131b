package org.ronchi.processing.stem4d;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5Loader;

/** A loader registry of the generic HDF5 loader only: what the workflow tests open files with outside OSGi. */
final class Loaders implements LoaderRegistry {
	private final Hdf5Loader hdf5 = new Hdf5Loader();

	@Override
	public List<FileLoader> loaders() {
		return List.of(hdf5);
	}

	@Override
	public FileLoader select(Path path) {
		return hdf5;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		return hdf5.open(path, options);
	}
}
