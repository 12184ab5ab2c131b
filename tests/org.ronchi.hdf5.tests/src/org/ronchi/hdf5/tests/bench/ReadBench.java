package org.ronchi.hdf5.tests.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.SliceND;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.hdf5.Hdf5File;

/**
 * Times Ronchi's HDF5 reads of the uint16 dataset {@code /data} in the files bench/hdf5_read.py writes.
 * Run by bench/hdf5_read.sh, which times h5py on the same files and compares.
 *
 * <pre>
 * ReadBench full FILE REPEATS        # whole dataset: readInto a direct buffer, then read() (int32)
 * ReadBench frames FILE COUNT SEED   # random [i, j, :, :] frames after open, each path on its own frames
 * </pre>
 *
 * Checksums (sums of the uint16 values) are printed for the script to compare with h5py's.
 */
public final class ReadBench {
	private static final long A = 6364136223846793005L;
	private static final long C = 1442695040888963407L;

	private ReadBench() {
	}

	public static void main(String[] args) {
		Path file = Path.of(args[1]);
		switch (args[0]) {
		case "full" -> full(file, Integer.parseInt(args[2]));
		case "frames" -> frames(file, Integer.parseInt(args[2]), Long.parseLong(args[3]));
		default -> throw new IllegalArgumentException("unsupported mode: " + args[0]);
		}
	}

	/** The same 64-bit LCG as hdf5_read.py, so both sides read the same frames. */
	static long[] randomFrames(long nFrames, int count, long seed) {
		long x = seed;
		long[] out = new long[count];
		for (int k = 0; k < count; k++) {
			x = x * A + C;
			out[k] = (x >>> 33) % nFrames;
		}
		return out;
	}

	private static double cpu() {
		return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
	}

	private static void full(Path file, int repeats) {
		try (Hdf5File h = Hdf5File.open(file)) {
			ArraySource s = h.array("/data").source();
			long[] shape = s.shape();
			int[] count = Shapes.toInt(shape);
			long bytes = Shapes.size(shape) * s.dtype().itemSize();
			long[] start = new long[shape.length];
			ByteBuffer target = ByteBuffer.allocateDirect(Math.toIntExact(bytes));
			s.readInto(start, count, target.clear()); // warm-up; also touches the target's pages
			long checksum = sum(target);
			double best = Double.MAX_VALUE;
			double bestCpu = 0;
			for (int r = 0; r < repeats; r++) {
				double c0 = cpu();
				long t0 = System.nanoTime();
				s.readInto(start, count, target.clear());
				double w = (System.nanoTime() - t0) / 1e9;
				if (w < best) {
					best = w;
					bestCpu = cpu() - c0;
				}
			}
			if (sum(target) != checksum) {
				throw new IllegalStateException("readInto gave different data on a repeat");
			}
			target = null;
			double bestRead = Double.MAX_VALUE;
			double bestReadCpu = 0;
			long readSum = 0;
			for (int r = 0; r < repeats; r++) {
				System.gc();
				double c0 = cpu();
				long t0 = System.nanoTime();
				Dataset d = s.read(start, count);
				double w = (System.nanoTime() - t0) / 1e9;
				if (w < bestRead) {
					bestRead = w;
					bestReadCpu = cpu() - c0;
				}
				readSum = 0;
				for (int v : ((IntegerDataset) d).getData()) {
					readSum += v;
				}
			}
			System.out.printf("RESULT ronchi full bytes=%d seconds=%.3f cpu_s=%.3f gb_s=%.2f read_seconds=%.3f read_cpu_s=%.3f "
					+ "checksum=%d read_checksum=%d threads=%d%n", bytes, best, bestCpu, bytes / best / 1e9, bestRead, bestReadCpu,
					checksum, readSum, Runtime.getRuntime().availableProcessors());
		}
	}

	private static long sum(ByteBuffer b) {
		ShortBuffer s = b.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
		long sum = 0;
		for (int i = 0; i < s.limit(); i++) {
			sum += s.get(i) & 0xffff;
		}
		return sum;
	}

