package org.ronchi.processing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.ronchi.processing.internal.Execution;
import org.ronchi.processing.internal.Planner;
import org.ronchi.processing.results.ResultsStores;

/**
 * Runs any {@link Operation} on any array: partitions the input along its storage chunks, maps the
 * partitions on its own worker threads within a memory budget, merges them in order, reports progress,
 * honours cancellation, records completed partitions so an interrupted run resumes, reuses an
 * identical earlier result, and hands results with provenance to a {@link ResultsStores results store}
 * when the request names a results file. Thread-safe: runs may be started from several threads (they
 * share the workers). Close it to stop the threads.
 */
public final class Engine implements AutoCloseable {

	/**
	 * Engine settings.
	 *
	 * @param threads worker threads; 0 runs everything in the calling thread, one partition after the other
	 * @param memoryBudget bytes the engine may use for a run (tiles, partition buffers, merged buffers)
	 * @param checkpointMillis least time between two records of progress (0: after every partition)
	 * @param tileBytes about how many input bytes are read at once (at least one frame)
	 */
	public record Config(int threads, long memoryBudget, long checkpointMillis, long tileBytes) {

		/** All cores, a quarter of the maximum heap, progress recorded at most every second, 1 MiB tiles. */
		public static Config defaults() {
			return new Config(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 4, 1000, 1L << 20);
		}

		public Config threads(int n) {
			return new Config(n, memoryBudget, checkpointMillis, tileBytes);
		}

		public Config memoryBudget(long bytes) {
			return new Config(threads, bytes, checkpointMillis, tileBytes);
		}

		public Config checkpointMillis(long ms) {
			return new Config(threads, memoryBudget, ms, tileBytes);
		}

		public Config tileBytes(long bytes) {
			return new Config(threads, memoryBudget, checkpointMillis, bytes);
		}
	}

	private final Config config;
	private final ResultsStores stores;
	private final ExecutorService executor;

	/** An engine with the default settings that keeps results in memory (no results store). */
	public Engine() {
		this(Config.defaults());
	}

	/** An engine that keeps results in memory: a request naming a results file fails (no results store). */
	public Engine(Config config) {
		this(config, ResultsStores.NONE);
	}

	/**
	 * @param stores where results files are written: the {@link ResultsStores} service, or
	 *               {@link ResultsStores#of} a few stores
	 */
	public Engine(Config config, ResultsStores stores) {
		if (config.threads() < 0 || config.memoryBudget() <= 0 || config.tileBytes() <= 0) {
			throw new IllegalArgumentException("invalid engine settings: " + config);
		}
		this.config = config;
		this.stores = stores;
		this.executor = config.threads() == 0 ? null : Executors.newFixedThreadPool(config.threads(), new Workers());
	}

	/** An engine that runs everything in the calling thread (for tests and debugging), without results files. */
	public static Engine inline() {
		return new Engine(Config.defaults().threads(0));
	}

	/** An engine that runs everything in the calling thread, writing results files with these stores. */
	public static Engine inline(ResultsStores stores) {
		return new Engine(Config.defaults().threads(0), stores);
	}

	public Config config() {
		return config;
	}

	/** @return the stores this engine writes results files with */
	public ResultsStores stores() {
		return stores;
	}

	/**
	 * Validates a request and prepares it without reading data: parameters against their declarations,
	 * the input against the operation's requirements, and what the outputs will be.
	 *
	 * @throws ParameterException for a bad parameter (naming it and the allowed range)
	 * @throws InputException if the input does not fit
	 */
	public Plan plan(RunRequest request) {
		return Planner.prepare(request).toPlan();
	}

	/**
	 * Runs a request: reuses an identical result in the results file unless forced, else resumes an
	 * interrupted run or computes from the start, then appends the results to the results file.
	 *
	 * @throws CancelledException if the monitor cancelled (progress is recorded: run again to resume)
	 * @throws ProcessingException for bad parameters or input (before any data is read), or read/write errors
	 */
	public RunResult run(RunRequest request) {
		return new Execution(config, executor, Planner.prepare(request), request).run(stores);
	}

	/**
	 * Runs the operation on the single frame at a navigation position and returns what it produced (NAV
	 * outputs for that position, and the finished SIG/SINGLE/RESULT buffers), storing nothing: the
	 * quick check before a long run, as pyUSID's {@code Process.test()}.
	 */
	public RunResult test(RunRequest request, long... position) {
		return new Execution(config, executor, Planner.prepare(request), request).test(position);
	}

	@Override
	public void close() {
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	private static final class Workers implements ThreadFactory {
		private static final AtomicInteger ENGINES = new AtomicInteger();
		private final int engine = ENGINES.incrementAndGet();
		private final AtomicInteger n = new AtomicInteger();

		@Override
		public Thread newThread(Runnable r) {
			Thread t = new Thread(r, "ronchi-engine-" + engine + "-worker-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		}
	}
}
