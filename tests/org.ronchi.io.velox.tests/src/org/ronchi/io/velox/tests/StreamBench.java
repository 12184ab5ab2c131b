package org.ronchi.io.velox.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.velox.internal.VeloxLoader;
import org.ronchi.io.velox.internal.stream.FrameSelection;
import org.ronchi.io.velox.internal.stream.SpectrumImageSource;
import org.ronchi.io.velox.internal.stream.StreamGeometry;
import org.ronchi.io.velox.internal.stream.StreamValues;

/**
 * Decoding speed of Velox spectrum streams, in MB of stream data per second, on a synthetic stream with
 * the structure of a real one: a 128 x 128 scan, 4096 channels, 0 to 60 X-rays per pixel and frame
 * (half of them in the low "zero peak" channels), as many frames as the size asks for.
 * <ul>
 * <li>memory: the stream as a short[]; first full read = index scan + decode, then a second read</li>
 * <li>file: the same stream in a synthetic Velox EMD file (chunks of 8192 values, as Velox writes),
 * opened with the loader and read whole: HDF5 chunk reads included</li>
 * </ul>
 * Run through bench/velox_stream.sh: {@code StreamBench [SIZE_MB=500] [memory|file|both] [OUT_DIR] [READS=3]}.
 */
public final class StreamBench {
	static final int NY = 128;
	static final int NX = 128;
	static final int CHANNELS = 4096;
	/** Full reads after the index scan; the best one is reported. */
	private static int reads = 3;

	private StreamBench() {
	}

	/** Produces the stream value by value, deterministically. */
	static final class Generator {
		private final SplittableRandom rnd = new SplittableRandom(42);
		private int left = -1;

		int next() {
			if (left < 0) {
				left = rnd.nextInt(61);
			}
			if (left == 0) {
				left = -1;
				return 65535;
			}
			left--;
			return rnd.nextBoolean() ? rnd.nextInt(300) : rnd.nextInt(2048);
		}
	}

	/** A stream in a char[] (unsigned 16-bit): what a memory map of the chunks would give. */
	record Chars(char[] values) implements StreamValues {
		@Override
		public long length() {
			return values.length;
		}

		@Override
		public void read(long pos, char[] into, int at, int n) {
			System.arraycopy(values, (int) pos, into, at, n);
		}

		@Override
		public Path file() {
			return null;
		}

		@Override
		public String where() {
			return "memory";
		}
	}

