package org.ronchi.hdf5.writer;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one task per block of a grid (read, encode, compress, append) on an executor, with at most a
 * fixed number of blocks in flight so that memory stays bounded however large the dataset is. The
 * first failure stops the stream; it is rethrown once the blocks in flight have finished.
 */
final class ChunkStream {
	/** Memory the blocks in flight may take, counting about three copies of each (data, shuffled, compressed). */
	private static final long BUDGET = 128L << 20;

	interface Task {
		void run(long block) throws Exception;
	}

	private ChunkStream() {
	}

	/** @return how many blocks of this size may be in flight at once */
	static int maxInFlight(long blockBytes) {
		long byMemory = BUDGET / Math.max(1, 3 * blockBytes);
		return (int) Math.max(1, Math.min(2L * Runtime.getRuntime().availableProcessors(), byMemory));
	}

	/** Runs task for blocks 0 to n - 1, in the caller's thread if executor is null. */
	static void run(long n, Task task, Executor executor, int maxInFlight) throws Exception {
		if (executor == null) {
			for (long i = 0; i < n; i++) {
				task.run(i);
			}
			return;
		}
		Semaphore slots = new Semaphore(maxInFlight);
		AtomicReference<Exception> failure = new AtomicReference<>();
		try {
			for (long i = 0; i < n && failure.get() == null; i++) {
				slots.acquire();
				long block = i;
				try {
					executor.execute(() -> {
						try {
							if (failure.get() == null) {
								task.run(block);
							}
						} catch (Exception | Error e) {
							failure.compareAndSet(null, e instanceof Exception x ? x : new RuntimeException(e));
						} finally {
							slots.release();
						}
					});
				} catch (RuntimeException e) { // rejected by the executor
					slots.release();
					failure.compareAndSet(null, e);
				}
			}
		} finally {
			slots.acquireUninterruptibly(maxInFlight); // wait for the blocks in flight
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}
}
