package org.ronchi.hdf5.writer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.ronchi.core.io.RonchiException;

/**
 * Writes a new HDF5 file that libhdf5 1.10+ (h5py, h5dump), jhdf and Ronchi read. Data goes to a
 * temporary file next to the target as it is written; the metadata (object headers, group and
 * chunk indexes, heaps) is laid out at {@link #close()}, which then renames the file onto the target.
 * If anything fails, or on {@link #abort()}, the temporary file is deleted and the target untouched.
 *
 * <pre>
 * try (Hdf5Writer w = Hdf5Writer.create(path)) {
 *     WGroup g = w.root().group("data").attribute("units", "counts");
 *     WDataset d = g.dataset("frames", DType.UINT16, shape, DatasetOptions.chunked(chunk).shuffle().deflate(4));
 *     d.writeFrom(source, executor);
 * }
 * </pre>
 *
 * Note that try-with-resources closes, and so publishes, the file even when the block throws an
 * exception that did not come from the writer; use {@link #write(Path, Consumer)} (or call
 * {@link #abort()} in a catch) to publish only complete files.
 */
public final class Hdf5Writer implements AutoCloseable {
	private enum State {
		OPEN, CLOSED, ABORTED
	}

	final Object treeLock = new Object();
	/** Data writes share it; close takes it exclusively, so it waits for writes in progress. */
	private final ReentrantReadWriteLock dataLock = new ReentrantReadWriteLock();
	private final OutputFile file;
	private final WGroup root;
	private volatile State state = State.OPEN;
	private volatile Throwable failure;

	private Hdf5Writer(OutputFile file) {
		this.file = file;
		this.root = new WGroup(this, null, "");
	}

	/** Starts a new file; fails if the target exists. */
	public static Hdf5Writer create(Path target) {
		return open(target, false);
	}

	/** Starts a new file that replaces the target, if any, at close (atomically: readers see old or new). */
	public static Hdf5Writer createOrReplace(Path target) {
		return open(target, true);
	}

	/** Writes a file with body and publishes it only if body returns normally; otherwise it is deleted. */
	public static void write(Path target, Consumer<WGroup> body) {
		Hdf5Writer w = create(target);
		try {
			body.accept(w.root());
		} catch (RuntimeException | Error e) {
			w.abort();
			throw e;
		}
		w.close();
	}

	private static Hdf5Writer open(Path target, boolean replace) {
		try {
			return new Hdf5Writer(new OutputFile(target, replace, SuperblockV0.SIZE));
		} catch (FileAlreadyExistsException e) {
			throw new Hdf5WriteException(target, null, "file exists; use createOrReplace to replace it", e);
		} catch (IOException e) {
			throw new Hdf5WriteException(target, null, "cannot create: " + e, e);
		}
	}

	public WGroup root() {
		return root;
	}

	/** @return the file being written (it appears only at close) */
	public Path target() {
		return file.target();
	}

	/**
	 * Writes the metadata, flushes to disk and renames the file onto the target. Waits for data writes
	 * in progress. Does nothing if already closed or aborted.
	 *
	 * @throws Hdf5WriteException if an earlier write failed or this one does; the file is then deleted
	 */
	@Override
	public void close() {
		dataLock.writeLock().lock();
		try {
			synchronized (treeLock) {
				if (state != State.OPEN) {
					return;
				}
				state = State.ABORTED; // unless everything below succeeds
				if (failure != null) {
					file.discard();
					throw error("/", "not written: an earlier write failed: " + failure, failure);
				}
				try {
					long end = new Finisher(file).finish(root);
					file.commit(end);
					state = State.CLOSED;
				} catch (IOException | RuntimeException e) {
					file.discard();
					throw e instanceof Hdf5WriteException h ? h : error("/", "cannot finish: " + e, e);
				}
			}
		} finally {
			dataLock.writeLock().unlock();
		}
	}

	/** Deletes the temporary file; the target is left as it was. Safe to call at any time, and again. */
	public void abort() {
		dataLock.writeLock().lock();
		try {
			synchronized (treeLock) {
				if (state == State.OPEN) {
					state = State.ABORTED;
					file.discard();
				}
			}
		} finally {
			dataLock.writeLock().unlock();
		}
	}

	OutputFile file() {
		return file;
	}

	void checkOpen(String where) {
		if (state != State.OPEN) {
			throw error(where, "the writer is " + (state == State.CLOSED ? "closed" : "aborted"), null);
		}
		if (failure != null) {
			throw error(where, "an earlier write failed: " + failure, failure);
		}
	}

	Hdf5WriteException error(String where, String problem, Throwable cause) {
		return new Hdf5WriteException(file.target(), where, problem, cause);
	}

	/** Marks the writer failed (close will delete the file) and returns the exception to throw. */
	RuntimeException failed(String where, Throwable cause) {
		if (failure == null) {
			failure = cause;
		}
		if (cause instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
		if (cause instanceof RonchiException r) {
			return r; // e.g. a read error of the source: keep its file and place
		}
		return error(where, cause instanceof IOException ? "write failed: " + cause : String.valueOf(cause.getMessage()), cause);
	}

	interface DataWrite {
		void run() throws Exception;
	}

	/**
	 * Runs a data write while close is held off. Invalid arguments are reported without harm when the
	 * write is a single chunk (nothing was stored); any other failure, or any failure of a multi-block
	 * write (partial data), marks the writer failed.
	 */
	void data(String where, boolean multiBlock, DataWrite write) {
		dataLock.readLock().lock();
		try {
			checkOpen(where);
			write.run();
		} catch (IllegalArgumentException e) {
			throw multiBlock ? failed(where, e) : error(where, e.getMessage(), e);
		} catch (Hdf5WriteException e) {
			throw e;
		} catch (Exception e) {
			throw failed(where, e);
		} finally {
			dataLock.readLock().unlock();
		}
	}
}