	public static void main(String[] args) throws Exception {
		long mb = args.length > 0 ? Long.parseLong(args[0]) : 500;
		String mode = args.length > 1 ? args[1] : "both";
		Path dir = Paths.get(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
		reads = args.length > 3 ? Integer.parseInt(args[3]) : 3;
		long values = mb * 1_000_000 / 2;
		System.out.printf(Locale.ROOT, "stream: %d MB (%d uint16 values), scan %d x %d, %d channels%n", mb, values, NY, NX, CHANNELS);
		if (!mode.equals("file")) {
			memory(values);
		}
		if (!mode.equals("memory")) {
			file(values, dir.resolve("ronchi-velox-bench.emd"));
		}
	}

	private static void memory(long n) {
		char[] s = new char[Math.toIntExact(n)];
		Generator g = new Generator();
		long markers = 0;
		for (int i = 0; i < s.length; i++) {
			int v = g.next();
			markers += v == 65535 ? 1 : 0;
			s[i] = (char) v;
		}
		SpectrumImageSource si = new SpectrumImageSource(List.of(new Chars(s)), new StreamGeometry(NY, NX, CHANNELS),
				new FrameSelection(0, FrameSelection.TO_END, true, 1), DType.UINT16);
		measure("memory", 2.0 * n / 1e6, si, n - markers);
	}

	/**
	 * Times the index scan and {@link #reads} full reads; reports wall-clock rates and, because benchmark
	 * machines are often shared, rates per CPU-second of the Java threads (GC excluded).
	 */
	private static void measure(String what, double mb, SpectrumImageSource si, long events) {
		Clock c = new Clock();
		si.indexes();
		double[] index = c.lap();
		double[] best = null;
		double[] first = null;
		for (int rep = 0; rep < reads; rep++) {
			Dataset d = si.read(new long[3], new int[] { NY, NX, CHANNELS });
			double[] t = c.lap();
			check(d, events);
			d = null;
			first = first == null ? t : first;
			best = best == null || t[0] < best[0] ? t : best;
			System.gc();
			c.lap();
		}
		System.out.printf(Locale.ROOT, "%s: index scan %.0f MB/s (%.0f per CPU-s); decode: first %.0f MB/s, best of %d %.0f MB/s"
				+ " (%.0f per CPU-s); first full read incl. index %.0f MB/s%n", what, mb / index[0], mb / index[1], mb / first[0],
				reads, mb / best[0], mb / best[1], mb / (index[0] + first[0]));
	}

	/** Wall-clock seconds and CPU seconds of all live threads since the last lap. */
	private static final class Clock {
		private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		private long wall = System.nanoTime();
		private long cpu = cpu();

		private long cpu() {
			long sum = 0;
			for (long id : threads.getAllThreadIds()) {
				sum += Math.max(0, threads.getThreadCpuTime(id));
			}
			return sum;
		}

		double[] lap() {
			long w = System.nanoTime();
			long c = cpu();
			double[] t = { (w - wall) / 1e9, Math.max(1, c - cpu) / 1e9 };
			wall = w;
			cpu = c;
			return t;
		}
	}

	private static void file(long n, Path target) throws Exception {
		Files.deleteIfExists(target);
		long t0 = System.nanoTime();
		long events = write(n, target);
		long t1 = System.nanoTime();
		System.out.printf(Locale.ROOT, "file: wrote %s (%d MB) in %.1f s%n", target, Files.size(target) / 1_000_000, sec(t0, t1));
		try {
			long t2 = System.nanoTime();
			try (DataFile f = new VeloxLoader().open(target, Map.of())) {
				long t3 = System.nanoTime();
				System.out.printf(Locale.ROOT, "file: open %.1f ms (first open in this JVM)%n", 1e3 * sec(t2, t3));
				ArrayNode si = f.signals().get(f.signals().size() - 1);
				measure("file", 2.0 * n / 1e6, (SpectrumImageSource) si.source(), events);
			}
		} finally {
			if (!"1".equals(System.getenv("KEEP"))) {
				Files.deleteIfExists(target);
			}
		}
	}

	/** @return the number of X-rays written */
	private static long write(long n, Path target) {
		long[] events = new long[1];
		Hdf5Writer.write(target, root -> {
			VeloxWriter.version(root, 11);
			String json = VeloxWriter.metadataJson("SuperXG21", 0, 1e-9, "m", NX * 4, NY * 4, 0.25, List.of("SuperXG21"));
			WGroup g = VeloxWriter.sub(VeloxWriter.sub(VeloxWriter.sub(root, "Data"), "SpectrumStream"), "bench");
			VeloxWriter.json(g, "AcquisitionSettings", "{\"bincount\": \"" + CHANNELS + "\", \"StreamEncoding\": \"uint16\"}");
			VeloxWriter.metadata(g, 1, json);
			WDataset d = g.dataset("Data", DType.UINT16, new long[] { n, 1 }, DatasetOptions.chunked(8192, 1));
			Generator gen = new Generator();
			long markers = 0;
			for (long at = 0; at < n; at += 8192) {
				int len = (int) Math.min(8192, n - at);
				ByteBuffer b = ByteBuffer.allocate(len * 2).order(ByteOrder.LITTLE_ENDIAN);
				for (int i = 0; i < len; i++) {
					int v = gen.next();
					events[0] += v == 65535 ? 0 : 1;
					markers += v == 65535 ? 1 : 0;
					b.putShort((short) v);
				}
				d.writeChunk(new long[] { at, 0 }, b.flip());
			}
			VeloxWriter.spectrumImage(root, "si", (int) (markers / (NY * NX) + 1), json);
		});
		return events[0];
	}

	private static void check(Dataset d, long events) {
		long sum = 0;
		for (int i = 0; i < d.getSize(); i++) {
			sum += d.getElementLongAbs(i);
		}
		if (sum != events) {
			throw new AssertionError("decoded " + sum + " X-rays, the stream has " + events);
		}
	}

	private static double sec(long from, long to) {
		return (to - from) / 1e9;
	}
}
