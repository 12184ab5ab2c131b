package org.ronchi.ui.processing;

import java.util.function.DoubleConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.ronchi.processing.ProgressMonitor;

/**
 * The engine's progress, forwarded to an Eclipse job's monitor (which takes int work units, so the
 * engine's byte counts are scaled to 1000 units) and to a fraction listener for an in-view bar.
 */
final class JobProgress implements ProgressMonitor {
	private static final int UNITS = 1000;
	private final IProgressMonitor monitor;
	private final DoubleConsumer fraction;
	private long total = 1;
	private long done;
	private int reported;

	JobProgress(IProgressMonitor monitor, DoubleConsumer fraction) {
		this.monitor = monitor;
		this.fraction = fraction;
	}

	@Override
	public void begin(String task, long totalWork) {
		total = Math.max(1, totalWork);
		done = 0;
		reported = 0;
		monitor.beginTask(task, UNITS);
		fraction.accept(0);
	}

	@Override
	public void worked(long work) {
		done += work;
		int units = (int) Math.min(UNITS, done * UNITS / total);
		if (units > reported) {
			monitor.worked(units - reported);
			reported = units;
			fraction.accept(units / (double) UNITS);
		}
	}

	@Override
	public boolean isCanceled() {
		return monitor.isCanceled();
	}

	@Override
	public void subTask(String name) {
		monitor.subTask(name);
	}

	@Override
	public void done() {
		monitor.done();
	}
}
