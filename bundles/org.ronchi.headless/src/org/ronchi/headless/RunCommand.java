package org.ronchi.headless;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ronchi.processing.Engine;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", description = "Run a workflow (JSON: inputs with globs, dataset, steps of operation + parameters, output); "
		+ "every step is validated on every input before any work starts. Progress on stderr. See docs/processing.md.")
final class RunCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Parameters(index = "0", paramLabel = "WORKFLOW.json")
	Path workflow;

	@Override
	public Integer call() {
		try (Engine engine = new Engine(Engine.Config.defaults(), cli.services.resultsStores())) {
			var report = new WorkflowRunner(cli.services.operations(), cli.services.loaders(), engine)
					.run(Workflow.load(workflow), ProgressMonitor.printing(cli.err));
			cli.out.print(report.text());
		}
		return 0;
	}
}
