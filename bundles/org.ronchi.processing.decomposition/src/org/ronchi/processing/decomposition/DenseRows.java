package org.ronchi.processing.decomposition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@link RowBlocks} over a float matrix in memory (or any {@link Source} of row blocks), visited in
 * blocks of {@code blockRows}; optionally on an executor the caller owns, partials merged in block
 * order. For tests, benchmarks and small data; the engine feeds its own partitions.
 */
public final class DenseRows implements RowBlocks {

	/** Where the rows come from: copies {@code count} rows from {@code first} into {@code dst}. */
	public interface Source {
		void read(long first, int count, float[] dst);
	}

	private final long rows;
	private final int columns;
	private final int blockRows;
	private final Source source;
	private final ExecutorService executor;

	public DenseRows(float[] data, int rows, int columns, int blockRows) {
		this(rows, columns, blockRows, (first, count, dst) -> System.arraycopy(data, (int) first * columns, dst, 0, count * columns), null);
	}

	public DenseRows(long rows, int columns, int blockRows, Source source, ExecutorService executor) {
		this.rows = rows;
		this.columns = columns;
		this.blockRows = blockRows;
		this.source = source;
		this.executor = executor;
	}

	@Override
	public int rows() {
		return Math.toIntExact(rows);
	}

	@Override
	public int columns() {
		return columns;
	}

	@Override
	public <P> P run(Pass<P> pass) {
		P total = pass.start();
		if (executor == null) {
			float[] buf = new float[blockRows * columns];
			for (long first = 0; first < rows; first += blockRows) {
				int n = (int) Math.min(blockRows, rows - first);
				source.read(first, n, buf);
				P part = pass.start();
				pass.block(first, n, buf, part);
				pass.merge(total, part);
			}
			return total;
		}
		List<Future<P>> futures = new ArrayList<>();
		int inFlight = 4;
		long first = 0;
		try {
			while (first < rows || !futures.isEmpty()) {
				while (first < rows && futures.size() < inFlight) {
					long f = first;
					int n = (int) Math.min(blockRows, rows - f);
					futures.add(executor.submit(() -> {
						float[] buf = new float[n * columns];
						source.read(f, n, buf);
						P part = pass.start();
						pass.block(f, n, buf, part);
						return part;
					}));
					first += n;
				}
				pass.merge(total, futures.remove(0).get());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		return total;
	}
}
