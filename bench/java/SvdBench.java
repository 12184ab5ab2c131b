import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Paths;
import java.util.Map;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.processing.Engine;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.decomposition.ops.SvdOperation;

/**
 * decomposition.svd through the engine on an HDF5 spectrum image /data (ny, nx, channels), for
 * bench/svd.sh. Arguments: FILE K THREADS REPEAT. Prints a RUN line per run and a RESULT line for the
 * fastest after the first (JIT warm-up): wall and CPU time, passes, method, heap peak (sum of the heap
 * pools) against the maximum heap; then the K singular values.
 */
public final class SvdBench {
	public static void main(String[] args) throws Exception {
		int k = Integer.parseInt(args[1]);
		int threads = Integer.parseInt(args[2]);
		int repeat = Integer.parseInt(args[3]);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		String best = null;
		double bestSeconds = Double.MAX_VALUE;
		double[] values = null;
		try (Hdf5File h = Hdf5File.open(Paths.get(args[0])); Engine e = new Engine(Engine.Config.defaults().threads(threads))) {
			ArrayNode si = h.array("/data");
			long[] s = si.shape();
			si.axes(java.util.List.of(Axis.index("y", s[0]).withNavigate(true), Axis.index("x", s[1]).withNavigate(true), Axis.index("channel", s[2])));
			for (int i = 0; i < repeat; i++) {
				for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
					p.resetPeakUsage();
				}
				System.gc();
				long c0 = os.getProcessCpuTime();
				long t0 = System.nanoTime();
				RunResult r = e.run(RunRequest.of(new SvdOperation(), si).params(Map.of("output_dimension", k)));
				double t = (System.nanoTime() - t0) / 1e9;
				double cpu = (os.getProcessCpuTime() - c0) / 1e9;
				long heap = 0;
				for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
					if (p.getType() == MemoryType.HEAP) {
						heap += p.getPeakUsage().getUsed();
					}
				}
				ArrayNode sv = r.output("singular_values");
				org.eclipse.january.dataset.Dataset d = sv.source().read(new long[1], Shapes.toInt(sv.shape()));
				values = new double[d.getSize()];
				for (int j = 0; j < values.length; j++) {
					values[j] = d.getElementDoubleAbs(j);
				}
				String line = String.format(java.util.Locale.ROOT, "threads=%d seconds=%.3f cpu=%.3f passes=%d partitions=%d bytes=%d heap_peak_mb=%d heap_max_mb=%d",
						threads, t, cpu, r.plan().passes(), r.partitionsTotal() / r.plan().passes(), Shapes.size(s) * 4, heap >> 20,
						Runtime.getRuntime().maxMemory() >> 20);
				System.out.println("RUN " + line);
				if (i > 0 && t < bestSeconds || repeat == 1) {
					bestSeconds = t;
					best = line;
				}
			}
		}
		System.out.println("RESULT ronchi " + best);
		StringBuilder sb = new StringBuilder("VALUES");
		for (double v : values) {
			sb.append(' ').append(v);
		}
		System.out.println(sb);
	}
}
