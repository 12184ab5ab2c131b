package org.ronchi.headless.catalog;

import java.io.Console;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalogue's progress line on a terminal: files found by the walk, files done, errors, files per
 * second, redrawn in place at most ten times a second. {@link #NONE} when the output is not a terminal
 * (a log file gets the final summary only).
 */
public class Progress {
	/** Draws nothing. */
	public static final Progress NONE = new Progress(null);

	private final PrintStream err;
	private final long start = System.nanoTime();
	private final AtomicLong found = new AtomicLong();
	private final AtomicLong done = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private volatile long lastDraw;

	private Progress(PrintStream err) {
		this.err = err;
	}

	/** @return a progress line on {@code err} if the process runs on a terminal, else {@link #NONE} */
	public static Progress onTerminal(PrintStream err) {
		return isTerminal() ? new Progress(err) : NONE;
	}

	private static boolean isTerminal() {
		Console c = System.console();
		if (c == null) {
			return false;
		}
		try { // JDK 22+ returns a console even when redirected; isTerminal() tells
			return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
		} catch (ReflectiveOperationException e) {
			return true; // JDK 21: a console exists only on a terminal
		}
	}

	void found() {
		if (err == null) {
			return;
		}
		found.incrementAndGet();
		draw(false);
	}

	void done(boolean error) {
		if (err == null) {
			return;
		}
		done.incrementAndGet();
		if (error) {
			failed.incrementAndGet();
		}
		draw(false);
	}

	/** Draws the final state and ends the line. */
	void finish() {
		draw(true);
		if (err != null) {
			err.println();
		}
	}

	private void draw(boolean force) {
		if (err == null) {
			return;
		}
		long now = System.nanoTime();
		if (!force && now - lastDraw < 100_000_000L) {
			return;
		}
		lastDraw = now;
		double s = (now - start) / 1e9;
		long d = done.get();
		synchronized (this) {
			err.printf("\rcatalog: %d of %d files, %d errors, %.0f files/s   ", d, found.get(), failed.get(), s > 0 ? d / s : 0.0);
			err.flush();
		}
	}
}
