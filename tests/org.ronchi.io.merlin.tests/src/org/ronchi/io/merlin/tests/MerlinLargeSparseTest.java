package org.ronchi.io.merlin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.merlin.internal.MerlinLoader;
import org.ronchi.tests.support.TestData;

/**
 * A ~100 GB acquisition (a sparse file: 872 x 872 frames of 256 x 256 U16, written only where a frame
 * header or pixel is set) opened and read in a separate JVM with {@code -Xmx512m}: the loader indexes
 * the frames from their headers without reading them, one frame reads back its values, and a virtual
 * bright-field image of the whole scan (the rows the disk covers, frame by frame) finds the frames that
 * hold counts.
 */
class MerlinLargeSparseTest {
	static final int SCAN = 872;
	static final int SIDE = 256;
	static final int HEADER = 384;
	static final long STRIDE = HEADER + 2L * SIDE * SIDE;
	/** The bright-field disk: rows [BF_FROM, BF_FROM + BF_ROWS) of every frame, the whole width. */
	static final int BF_FROM = 124;
	static final int BF_ROWS = 8;
	/** Frames holding counts: their position on the scan and the value of every pixel. */
	static final int[][] LIT = { { 0, 0, 3 }, { 436, 436, 7 }, { 871, 871, 11 } };

	@Test
	void hundredGigabytesInHalfAGigabyteOfHeap() throws Exception {
		Path dir = TestData.tempDir("merlin-sparse");
		Path mib = dir.resolve("big.mib");
		try {
			write(mib);
			MibWriter.hdr(dir.resolve("big.hdr"), (long) SCAN * SCAN, SCAN, "");
			assertTrue(Files.size(mib) > 99_000_000_000L, "size " + Files.size(mib));
			String out = runChild(mib);
			assertTrue(out.contains("shape [872, 872, 256, 256]"), out);
			assertTrue(out.contains("frame ok"), out);
			long disk = (long) BF_ROWS * SIDE;
			StringBuilder expected = new StringBuilder("bf");
			for (int[] lit : LIT) {
				expected.append(' ').append(lit[0]).append(',').append(lit[1]).append('=').append(disk * lit[2]);
			}
			assertTrue(out.contains(expected.toString()), out + " (expected " + expected + ")");
		} finally {
			Files.deleteIfExists(mib);
			Files.deleteIfExists(dir.resolve("big.hdr"));
			Files.deleteIfExists(dir);
		}
	}

	/** The headers of the first and last frame, the lit frames whole; the rest is a hole. */
	private static void write(Path mib) throws IOException {
		MibWriter w = new MibWriter(SIDE, SIDE, false, 12, false);
		long frames = (long) SCAN * SCAN;
		try (RandomAccessFile f = new RandomAccessFile(mib.toFile(), "rw")) {
			f.setLength(frames * STRIDE);
			for (long k : new long[] { 0, frames - 1 }) {
				f.seek(k * STRIDE);
				f.write(w.header(k + 1, k * 1_000_000L));
			}
			for (int[] lit : LIT) {
				long k = (long) lit[0] * SCAN + lit[1];
				ByteBuffer b = ByteBuffer.allocate((int) STRIDE).order(ByteOrder.BIG_ENDIAN);
				b.put(w.header(k + 1, k * 1_000_000L));
				for (int i = 0; i < SIDE * SIDE; i++) {
					b.putShort((short) lit[2]);
				}
				f.seek(k * STRIDE);
				f.write(b.array());
			}
		}
	}

	private static String runChild(Path mib) throws IOException, InterruptedException, URISyntaxException {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", classPath(), Child.class.getName(), mib.toString());
		pb.redirectErrorStream(true);
		Process p = pb.start();
		byte[] out = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(10, TimeUnit.MINUTES));
		String text = new String(out);
		assertEquals(0, p.exitValue(), text);
		return text;
	}

	/** Where the classes the child needs come from: bundle jars or folders under OSGi, class folders on a flat class path. */
	private static String classPath() throws URISyntaxException {
		Set<String> entries = new LinkedHashSet<>();
		List<Class<?>> anchors = new ArrayList<>(List.of(Child.class, MerlinLoader.class, ArraySource.class, Dataset.class));
		for (String name : new String[] { "org.apache.commons.math3.util.FastMath", "org.slf4j.LoggerFactory", "javax.measure.Unit" }) {
			try {
				anchors.add(Dataset.class.getClassLoader().loadClass(name));
			} catch (ClassNotFoundException | NoClassDefFoundError e) {
				// January does not need it at run time in this configuration
			}
		}
		for (Class<?> c : anchors) {
			CodeSource cs = c.getProtectionDomain().getCodeSource();
			if (cs != null && cs.getLocation() != null) {
				entries.add(Paths.get(cs.getLocation().toURI()).toString());
			}
		}
		String repo = System.getProperty("ronchi.repo");
		if (repo != null) { // Tycho runs bundles from their jars; their class folders are a fallback
			for (String m : new String[] { "tests/org.ronchi.io.merlin.tests", "bundles/org.ronchi.io.merlin", "bundles/org.ronchi.core" }) {
				Path classes = Paths.get(repo, m, "target", "classes");
				if (Files.isDirectory(classes)) {
					entries.add(classes.toString());
				}
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	/** Runs in the JVM with -Xmx512m: opens, reads a frame, sums the bright-field rows of every frame. */
	public static final class Child {
		public static void main(String[] args) {
			try (DataFile f = new MerlinLoader().open(Paths.get(args[0]), Map.of("flip", "none"))) {
				ArrayNode n = f.signals().get(0);
				System.out.println("shape " + java.util.Arrays.toString(n.shape()) + " heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
				ArraySource s = n.source();
				Dataset frame = s.read(new long[] { 436, 436, 0, 0 }, new int[] { 1, 1, SIDE, SIDE });
				boolean ok = frame.getInt(0, 0, 0, 0) == 7 && frame.getInt(0, 0, SIDE - 1, SIDE - 1) == 7
						&& s.read(new long[] { 436, 435, 0, 0 }, new int[] { 1, 1, SIDE, SIDE }).max().intValue() == 0;
				System.out.println(ok ? "frame ok" : "frame wrong");
				int block = 64;
				ByteBuffer buf = ByteBuffer.allocateDirect(block * BF_ROWS * SIDE * 2).order(ByteOrder.LITTLE_ENDIAN);
				StringBuilder lit = new StringBuilder("bf");
				for (int y = 0; y < SCAN; y++) {
					for (int x0 = 0; x0 < SCAN; x0 += block) {
						int nx = Math.min(block, SCAN - x0);
						buf.clear();
						s.readInto(new long[] { y, x0, BF_FROM, 0 }, new int[] { 1, nx, BF_ROWS, SIDE }, buf);
						for (int i = 0; i < nx; i++) {
							long sum = 0;
							for (int p = 0; p < BF_ROWS * SIDE; p++) {
								sum += buf.getShort((i * BF_ROWS * SIDE + p) * 2) & 0xffff;
							}
							if (sum != 0) {
								lit.append(' ').append(y).append(',').append(x0 + i).append('=').append(sum);
							}
						}
					}
				}
				System.out.println(lit);
			}
		}
	}
}
