import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

import org.ronchi.core.io.FileLoader;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.processing.Engine;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.stem4d.VirtualBfAdf;

/**
 * Virtual BF + ADF through the engine on a 4-D datacube: an HDF5 dataset, or the first signal of a file
 * opened by a loader (DATASET {@code loader=CLASS}, e.g. the Merlin loader for bench/mib.sh). Arguments:
 * FILE DATASET THREADS [REPEAT=12],
 * THREADS a comma-separated list (e.g. "2,1"): the thread counts take turns, run after run, so they see
 * the same load on a shared machine. Prints a RUN line per run and, per thread count, a RESULT line for
 * its fastest run after the first (JIT warm-up): wall time, process CPU time, GB/s, heap peak (sum of
 * heap pools) against the maximum heap, direct memory in use, partitions, and the BF/ADF sums.
 */
public final class VirtualDetectorBench {
	public static void main(String[] args) throws Exception {
		Path file = Paths.get(args[0]);
		String dataset = args[1];
		int[] threads = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
		int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 12;
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		String[] best = new String[threads.length];
		double[] bestSeconds = new double[threads.length];
		Arrays.fill(bestSeconds, Double.MAX_VALUE);
		Engine[] engines = new Engine[threads.length];
		for (int k = 0; k < threads.length; k++) {
			engines[k] = new Engine(Engine.Config.defaults().threads(threads[k]));
		}
		try (Cube opened = Cube.open(file, dataset)) {
			ArrayNode cube = opened.node();
			for (int i = 0; i < repeat; i++) {
				for (int k = 0; k < threads.length; k++) {
					for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
						p.resetPeakUsage();
					}
					long c0 = os.getProcessCpuTime();
					long t0 = System.nanoTime();
					RunResult r = engines[k].run(RunRequest.of(new VirtualBfAdf(), cube).params(Map.of()));
					long t = System.nanoTime() - t0;
					long c = os.getProcessCpuTime() - c0;
					long heapPeak = 0;
					for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
						if (p.getType() == MemoryType.HEAP) {
							heapPeak += p.getPeakUsage().getUsed();
						}
					}
					long direct = 0;
					for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
						if (b.getName().equals("direct")) {
							direct = b.getMemoryUsed();
						}
					}
					String line = String.format(java.util.Locale.ROOT,
							"ronchi threads=%d run=%d seconds=%.3f cpu=%.3f bytes=%d gbps=%.3f heap_peak_mb=%.1f heap_max_mb=%.1f direct_mb=%.1f partitions=%d bf_sum=%.1f adf_sum=%.1f",
							threads[k], i, t / 1e9, c / 1e9, r.bytesRead(), r.bytesRead() / (t / 1e9) / 1e9, heapPeak / 1048576.0,
							Runtime.getRuntime().maxMemory() / 1048576.0, direct / 1048576.0, r.partitionsTotal(), sum(r.output("bf")),
							sum(r.output("adf")));
					System.out.println("RUN " + line);
					if (i > 0 && t / 1e9 < bestSeconds[k]) {
						bestSeconds[k] = t / 1e9;
						best[k] = line;
					}
				}
			}
		} finally {
			for (Engine e : engines) {
				e.close();
			}
		}
		for (String b : best) {
			System.out.println("RESULT " + b);
		}
	}

	/** The datacube and what holds it open. */
	private record Cube(ArrayNode node, AutoCloseable handle) implements AutoCloseable {
		static Cube open(Path file, String dataset) throws Exception {
			if (dataset.startsWith("loader=")) {
				FileLoader loader = (FileLoader) Class.forName(dataset.substring("loader=".length())).getConstructor().newInstance();
				DataFile f = loader.open(file, Map.of());
				return new Cube(f.signals().get(0), f);
			}
			Hdf5File h = Hdf5File.open(file);
			return new Cube(h.array(dataset), h);
		}

		@Override
		public void close() throws Exception {
			handle.close();
		}
	}

	private static double sum(ArrayNode a) {
		double[] d = (double[]) a.source().read(new long[a.rank()], org.ronchi.core.lazy.Shapes.toInt(a.shape()))
				.cast(org.eclipse.january.dataset.DoubleDataset.class).getBuffer();
		double s = 0;
		for (double v : d) {
			s += v;
		}
		return s;
	}
}
