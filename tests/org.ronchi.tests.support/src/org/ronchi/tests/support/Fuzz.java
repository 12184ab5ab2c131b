package org.ronchi.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ronchi.core.io.RonchiException;

/**
 * Runs damaged-file cases: each must finish within the time limit (a hang guard, not a speed check:
 * tests use 10 s, what issue 16 calls a hang, so a loaded machine does not fail them) and either succeed or throw a
 * {@link RonchiException}; anything else (an IndexOutOfBounds, an OutOfMemoryError, a hang) is collected
 * and reported at the end with the case that caused it.
 */
public final class Fuzz implements AutoCloseable {
	/** One damaged file: open it and read everything. */
	public interface Case {
		void run() throws Exception;
	}

	private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "fuzz");
		t.setDaemon(true);
		return t;
	});
	private final Duration limit;
	private final List<String> failures = new ArrayList<>();
	private int cases;
	private int rejected;

	public Fuzz(Duration limit) {
		this.limit = limit;
	}

	public void run(String description, Case c) {
		cases++;
		Future<?> f = pool.submit(() -> {
			c.run();
			return null;
		});
		try {
			f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			f.cancel(true);
			failures.add(description + ": took more than " + limit.toMillis() + " ms");
		} catch (ExecutionException e) {
			Throwable t = e.getCause();
			if (t instanceof RonchiException) {
				rejected++;
			} else {
				failures.add(description + ": " + t + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted");
		}
	}

	/** @return about n offsets spread over {@code [0, length)}, plus every offset in {@code extra} */
	public static TreeSet<Integer> cuts(int length, int n, int... extra) {
		TreeSet<Integer> s = new TreeSet<>();
		for (int i = 0; i < n; i++) {
			s.add((int) ((long) length * i / n));
		}
		for (int e : extra) {
			if (e >= 0 && e < length) {
				s.add(e);
			}
		}
		return s;
	}

	public int cases() {
		return cases;
	}

	public int rejected() {
		return rejected;
	}

	public void assertNoFailures() {
		if (!failures.isEmpty()) {
			fail(failures.size() + " of " + cases + " damaged files broke the contract:\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
