package org.ronchi.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.DataFile;

/**
 * A file format, contributed as an OSGi service. The {@link LoaderRegistry} asks every loader to
 * {@link #probe} a file and opens it with the most confident one, so content decides, not the name.
 * <p>
 * Contract: {@code probe} is cheap and has no side effects; {@code open} never modifies the file, reads
 * array data lazily where the format allows it, and reports every problem as a {@link RonchiException}
 * naming the file and the structure concerned.
 */
public interface FileLoader {

	/** Probe score of a loader that recognises nothing but the container (e.g. plain HDF5). */
	int GENERIC = 10;
	/** Probe score of a loader that recognised its own structures inside the container. */
	int SPECIFIC = 50;

	/** @return the format's name as users know it, e.g. "HDF5", "Velox EMD", "DigitalMicrograph" */
	String name();

	/** @return lower-case file extensions without the dot; used to word errors, never to decide */
	List<String> extensions();

	/**
	 * @return the options {@link #open} understands (what {@code ronchi formats} lists; the format's
	 *         page in docs/formats/ documents the same), none by default
	 */
	default List<FormatOption> options() {
		return List.of();
	}

	/**
	 * @return 0 if the file is not this format; otherwise a confidence ({@link #GENERIC},
	 *         {@link #SPECIFIC} or in between). Must not throw for foreign content.
	 */
	int probe(FileProbe probe);

	/**
	 * Opens the file. The returned {@link DataFile} owns any open handle and must be closed.
	 *
	 * @param options loader-specific options (documented by each loader), never null
	 */
	DataFile open(Path path, Map<String, Object> options);

	/**
	 * Opens the file the registry has just probed and chosen this loader for. A loader that parsed the
	 * file while probing (the HDF5 flavours share one opened file) may {@link FileProbe#take take} what it
	 * opened there instead of opening the file again; by default the path is opened.
	 */
	default DataFile open(FileProbe probe, Map<String, Object> options) {
		return open(probe.path(), options);
	}
}
