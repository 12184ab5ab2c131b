package org.ronchi.processing;

import java.nio.file.Path;

/**
 * The run was cancelled through its {@link ProgressMonitor}. Completed partitions were recorded: the
 * same request run again resumes after them.
 */
public class CancelledException extends ProcessingException {
	private static final long serialVersionUID = 1L;
	private final int completed;
	private final int total;

	public CancelledException(Path file, String where, int completed, int total) {
		super(file, where, "cancelled after " + completed + " of " + total + " partitions; run again to resume");
		this.completed = completed;
		this.total = total;
	}

	/** @return partitions recorded as complete */
	public int completed() {
		return completed;
	}

	public int total() {
		return total;
	}
}
