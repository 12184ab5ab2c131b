package org.ronchi.io.dectris.tests.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.dectris.internal.DectrisLoader;

/**
 * Times the decoding of a whole Arina acquisition (bitshuffle + LZ4 chunks over several data files)
 * through the Dectris loader: open the master, one {@code readInto} of the 4D signal into a heap buffer
 * (the chunks decoded in parallel by the core's chunked reader), close; the best of the repeats. Run by bench/arina.sh, which times h5py with the C
 * plugin on the same files and compares the SHA-256 of the decoded bytes.
 *
 * <pre>
 * ArinaBench MASTER REPEATS
 * </pre>
 */
public final class ArinaBench {
	private ArinaBench() {
	}

	private static double cpu() {
		return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
	}

	public static void main(String[] args) throws NoSuchAlgorithmException {
		Path master = Path.of(args[0]);
		int repeats = Integer.parseInt(args[1]);
		ByteBuffer target = null;
		long[] shape = null;
		String dtype = null;
		double best = Double.MAX_VALUE;
		double bestCpu = 0;
		for (int r = -1; r < repeats; r++) { // r = -1: warm-up (JIT); also touches the target's pages
			double c0 = cpu();
			long t0 = System.nanoTime();
			// opened anew each time: the chunk cache of an opened file would serve the repeats undecoded
			try (DataFile f = new DectrisLoader().open(master, Map.of())) {
				ArraySource s = f.signals().get(0).source();
				if (target == null) {
					shape = s.shape();
					dtype = s.dtype().numpyName();
					target = ByteBuffer.allocate(Math.toIntExact(Shapes.size(shape) * s.dtype().itemSize()));
				}
				s.readInto(new long[shape.length], Shapes.toInt(shape), target.clear());
			}
			double w = (System.nanoTime() - t0) / 1e9;
			if (r >= 0 && w < best) {
				best = w;
				bestCpu = cpu() - c0;
			}
		}
		long bytes = target.capacity();
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(target.array()));
		System.out.printf("RESULT ronchi bytes=%d shape=%s dtype=%s seconds=%.3f cpu_s=%.3f gb_s=%.2f sha256=%s threads=%d%n", bytes,
				Shapes.format(shape).replace(" ", ""), dtype, best, bestCpu, bytes / best / 1e9, sha, Runtime.getRuntime().availableProcessors());
	}
}
