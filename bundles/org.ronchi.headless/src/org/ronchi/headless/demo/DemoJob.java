package org.ronchi.headless.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Engine;
import org.ronchi.processing.MemorySource;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowReport;
import org.ronchi.processing.workflow.WorkflowRunner;

/**
 * What {@code ronchi demo} does: synthesises a small 4D-STEM scan ({@link SampleDataCube}, seed 42),
 * writes it as EMD 1.0 with the registered "emd1" writer ({@link DemoData}) (unless an identical file is already there),
 * writes the default workflow (virtual BF and ADF, mean diffraction pattern, centre of mass / DPC /
 * iDPC) next to it and runs it through the {@link WorkflowRunner} like any user workflow, saves PNG
 * previews of the run results, checks the DPC against the synthetic ground truth, and reports what it
 * did and where the files are.
 */
public final class DemoJob {
	/** Scan and detector size of the demo data: 40×40 positions of 64×64 pixels, 13 MB of uint16. */
	public static final int SCAN = 40;
	public static final int DETECTOR = 64;
	public static final long SEED = 42;
	static final String DATASET = DemoData.DATASET;

	private final OperationRegistry operations;
	private final LoaderRegistry loaders;
	private final WriterRegistry writers;

	/**
	 * @param loaders opens the data (the EMD 1.0 loader gives its calibration)
	 * @param writers writes the data ({@value DemoData#FORMAT})
	 */
	public DemoJob(OperationRegistry operations, LoaderRegistry loaders, WriterRegistry writers) {
		this.operations = operations;
		this.loaders = loaders;
		this.writers = writers;
	}

	/** What the demo made. */
	public record Report(Path dataFile, Path workflowFile, Path resultsFile, List<Path> previews, WorkflowReport workflow,
			double dpcCorrelation, String text) {
	}

