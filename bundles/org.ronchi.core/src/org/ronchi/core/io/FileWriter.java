package org.ronchi.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronchi.core.model.DataFile;

/**
 * A file format Ronchi writes, contributed as an OSGi service beside the format's {@link FileLoader}s.
 * The {@link WriterRegistry} lists every writer; {@code ronchi convert IN OUT --to ID} picks one by
 * {@link #id()}, so installing a bundle with a writer makes it available without any change to the CLI.
 * <p>
 * Processing results with their provenance are written by a results store of the processing bundle,
 * not by a writer.
 * <p>
 * Contract: {@code write} never modifies its input and publishes the output only when it is complete
 * (temporary file + rename); it refuses an existing output. Data is streamed from the lazy arrays, never
 * held whole. Problems are {@link RonchiException}s naming the file and the structure concerned.
 */
public interface FileWriter {

	/** What a format can hold, as {@code ronchi formats} reports it. */
	enum Carries {
		/** Arrays with their calibrated axes (every writer). */
		SIGNALS,
		/** The standard metadata tree (and what the format keeps of the original one). */
		METADATA,
		/** Variable-length lists of records per position (point lists). */
		POINT_LISTS
	}

	/** @return the short name users pass to {@code --to}, e.g. "usid", "emd1"; unique among writers */
	String id();

	/** @return the format's name as users know it, e.g. "h5USID", "EMD 1.0 (emdfile / py4DSTEM)" */
	String name();

	/** @return lower-case file extensions without the dot, the usual one first */
	List<String> extensions();

	Set<Carries> carries();

	/** @return the options {@link #write} understands; none by default */
	default List<FormatOption> options() {
		return List.of();
	}

	/**
	 * Writes the file's signals (data, axes, metadata) to out.
	 *
	 * @param options writer options ({@link #options()}), never null; unknown keys are refused
	 * @return what could not be written, one line each (the caller shows them as notes); empty if everything was
	 * @throws RonchiException if the output exists or writing fails; nothing is then left at out
	 */
	List<String> write(DataFile file, Path out, Map<String, Object> options);
}
