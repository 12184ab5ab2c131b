package org.ronchi.ui.slice;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
 * <p>
 * One slider step starts several jobs (the image, the plot trace). GTK paints a window at most once a
 * frame (16.7 ms), so a plot trace painted just before the image arrives pushes the image to the next
 * frame, and one laid out and painted in the same frame delays it too. A job marked {@link #follows}
 * therefore holds its result while a job marked {@link #leads} on the same display has a request in
 * flight or its result not yet on screen ({@link #shown}), at most for a given time: the image is
 * painted first, the plot in the frame after.
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
	private boolean lead;
	private boolean painting; // a lead's result was handed over, not yet shown (UI thread)
	private int maxWaitMillis; // > 0: a follower
	private Runnable held; // a follower's result waiting for the lead jobs (UI thread)

	/** The leading and following jobs of each display (UI thread only). */
	private static final Map<Display, List<WeakReference<LatestJob<?, ?>>>> PACED = new WeakHashMap<>();

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

	/**
	 * Marks this job as what a step is about (the image): results of {@link #follows following} jobs on
	 * the same display wait until its newest result is on screen, which the caller reports with
	 * {@link #shown}. UI thread.
	 *
	 * @return this
	 */
	public LatestJob<R, T> leads() {
		lead = true;
		pace();
		return this;
	}

	/**
	 * Holds this job's results while a {@link #leads leading} job on the same display has a request in
	 * flight or its result not yet shown, for at most maxWaitMillis (a slow image does not hold the plot
	 * back longer). UI thread.
	 *
	 * @return this
	 */
	public LatestJob<R, T> follows(int maxWaitMillis) {
		this.maxWaitMillis = maxWaitMillis;
		pace();
		return this;
	}

	/**
	 * A leading job's newest result is on screen: its followers may hand theirs over, after the paint
	 * that reports it (they are laid out and painted in the next frame). UI thread, e.g. from a paint
	 * listener.
	 */
	public void shown() {
		if (painting) {
			painting = false;
			display.asyncExec(this::releaseFollowers);
		}
	}

	private boolean leadBusy() {
		return lead && (painting || !idle());
	}

	private void pace() {
		PACED.computeIfAbsent(display, d -> new ArrayList<>()).add(new WeakReference<>(this));
	}

	/** @return the live paced jobs of this display */
	private List<LatestJob<?, ?>> paced() {
		List<LatestJob<?, ?>> jobs = new ArrayList<>();
		List<WeakReference<LatestJob<?, ?>>> refs = PACED.getOrDefault(display, List.of());
		refs.removeIf(w -> w.get() == null);
		for (WeakReference<LatestJob<?, ?>> w : refs) {
			LatestJob<?, ?> j = w.get();
			if (j != null) {
				jobs.add(j);
			}
		}
		return jobs;
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
			if (seq != submitted.get()) {
				return;
			}
			Runnable handOver = () -> {
				if (seq == submitted.get()) {
					finished = seq;
					painting = lead;
					r.run();
				}
			};
			if (maxWaitMillis > 0 && paced().stream().anyMatch(LatestJob::leadBusy)) {
				held = handOver;
				display.timerExec(maxWaitMillis, this::release);
			} else {
				handOver.run();
			}
		});
	}

	private void releaseFollowers() {
		if (paced().stream().noneMatch(LatestJob::leadBusy)) {
			for (LatestJob<?, ?> j : paced()) {
				j.release();
			}
		}
	}

	/** Hands a held result over now. UI thread. */
	private void release() {
		Runnable h = held;
		held = null;
		if (h != null) {
			h.run();
		}
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
		held = null;
		job.cancel();
		if (lead) {
			painting = false;
			releaseFollowers();
		}
	}
}
