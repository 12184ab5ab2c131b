package org.ronchi.headless.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.processing.Engine;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.diffraction.StrainDemo;
import org.ronchi.processing.diffraction.SyntheticCrystal;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowReport;
import org.ronchi.processing.workflow.WorkflowRunner;

/**
 * What {@code ronchi demo strain} does: synthesises a strained crystal with a known probe, strain field
 * and descan ({@link SyntheticCrystal#demo()}: 4 vacuum rows and 16 × 16 crystal positions of 128 × 128
 * pixels, Poisson noise, seed 42), writes it as EMD 1.0, writes the strain workflow (probe → Bragg disks
 * → origin → lattice → strain, {@link StrainDemo#workflowJson}) next to it, runs it through the
 * {@link WorkflowRunner} like any user workflow, and compares its results with the truth
 * ({@link StrainDemo#check}).
 */
public final class StrainDemoJob {
	static final String DATA = "strain_4dstem.emd";

	private final OperationRegistry operations;
	private final LoaderRegistry loaders;
	private final WriterRegistry writers;

	public StrainDemoJob(OperationRegistry operations, LoaderRegistry loaders, WriterRegistry writers) {
		this.operations = operations;
		this.loaders = loaders;
		this.writers = writers;
	}

	/** What the demo made and measured. */
	public record Result(Path dataFile, Path workflowFile, Path resultsFile, WorkflowReport workflow, StrainDemo.Report report) {

		/** @return the measurements as one JSON object, with the files */
		public String json() {
			return "{\"data_file\": " + quote(dataFile) + ", \"workflow_file\": " + quote(workflowFile) + ", \"results_file\": " + quote(resultsFile)
					+ ", " + report.toJson().substring(1);
		}

		private static String quote(Path p) {
			return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}

		public String text() {
			StringBuilder sb = new StringBuilder();
			SyntheticCrystal c = SyntheticCrystal.demo();
			sb.append(String.format(Locale.ROOT, "Ronchi strain demo: a synthetic strained crystal, %d x %d positions (the first %d rows vacuum) "
					+ "of %d x %d pixels, known probe, strain field up to 1 %% and descan, Poisson noise, seed 42%n", c.scanRows(), c.scanColumns(),
					c.vacuumRows(), c.detectorSize(), c.detectorSize()));
			sb.append("  data:      ").append(dataFile).append('\n');
			sb.append("  workflow:  ").append(workflowFile).append("  (run it again: ronchi run ").append(workflowFile.getFileName()).append(")\n");
			for (WorkflowReport.StepReport s : workflow.inputs().get(0).steps()) {
				sb.append(String.format(Locale.ROOT, "  %-8s  %-20s %-8s %6.2f s  -> %s%n", s.name(), s.operation(),
						s.status().toLowerCase(Locale.ROOT), s.seconds(), String.join(", ", s.outputs())));
			}
			sb.append("  results:   ").append(resultsFile).append('\n');
			sb.append(String.format(Locale.ROOT, "  bragg_position_rms_px  %.4g (target <= 0.1; %d of %d true disks found, %d peaks)%n",
					report.braggPositionRmsPx(), report.disksMatched(), report.disksTrue(), report.disksFound()));
			sb.append(String.format(Locale.ROOT, "  strain_rms_error       %.3g (target <= 0.001; e_xx, e_yy, e_xy over %d crystal positions)%n",
					report.strainRmsError(), report.positions()));
			sb.append(String.format(Locale.ROOT, "  probe radius %.3f px (true 5), origin plane rms %.4f px%n", report.probeRadiusPx(),
					report.originPlaneRmsPx()));
			sb.append("  ").append(report.passes() ? "PASS" : "FAIL").append('\n');
			return sb.toString();
		}
	}

	public Result run(Path outDir, Engine engine, ProgressMonitor progress) {
		try {
			Files.createDirectories(outDir);
		} catch (IOException e) {
			throw new ProcessingException(outDir, null, "cannot create the demo folder: " + e.getMessage(), e);
		}
		SyntheticCrystal c = SyntheticCrystal.demo();
		progress.subTask("synthesising a strained crystal");
		Path data = outDir.resolve(DATA).toAbsolutePath().normalize();
		int nq = c.detectorSize();
		ArrayNode cube = new ArrayNode("datacube", c.source());
		cube.axes(List.of(Axis.index("R_x", c.scanRows()).withNavigate(true), Axis.index("R_y", c.scanColumns()).withNavigate(true),
				Axis.linear("Q_x", "px", nq, 1, 0), Axis.linear("Q_y", "px", nq, 1, 0)));
		cube.title("datacube").kind("diffraction").quantity("Intensity", "counts");
		DemoData.writeIfChanged(cube, "synthetic strained crystal (ronchi demo strain, seed 42)", data, loaders, writers);
		Path wf = outDir.resolve("strain_workflow.json").toAbsolutePath().normalize();
		try {
			Files.writeString(wf, StrainDemo.workflowJson(c, DATA, DemoData.DATASET), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new ProcessingException(wf, null, "cannot write the workflow: " + e.getMessage(), e);
		}
		StrainDemo.Report[] report = new StrainDemo.Report[1];
		WorkflowReport w = new WorkflowRunner(operations, loaders, engine).run(Workflow.load(wf), progress,
				(input, steps) -> report[0] = StrainDemo.check(c, steps));
		return new Result(data, wf, w.inputs().get(0).resultsFile(), w, report[0]);
	}
}
