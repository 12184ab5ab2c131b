package org.ronchi.processing.results;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A results container format, contributed as a Declarative Services component (the EMD 1.0 store lives
 * in {@code org.ronchi.io.emd}). The engine hands it each finished run to append, asks it for the runs
 * recorded so far (reuse by key) and opens their outputs; it knows nothing of the layout. A
 * {@link org.ronchi.processing.RunRequest} or a workflow's {@code output.store} names the store by
 * {@link #id()}; {@link #DEFAULT} otherwise.
 * <p>
 * Contract: {@link #append} creates the file or adds to it atomically (readers see the file before or
 * after, never half), streams outputs from their lazy sources in bounded memory, and writes only into
 * files it {@link #owns}. Reading never changes the file. Errors are
 * {@link org.ronchi.core.io.RonchiException}s naming the file and the object.
 */
public interface ResultsStore {

	/** The store results go to unless a request names another. */
	String DEFAULT = "emd1";

	/** @return the name requests and workflows use, e.g. "emd1"; unique among stores */
	String id();

	/** @return the format as users know it, e.g. "EMD 1.0 (emdfile / py4DSTEM)" */
	String name();

	/** @return whether the file exists and is a results file this store wrote (only such files are ever added to) */
	boolean owns(Path file);

	/**
	 * @return every run recorded in the file, in file order, with its provenance; empty if the file does
	 *         not exist
	 */
	List<StoredRun> runs(Path file);

	/**
	 * Opens the outputs of one recorded run: lazy arrays with calibrated axes (point-list outputs carry
	 * their records, {@link org.ronchi.core.model.ArrayNode#pointLists()}). Close it to release the file.
	 *
	 * @throws org.ronchi.core.io.RonchiException if the file has no such run
	 */
	OpenedRun open(Path file, String run);

	/**
	 * Adds a run to the file, creating it if needed.
	 *
	 * @param executor threads for writing large outputs in parallel, or null for the calling thread
	 * @return the run's name in the file
	 */
	String append(Path file, RunRecord run, Executor executor);
}
