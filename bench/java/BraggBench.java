import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.core.npy.NpyWriter;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.processing.Engine;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.diffraction.SyntheticCrystal;
import org.ronchi.processing.diffraction.ops.BraggDisksOperation;
import org.ronchi.processing.diffraction.ops.Probe;

/**
 * Bragg disk detection through the engine (stem4d.bragg-disks with the probe's kernel) on a synthetic
 * strained crystal in HDF5, for bench/bragg.sh.
 *
 * <pre>
 * BraggBench gen FILE.h5 TEMPLATE.npy SCAN      a SCAN x SCAN scan of 128 x 128 float32 patterns (+ 4 vacuum rows
 *                                               the probe is measured on) and the kernel, as the strain demo makes it
 * BraggBench run FILE.h5 TEMPLATE.npy THREADS REPEAT
 *                                               prints RUN lines and, per thread count, a RESULT line for its fastest
 *                                               run after the first: frames/s, process CPU, peaks and their checksum
 * </pre>
 */
public final class BraggBench {
	static final Map<String, Object> PARAMS = Map.of("min_peak_spacing", 8.0, "edge_boundary", 4);

	public static void main(String[] args) throws Exception {
		Path file = Paths.get(args[1]);
		Path template = Paths.get(args[2]);
		if (args[0].equals("gen")) {
			int scan = Integer.parseInt(args[3]);
			SyntheticCrystal c = new SyntheticCrystal(scan + 4, scan, 128, 5, 1.5, 2e4, 42, 4);
			long[] shape = c.source().shape();
			Hdf5Writer.write(file, root -> root.dataset("data", DType.FLOAT32, shape, DatasetOptions.chunked(1, (int) shape[1], 128, 128))
					.writeFrom(c.source(), null));
			try (Hdf5File h = Hdf5File.open(file); Engine e = new Engine()) {
				RunResult probe = e.run(RunRequest.of(new Probe(), h.array("/data")).params(Map.of("r", new int[] { 0, 4, 0, scan }, "mask_expansion", 6,
						"mask_opening", 1, "radii", new double[] { 1, 1.8 })));
				ArrayNode k = probe.output("kernel");
				NpyWriter.write(template, DType.FLOAT64, k.source().read(new long[2], Shapes.toInt(k.shape())));
			}
			return;
		}
		int[] threads = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
		int repeat = Integer.parseInt(args[4]);
		DoubleDataset kernel = (DoubleDataset) NpyReader.read(template).data().cast(DoubleDataset.class);
		Map<String, Object> params = new java.util.HashMap<>(PARAMS);
		params.put("template", kernel);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		String[] best = new String[threads.length];
		double[] bestSeconds = new double[threads.length];
		Arrays.fill(bestSeconds, Double.MAX_VALUE);
		try (Hdf5File h = Hdf5File.open(file)) {
			ArrayNode cube = h.array("/data");
			long frames = cube.shape()[0] * cube.shape()[1];
			for (int i = 0; i < repeat; i++) {
				for (int k = 0; k < threads.length; k++) {
					try (Engine e = new Engine(Engine.Config.defaults().threads(threads[k]))) {
						long c0 = os.getProcessCpuTime();
						long t0 = System.nanoTime();
						RunResult r = e.run(RunRequest.of(new BraggDisksOperation(), cube).params(params));
						double t = (System.nanoTime() - t0) / 1e9;
						double cpu = (os.getProcessCpuTime() - c0) / 1e9;
						PointListSource p = r.output("peaks").pointLists();
						long peaks = 0;
						double sum = 0;
						for (int x = 0; x < cube.shape()[0]; x++) {
							for (int y = 0; y < cube.shape()[1]; y++) {
								PointList l = p.read(x, y);
								peaks += l.length();
								for (int q = 0; q < l.length(); q++) {
									sum += l.getDouble(q, 0) + l.getDouble(q, 1);
								}
							}
						}
						String line = String.format(java.util.Locale.ROOT, "threads=%d frames=%d seconds=%.3f cpu=%.3f fps=%.2f peaks=%d checksum=%.6f",
								threads[k], frames, t, cpu, frames / t, peaks, sum);
						System.out.println("RUN " + line);
						if (i > 0 && t < bestSeconds[k] || repeat == 1) {
							bestSeconds[k] = t;
							best[k] = line;
						}
					}
				}
			}
		}
		for (String b : best) {
			System.out.println("RESULT ronchi " + b);
		}
	}
}
