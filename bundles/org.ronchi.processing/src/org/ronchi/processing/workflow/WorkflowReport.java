package org.ronchi.processing.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a workflow run did, per input file and step; {@link #text()} is what {@code ronchi run} prints. */
public record WorkflowReport(List<InputReport> inputs) {

	/** One step on one input. */
	public record StepReport(String name, String operation, String status, String group, List<String> outputs, int partitionsRun,
			long bytesRead, double seconds) {
	}

	/** One input file. */
	public record InputReport(Path file, String dataset, Path resultsFile, List<StepReport> steps) {
	}

	public String text() {
		StringBuilder sb = new StringBuilder();
		for (InputReport in : inputs) {
			sb.append(in.file()).append(" (").append(in.dataset()).append(")\n");
			for (StepReport s : in.steps()) {
				sb.append(String.format(Locale.ROOT, "  %-10s %-28s %-8s %6.2f s  %s -> %s%n", s.name(), s.operation(), s.status().toLowerCase(Locale.ROOT),
						s.seconds(), s.group() == null ? "" : s.group(), String.join(", ", s.outputs())));
			}
			if (in.resultsFile() != null) {
				sb.append("  results: ").append(in.resultsFile()).append('\n');
			}
		}
		return sb.toString();
	}
}
