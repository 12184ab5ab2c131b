package org.ronchi.headless;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

import org.ronchi.processing.Engine;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.headless.demo.DemoJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The main job on an embedded default: synthesise a 4D-STEM scan, write it as EMD 1.0, run the default
 * workflow (virtual BF and ADF, mean diffraction pattern, CoM/DPC) through the engine, write the results
 * with provenance and PNG previews, and report ({@link DemoJob}).
 */
@Command(name = "demo", description = "Synthesise a 4D-STEM scan, run virtual BF/ADF, mean diffraction and CoM/DPC/iDPC on it, "
		+ "write results with provenance and PNG previews, and report where everything is.")
final class DemoCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Option(names = "--out", paramLabel = "DIR", description = "where to write (default: ./ronchi-demo)")
	Path outDir = Paths.get("ronchi-demo");

	@Override
	public Integer call() {
		try (Engine engine = new Engine(Engine.Config.defaults(), cli.services.resultsStores())) {
			DemoJob.Report report = new DemoJob(cli.services.operations(), cli.services.loaders(), cli.services.writers()).run(outDir, engine,
					ProgressMonitor.printing(cli.err));
			cli.out.print(report.text());
		}
		return 0;
	}
}
