package org.ronchi.ui.slice;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Runs the newest of a burst of requests in a background job and hands its result to the UI thread.
 * While one request runs, newer ones replace each other in a one-element queue, so dragging a slider
 * across a hundred steps costs at most two reads, never a backlog; a result that is stale when it
 * arrives (a newer request was submitted meanwhile) is dropped. The work gets a
 * {@code superseded} test so long computations can stop early.
 *
 * @param <R> request
 * @param <T> result
 */
public final class LatestJob<R, T> {

	/** The background work for one request. */
	@FunctionalInterface
	public interface Work<R, T> {
		/**
		 * Runs in a worker thread.
		 *
		 * @param superseded true once a newer request is waiting: stop early if convenient (the result
		 *                   is discarded anyway)
		 */
		T run(R request, BooleanSupplier superseded) throws Exception;
	}

	private record Pending<R>(long seq, R request) {
	}

	private final Display display;
	private final Work<R, T> work;
	private final BiConsumer<R, T> onResult;
	private final BiConsumer<R, Throwable> onError;
	private final AtomicReference<Pending<R>> pending = new AtomicReference<>();
	private final AtomicLong submitted = new AtomicLong();
	private final AtomicLong runs = new AtomicLong();
	private long finished; // UI thread only
	private final Job job;

	/**
	 * @param onResult called on the UI thread with the newest result
	 * @param onError called on the UI thread when the newest request failed
	 */
	public LatestJob(String name, Display display, Work<R, T> work, BiConsumer<R, T> onResult, BiConsumer<R, Throwable> onError) {
		this.display = display;
		this.work = work;
		this.onResult = onResult;
		this.onError = onError;
		this.job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				drain(monitor);
				return Status.OK_STATUS;
			}
		};
		job.setSystem(true);
		job.setPriority(Job.INTERACTIVE);
	}

	/** Queues a request, replacing any that has not started. Any thread. */
	public void submit(R request) {
		long seq = submitted.incrementAndGet();
		pending.set(new Pending<>(seq, request));
		job.schedule();
	}

	private void drain(IProgressMonitor monitor) {
		Pending<R> p;
		while ((p = pending.getAndSet(null)) != null) {
			long seq = p.seq();
			R request = p.request();
			BooleanSupplier superseded = () -> submitted.get() != seq || monitor.isCanceled();
			runs.incrementAndGet();
			try {
				T result = work.run(request, superseded);
				deliver(seq, () -> onResult.accept(request, result));
			} catch (Exception | LinkageError | AssertionError e) {
				deliver(seq, () -> onError.accept(request, e));
			}
		}
	}

	private void deliver(long seq, Runnable r) {
		if (submitted.get() != seq || display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			if (seq == submitted.get()) {
				finished = seq;
				r.run();
			}
		});
	}

	/** @return whether the newest request's result (or error) has been delivered; UI thread */
	public boolean idle() {
		return finished == submitted.get();
	}

	/** @return how many requests actually ran (the rest were superseded before starting) */
	public long runs() {
		return runs.get();
	}

	/** Drops whatever is waiting; a running request finishes but is not delivered. UI thread. */
	public void cancel() {
		finished = submitted.incrementAndGet();
		pending.set(null);
		job.cancel();
	}
}
