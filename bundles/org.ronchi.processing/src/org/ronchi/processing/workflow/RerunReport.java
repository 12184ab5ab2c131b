package org.ronchi.processing.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ronchi rerun} found, run by run and dataset by dataset; {@link #text()} is what it prints.
 *
 * @param resultsFile the results file verified
 * @param store       the id of the results store that owns it
 * @param rerunFile   where the runs were re-created, or null if that was a temporary file since deleted
 */
public record RerunReport(Path resultsFile, String store, Path rerunFile, List<RunCheck> runs) {

	/**
	 * One recorded run.
	 *
	 * @param name      the run's name in the results file
	 * @param rerunName its name in the re-created file, or null if it could not be re-run
	 * @param notes     what changed since it was recorded (input, operation version, an upstream run), or why
	 *                  it could not be re-run; empty when nothing did
	 */
	public record RunCheck(String name, String operation, String version, String rerunName, List<String> notes, List<DatasetCheck> datasets) {

		public RunCheck {
			notes = List.copyOf(notes);
			datasets = List.copyOf(datasets);
		}

		/** @return whether the run was re-run and every output came out identical */
		public boolean identical() {
			return rerunName != null && !datasets.isEmpty() && datasets.stream().allMatch(DatasetCheck::identical);
		}
	}

	/**
	 * One output of a run.
	 *
	 * @param detail what differs, or "" when identical
	 */
	public record DatasetCheck(String name, String shape, String dtype, boolean identical, String detail) {
	}

	public RerunReport {
		runs = List.copyOf(runs);
	}

	/** @return whether every run was re-run and every dataset came out byte for byte the same */
	public boolean identical() {
		return !runs.isEmpty() && runs.stream().allMatch(RunCheck::identical);
	}

	public String text() {
		StringBuilder sb = new StringBuilder();
		sb.append("rerun of ").append(resultsFile).append(" (").append(store).append(")");
		sb.append(rerunFile == null ? ", re-created in a temporary file (--out DIR keeps it)" : " into " + rerunFile).append('\n');
		int datasets = 0;
		int same = 0;
		int notRun = 0;
		for (RunCheck r : runs) {
			sb.append("  ").append(r.name()).append("  ").append(r.operation()).append(" version ").append(r.version());
			if (r.rerunName() == null) {
				notRun++;
				sb.append("  NOT RE-RUN");
			}
			sb.append('\n');
			for (String n : r.notes()) {
				sb.append("    ! ").append(n).append('\n');
			}
			for (DatasetCheck d : r.datasets()) {
				datasets++;
				same += d.identical() ? 1 : 0;
				sb.append(String.format(Locale.ROOT, "    %-14s %-16s %-9s %s%n", d.name(), d.shape(), d.dtype(),
						d.identical() ? "identical" : "DIFFERENT: " + d.detail()));
			}
		}
		sb.append(identical() ? "identical: " : "NOT identical: ").append(same).append(" of ").append(datasets).append(" datasets identical");
		if (notRun > 0) {
			sb.append(", ").append(notRun).append(" of ").append(runs.size()).append(" runs could not be re-run");
		}
		return sb.append('\n').toString();
	}
}