	/** Runs the demo, writing into outDir (created if needed); results are written with the engine's default store. */
	public Report run(Path outDir, Engine engine, ProgressMonitor progress) {
		try {
			Files.createDirectories(outDir);
		} catch (IOException e) {
			throw new ProcessingException(outDir, null, "cannot create the demo folder: " + e.getMessage(), e);
		}
		progress.subTask("synthesising a " + SCAN + "x" + SCAN + " scan of " + DETECTOR + "x" + DETECTOR + " patterns");
		SampleDataCube cube = new SampleDataCube(SCAN, SCAN, DETECTOR, DETECTOR, SEED);
		Path data = outDir.resolve("sample_4dstem.emd").toAbsolutePath().normalize();
		boolean wrote = writeIfChanged(cube, data);
		Path wf = outDir.resolve("demo_workflow.json").toAbsolutePath().normalize();
		try {
			Files.writeString(wf, workflowJson(cube), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new ProcessingException(wf, null, "cannot write the workflow: " + e.getMessage(), e);
		}
		List<Path> previews = new ArrayList<>();
		double[] corr = new double[1];
		WorkflowReport report = new WorkflowRunner(operations, loaders, engine).run(Workflow.load(wf), progress, (input, steps) -> {
			progress.subTask("writing previews");
			previews.add(grey(steps.get("images").output("bf"), outDir, "bf.png", false));
			previews.add(grey(steps.get("images").output("adf"), outDir, "adf.png", false));
			previews.add(grey(steps.get("mean").output("pattern"), outDir, "mean_diffraction.png", true));
			RunResult com = steps.get("com");
			double[] dy = values(com.output("dpc_y"));
			double[] dx = values(com.output("dpc_x"));
			Path dpc = outDir.resolve("dpc.png").toAbsolutePath();
			Previews.vectors(dpc, dy, dx, SCAN, SCAN);
			previews.add(dpc);
			previews.add(grey(com.output("idpc"), outDir, "idpc.png", false));
			corr[0] = (correlation(dy, cube.shiftY) + correlation(dx, cube.shiftX)) / 2;
		});
		Path results = report.inputs().get(0).resultsFile();
		return new Report(data, wf, results, previews, report, corr[0], text(cube, data, wrote, wf, results, previews, report, corr[0]));
	}

	private static String text(SampleDataCube c, Path data, boolean wrote, Path wf, Path results, List<Path> previews, WorkflowReport r,
			double corr) {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "Ronchi demo: a synthetic 4D-STEM scan of a crystal wedge, %d x %d positions of %d x %d pixels "
				+ "(uint16, %.1f MB; bright-field disk deflected by a phase gradient, Bragg disks, thickness variation, Poisson noise, seed %d)%n",
				c.scanY, c.scanX, c.detY, c.detX, c.counts.length * 2 / 1e6, SEED));
		sb.append("  data:      ").append(data).append(wrote ? " (EMD 1.0, written)" : " (EMD 1.0, identical file kept)").append('\n');
		sb.append("  workflow:  ").append(wf).append("  (run it again: ronchi run ").append(wf.getFileName()).append(")\n");
		for (WorkflowReport.StepReport s : r.inputs().get(0).steps()) {
			sb.append(String.format(Locale.ROOT, "  %-9s  %-27s %-8s %5.2f s  -> %s%n", s.name(), s.operation(), s.status().toLowerCase(Locale.ROOT),
					s.seconds(), String.join(", ", s.outputs())));
		}
		sb.append("  results:   ").append(results).append("  (EMD 1.0; one group per step with its provenance)\n");
		sb.append("  previews:  ");
		for (int i = 0; i < previews.size(); i++) {
			sb.append(i > 0 ? ", " : "").append(previews.get(i).getFileName());
		}
		sb.append(" in ").append(previews.get(0).getParent()).append('\n');
		sb.append(String.format(Locale.ROOT, "  check:     the measured DPC follows the synthetic beam deflection (correlation %.3f)%n", corr));
		return sb.toString();
	}

	/** The default workflow, with the geometry of the synthetic data. */
	static String workflowJson(SampleDataCube c) {
		double r = c.diskRadius;
		return String.format(Locale.ROOT, """
				{
				  "description": "ronchi demo: virtual BF and ADF, mean diffraction pattern, centre of mass / DPC / iDPC",
				  "inputs": ["sample_4dstem.emd"],
				  "dataset": "%s",
				  "steps": [
				    {"name": "images", "operation": "stem4d.virtual-bf-adf",
				     "parameters": {"center": [%.1f, %.1f], "bf_radius": %.2f, "adf_inner": %.2f, "adf_outer": %.2f}},
				    {"name": "mean", "operation": "stem4d.virtual-diffraction", "parameters": {"reduce": "mean"}},
				    {"name": "com", "operation": "stem4d.com-dpc",
				     "parameters": {"center": [%.1f, %.1f], "mask_radius": %.2f, "reference": "mean"}}
				  ]
				}
				""", DATASET, c.centerY, c.centerX, r + 1, c.lattice * 0.7, c.detX / 2.0 - 1, c.centerY, c.centerX, r + 3);
	}

	/**
	 * Writes the cube as EMD 1.0 with the registered writer (a DataCube with its dims and the py4DSTEM
	 * calibration), unless the file holds the same counts already, so results are reused.
	 */
	boolean writeIfChanged(SampleDataCube c, Path file) {
		ByteBuffer b = ByteBuffer.allocate(c.counts.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		b.asShortBuffer().put(c.counts);
		long[] shape = { c.scanY, c.scanX, c.detY, c.detX };
		ArrayNode cube = new ArrayNode("datacube", new MemorySource(DType.UINT16, shape, b, null));
		cube.axes(List.of(Axis.linear("R_y", "nm", c.scanY, c.scanStep, 0).withNavigate(true),
				Axis.linear("R_x", "nm", c.scanX, c.scanStep, 0).withNavigate(true),
				Axis.linear("Q_y", "1/nm", c.detY, c.detPixel, -c.centerY * c.detPixel),
				Axis.linear("Q_x", "1/nm", c.detX, c.detPixel, -c.centerX * c.detPixel)));
		cube.title("datacube").kind("diffraction").quantity("Intensity", "counts");
		return DemoData.writeIfChanged(cube, "synthetic 4D-STEM scan (ronchi demo, seed " + SEED + ")", file, loaders, writers);
	}

	private static Path grey(ArrayNode a, Path dir, String name, boolean log) {
		Path p = dir.resolve(name).toAbsolutePath();
		Previews.grey(p, values(a), (int) a.shape()[0], (int) a.shape()[1], log);
		return p;
	}

	static double[] values(ArrayNode a) {
		return ((DoubleDataset) a.source().read(new long[a.rank()], Shapes.toInt(a.shape())).cast(DoubleDataset.class)).getData();
	}

	/** Pearson correlation, ignoring NaN pairs. */
	static double correlation(double[] a, double[] b) {
		double sa = 0;
		double sb = 0;
		int n = 0;
		for (int i = 0; i < a.length; i++) {
			if (!Double.isNaN(a[i])) {
				sa += a[i];
				sb += b[i];
				n++;
			}
		}
		double ma = sa / n;
		double mb = sb / n;
		double cov = 0;
		double va = 0;
		double vb = 0;
		for (int i = 0; i < a.length; i++) {
			if (!Double.isNaN(a[i])) {
				cov += (a[i] - ma) * (b[i] - mb);
				va += (a[i] - ma) * (a[i] - ma);
				vb += (b[i] - mb) * (b[i] - mb);
			}
		}
		return cov / Math.sqrt(va * vb);
	}
}
