package org.ronchi.processing;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress and cancellation of a run, in the shape of Eclipse's {@code IProgressMonitor} so the UI can
 * forward to a Job's monitor. The engine calls it from the thread that called it, never concurrently.
 */
public interface ProgressMonitor {

	/** Starts a task of totalWork units (bytes of input, for the engine). */
	void begin(String task, long totalWork);

	void worked(long work);

	/** @return whether the user asked to stop; polled between partitions */
	boolean isCanceled();

	default void subTask(String name) {
	}

	default void done() {
	}

	/** A monitor that ignores everything and never cancels. */
	ProgressMonitor NULL = new ProgressMonitor() {
		@Override
		public void begin(String task, long totalWork) {
		}

		@Override
		public void worked(long work) {
		}

		@Override
		public boolean isCanceled() {
			return false;
		}
	};

	/** A monitor printing "task: 42%" lines to out, at most every 10 % or second (for the CLI's stderr). */
	static ProgressMonitor printing(PrintStream out) {
		return new ProgressMonitor() {
			private String task = "";
			private long total;
			private long done;
			private int lastPct = -1;
			private long lastTime;

			@Override
			public void begin(String t, long totalWork) {
				task = t;
				total = Math.max(1, totalWork);
				done = 0;
				lastPct = -1;
			}

			@Override
			public void worked(long work) {
				done += work;
				int pct = (int) Math.min(100, done * 100 / total);
				long now = System.nanoTime();
				if (pct == 100 || pct >= lastPct + 10 || now - lastTime > 1_000_000_000L) {
					if (pct != lastPct) {
						out.println(String.format(Locale.ROOT, "%s: %d%%", task, pct));
					}
					lastPct = pct;
					lastTime = now;
				}
			}

			@Override
			public void subTask(String name) {
				out.println(name);
			}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
	}
}
