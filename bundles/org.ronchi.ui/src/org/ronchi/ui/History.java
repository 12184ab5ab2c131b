package org.ronchi.ui;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the user did in this desktop session that changes a result: files opened, the dataset chosen,
 * slices, detectors drawn, operations run, results saved. The History view lists it; entries that
 * carry a run (a {@link Entry#payload} the processing views understand) become workflow steps with
 * Save as Workflow. Views record on the UI thread; a burst of the same kind on the same subject (slider
 * steps, a detector dragged, clicks through datasets) is kept as its last state, one entry.
 */
public final class History {

	/** What an entry records. */
	public enum Kind {
		OPENED("Opened", false), DATASET("Dataset", true), SLICE("Slice", true), DETECTOR("Detector", true), RUN("Run", false),
		SAVED("Saved", false);

		private final String label;
		private final boolean coalesced;

		Kind(String label, boolean coalesced) {
			this.label = label;
			this.coalesced = coalesced;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * One recorded action.
	 *
	 * @param number  1-based, in the order recorded
	 * @param subject what the action is on (a file, a dataset): the same kind on the same subject right
	 *                after replaces this entry
	 * @param payload what the processing views need to replay it (a recorded run), or null
	 */
	public record Entry(int number, LocalTime time, Kind kind, String subject, String text, Object payload) {
	}

	private static final History SESSION = new History();

	private final List<Entry> entries = new ArrayList<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private int next = 1;

	/** @return the history of this desktop session, shared by every view */
	public static History session() {
		return SESSION;
	}

	/** Records an action and tells the listeners; returns the entry (which replaced the last one if coalesced). */
	public Entry record(Kind kind, String subject, String text, Object payload) {
		Entry e;
		synchronized (this) {
			Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
			if (last != null && kind.coalesced && last.kind() == kind && last.subject().equals(subject)) {
				entries.remove(entries.size() - 1);
				e = new Entry(last.number(), LocalTime.now().withNano(0), kind, subject, text, payload);
			} else {
				e = new Entry(next++, LocalTime.now().withNano(0), kind, subject, text, payload);
			}
			entries.add(e);
		}
		listeners.forEach(Runnable::run);
		return e;
	}

	/** @return the entries, oldest first */
	public synchronized List<Entry> entries() {
		return List.copyOf(entries);
	}

	/** Forgets everything recorded (numbering starts again). */
	public void clear() {
		synchronized (this) {
			entries.clear();
			next = 1;
		}
		listeners.forEach(Runnable::run);
	}

	/** @param l told after every change, on the thread that made it (the UI thread) */
	public void addListener(Runnable l) {
		listeners.add(l);
	}

	public void removeListener(Runnable l) {
		listeners.remove(l);
	}
}