	private static void frames(Path file, int count, long seed) {
		long t0 = System.nanoTime();
		try (Hdf5File h = Hdf5File.open(file)) {
			ArrayNode a = h.array("/data");
			ArraySource s = a.source();
			double openMs = (System.nanoTime() - t0) / 1e6;
			long[] shape = s.shape();
			int[] frame = { 1, 1, (int) shape[2], (int) shape[3] };
			long nFrames = shape[0] * shape[1];
			ByteBuffer buf = ByteBuffer.allocateDirect(frame[2] * frame[3] * 2);
			long[] first = randomFrames(nFrames, count, seed);
			long checksum = 0;
			double[] into = new double[count];
			for (int k = 0; k < count; k++) {
				long t = System.nanoTime();
				s.readInto(new long[] { first[k] / shape[1], first[k] % shape[1], 0, 0 }, frame, buf.clear());
				into[k] = (System.nanoTime() - t) / 1e6;
				checksum += sum(buf);
			}
			double[] read = new double[count];
			long[] second = randomFrames(nFrames, count, seed + 1);
			for (int k = 0; k < count; k++) {
				long t = System.nanoTime();
				s.read(new long[] { second[k] / shape[1], second[k] % shape[1], 0, 0 }, frame);
				read[k] = (System.nanoTime() - t) / 1e6;
			}
			// a scan of four rows of frames (64 MiB: bigger than a quarter of the chunk cache, so it must not
			// fill it), then the last 40 frames of the read() pass again: those chunks must still be cached
			int[] rows = { 4, (int) shape[1], frame[2], frame[3] };
			long t1 = System.nanoTime();
			s.readInto(new long[4], rows, ByteBuffer.allocateDirect(Math.toIntExact(Shapes.size(rows) * 2)));
			double scanMs = (System.nanoTime() - t1) / 1e6;
			double[] again = new double[Math.min(count, 40)];
			for (int k = 0; k < again.length; k++) {
				long f = second[count - again.length + k];
				long t = System.nanoTime();
				s.readInto(new long[] { f / shape[1], f % shape[1], 0, 0 }, frame, buf.clear());
				again[k] = (System.nanoTime() - t) / 1e6;
			}
			// the January route the UI takes: a frame of a lazy dataset (getSize() overflows past 2^31, slicing must not)
			double[] lazy = new double[Math.min(count, 20)];
			long[] third = randomFrames(nFrames, lazy.length, seed + 2);
			for (int k = 0; k < lazy.length; k++) {
				SliceND slice = new SliceND(Shapes.toInt(shape));
				slice.setSlice(0, (int) (third[k] / shape[1]), (int) (third[k] / shape[1]) + 1, 1);
				slice.setSlice(1, (int) (third[k] % shape[1]), (int) (third[k] % shape[1]) + 1, 1);
				long t = System.nanoTime();
				try {
					a.lazy().getSlice(slice);
				} catch (org.eclipse.january.DatasetException e) {
					throw new IllegalStateException(e);
				}
				lazy[k] = (System.nanoTime() - t) / 1e6;
			}
			System.out.printf("RESULT ronchi frames chunks=%s count=%d open_ms=%.1f first_ms=%.1f p50_ms=%.2f p95_ms=%.2f max_ms=%.1f "
					+ "read_p50_ms=%.2f read_p95_ms=%.2f scan_ms=%.1f repeat_p50_ms=%.2f repeat_p95_ms=%.2f lazy_p95_ms=%.2f checksum=%d%n",
					Arrays.toString(s.chunkShape()).replaceAll("[\\[\\] ]", "").replace(',', 'x'), count, openMs, into[0],
					pct(into, 50), pct(into, 95), Arrays.stream(into).max().orElse(0), pct(read, 50), pct(read, 95), scanMs,
					pct(again, 50), pct(again, 95), pct(lazy, 95), checksum);
		}
	}

	/** The percentile as numpy's default (linear interpolation between closest ranks). */
	static double pct(double[] v, double p) {
		double[] s = v.clone();
		Arrays.sort(s);
		double at = p / 100 * (s.length - 1);
		int lo = (int) Math.floor(at);
		int hi = Math.min(lo + 1, s.length - 1);
		return s[lo] + (s[hi] - s[lo]) * (at - lo);
	}
}
