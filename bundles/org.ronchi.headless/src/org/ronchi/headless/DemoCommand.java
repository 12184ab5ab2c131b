package org.ronchi.headless;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

import org.ronchi.processing.Engine;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.headless.demo.DemoJob;
import org.ronchi.headless.demo.StrainDemoJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The main job on an embedded default: synthesise a 4D-STEM scan, write it as EMD 1.0, run the default
 * workflow (virtual BF and ADF, mean diffraction pattern, CoM/DPC) through the engine, write the results
 * with provenance and PNG previews, and report ({@link DemoJob}).
 */
@Command(name = "demo", description = "Synthesise a 4D-STEM scan, run virtual BF/ADF, mean diffraction and CoM/DPC/iDPC on it, "
		+ "write results with provenance and PNG previews, and report where everything is. 'demo strain': the strain-mapping truth check.",
		subcommands = DemoCommand.Strain.class)
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

	/** {@code ronchi demo strain}: the strain-mapping truth check ({@link StrainDemoJob}); exit code 1 if a target is missed. */
	@Command(name = "strain", description = "Synthesise a strained crystal with a known probe and strain field, run probe -> Bragg disks -> "
			+ "origin -> lattice -> strain through the engine, and compare with the truth: bragg_position_rms_px (target <= 0.1) and "
			+ "strain_rms_error (target <= 1e-3). Exit code 1 if a target is missed.")
	static final class Strain implements Callable<Integer> {
		@ParentCommand
		DemoCommand demo;

		@Option(names = "--out", paramLabel = "DIR", description = "where to write (default: ./ronchi-demo)")
		Path outDir = Paths.get("ronchi-demo");

		@Option(names = "--json", description = "print the measurements as one JSON object")
		boolean json;

		@Override
		public Integer call() {
			RonchiCli cli = demo.cli;
			try (Engine engine = new Engine(Engine.Config.defaults(), cli.services.resultsStores())) {
				StrainDemoJob.Result r = new StrainDemoJob(cli.services.operations(), cli.services.loaders(), cli.services.writers()).run(outDir,
						engine, json ? ProgressMonitor.NULL : ProgressMonitor.printing(cli.err));
				cli.out.println(json ? r.json() : r.text().stripTrailing());
				return r.report().passes() ? 0 : 1;
			}
		}
	}
}
