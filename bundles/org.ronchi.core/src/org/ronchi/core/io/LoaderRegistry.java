package org.ronchi.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.DataFile;

/** The service that knows every registered {@link FileLoader} and picks one for a file by content. */
public interface LoaderRegistry {

	/** @return the loaders currently registered, most preferred first */
	List<FileLoader> loaders();

	/**
	 * @return the loader whose probe is most confident about this file
	 * @throws RonchiException if the file is missing, empty or no loader recognises it
	 */
	FileLoader select(Path path);

	/** Selects a loader and opens the file with it. */
	default DataFile open(Path path) {
		return open(path, Map.of());
	}

	DataFile open(Path path, Map<String, Object> options);
}
