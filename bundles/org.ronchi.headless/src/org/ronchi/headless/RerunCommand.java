package org.ronchi.headless;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ronchi.processing.Engine;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.workflow.Rerun;
import org.ronchi.processing.workflow.RerunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rerun", description = "Re-create every run of a results file from its provenance (operation, version, parameters, input and "
		+ "its checksum) and compare every dataset byte for byte with the recorded one, saying why one differs. Exit 0 when all are "
		+ "identical, 1 otherwise. Progress on stderr. See docs/processing.md.")
final class RerunCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Parameters(index = "0", paramLabel = "RESULTS.h5")
	Path results;

	@Option(names = "--out", paramLabel = "DIR", description = "keep the re-created results file in DIR (same name; never over an existing file); "
			+ "default: a temporary file, deleted")
	Path out;

	@Override
	public Integer call() {
		try (Engine engine = new Engine(Engine.Config.defaults(), cli.services.resultsStores())) {
			RerunReport report = new Rerun(cli.services.operations(), cli.services.loaders(), engine).run(results, out,
					ProgressMonitor.printing(cli.err));
			cli.out.print(report.text());
			return report.identical() ? 0 : 1;
		}
	}
}
