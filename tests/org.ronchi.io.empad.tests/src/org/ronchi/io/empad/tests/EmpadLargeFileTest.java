package org.ronchi.io.empad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
import org.ronchi.io.empad.internal.EmpadLoader;
import org.ronchi.tests.support.TestData;

/**
 * An EMPAD acquisition of ~100 GB (1225 x 1225 frames, a sparse .raw: holes read as zeros, a few frames
 * written) opened in a JVM of its own with {@code -Xmx512m}: the shape from the XML, one frame, and a
 * whole-scan virtual image (a 4 x 4 pixel detector summed over every frame, read a band of scan rows at
 * a time), checked against the frames written. Nothing is read at open, and no read holds more than a
 * band.
 */
class EmpadLargeFileTest {
	static final int SIDE = 1225;
	static final long FRAME_BYTES = 130L * 128 * 4;
	/** Frames written into the holes: {y, x, value of every pixel}. */
	static final int[][] WRITTEN = { { 0, 0, 1 }, { 612, 300, 5 }, { 1224, 1224, 7 } };
	static final int DET = 62;
	static final int DET_SIZE = 4;

	@Test
	void aHundredGigabyteScanInHalfAGigabyteOfHeap() throws Exception {
		Path dir = TestData.tempDir("empad-large");
		Path xml = EmpadFiles.writeXml(dir, "big.xml", "<raw_file filename=\"big.raw\"/><pix_x>" + SIDE + "</pix_x><pix_y>" + SIDE + "</pix_y>");
		Path raw = dir.resolve("big.raw");
		try {
			long size = (long) SIDE * SIDE * FRAME_BYTES;
			EmpadFiles.sparse(raw, size);
			try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
				for (int[] w : WRITTEN) {
					ByteBuffer b = ByteBuffer.allocate((int) FRAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);
					while (b.hasRemaining()) {
						b.putFloat(w[2]);
					}
					f.seek(((long) w[0] * SIDE + w[1]) * FRAME_BYTES);
					f.write(b.array());
				}
			}
			List<String> cmd = new ArrayList<>();
			cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
			cmd.add("-Xmx512m");
			cmd.add("-cp");
			cmd.add(classPath());
			cmd.add(Child.class.getName());
			cmd.add(xml.toString());
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
			String out;
			boolean done = p.waitFor(10, TimeUnit.MINUTES);
			out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!done) {
				p.destroyForcibly();
			}
			assertTrue(done, "the child JVM did not finish: " + out);
			assertEquals(0, p.exitValue(), out);
			assertTrue(out.contains("shape [1225, 1225, 128, 128]"), out);
			assertTrue(out.contains("virtual image ok"), out);
		} finally {
			Files.deleteIfExists(raw);
		}
	}

	/** The class path of the classes the child needs: where each was loaded from (flat or OSGi). */
	private static String classPath() throws URISyntaxException {
		Set<String> out = new LinkedHashSet<>();
		List<Class<?>> needed = new ArrayList<>(List.of(Child.class, EmpadLoader.class, ArraySource.class, Dataset.class));
		// January's own dependencies, seen from January's class loader (under OSGi this fragment does not import them)
		for (String optional : new String[] { "org.slf4j.LoggerFactory", "org.apache.commons.math3.util.FastMath", "javax.measure.Unit" }) {
			for (ClassLoader l : new ClassLoader[] { Dataset.class.getClassLoader(), EmpadLargeFileTest.class.getClassLoader() }) {
				try {
					needed.add(Class.forName(optional, false, l));
					break;
				} catch (ClassNotFoundException e) {
					// not visible from this loader
				}
			}
		}
		for (Class<?> c : needed) {
			CodeSource cs = c.getProtectionDomain().getCodeSource();
			URL u = cs == null ? null : cs.getLocation();
			if (u == null || !u.getProtocol().equals("file")) {
				throw new AssertionError("cannot tell where " + c.getName() + " was loaded from: " + u);
			}
			File f = new File(u.toURI());
			String classFile = c.getName().replace('.', '/') + ".class";
			out.add(f.getPath());
			if (f.getName().equals("classes") && f.getParentFile() != null && f.getParentFile().getName().equals("target")) {
				out.add(f.getParentFile().getParentFile().getPath()); // the project folder holds mappings/
			}
			// a bundle installed from its project folder (Tycho) has its classes in an output folder
			for (String sub : new String[] { "target/classes", "bin", "target/test-classes" }) {
				if (f.isDirectory() && new File(f, sub + "/" + classFile).isFile()) {
					out.add(new File(f, sub).getPath());
				}
			}
		}
		return String.join(File.pathSeparator, out);
	}

	/** Runs in the child JVM: open, read a frame, compute the virtual image band by band, print the results. */
	public static final class Child {
		public static void main(String[] args) throws IOException {
			Path xml = Paths.get(args[0]);
			try (DataFile f = new EmpadLoader().open(xml, Map.of())) {
				ArrayNode n = f.signals().get(0);
				System.out.println("shape " + java.util.Arrays.toString(n.shape()));
				ArraySource s = n.source();
				Dataset frame = s.read(new long[] { 612, 300, 0, 0 }, new int[] { 1, 1, 128, 128 });
				check(frame.getFloat(0, 0, 127, 127) == 5, "frame (612, 300) pixel (127, 127) is " + frame.getFloat(0, 0, 127, 127));
				double[] image = new double[SIDE * SIDE];
				int band = 25;
				for (int y0 = 0; y0 < SIDE; y0 += band) {
					int rows = Math.min(band, SIDE - y0);
					Dataset d = s.read(new long[] { y0, 0, DET, DET }, new int[] { rows, SIDE, DET_SIZE, DET_SIZE });
					for (int y = 0; y < rows; y++) {
						for (int x = 0; x < SIDE; x++) {
							double sum = 0;
							for (int r = 0; r < DET_SIZE; r++) {
								for (int c = 0; c < DET_SIZE; c++) {
									sum += d.getFloat(y, x, r, c);
								}
							}
							image[(y0 + y) * SIDE + x] = sum;
						}
					}
				}
				double total = 0;
				for (double v : image) {
					total += v;
				}
				double expected = 0;
				for (int[] w : WRITTEN) {
					check(image[w[0] * SIDE + w[1]] == w[2] * DET_SIZE * DET_SIZE, "virtual image at " + w[0] + ", " + w[1] + " is " + image[w[0] * SIDE + w[1]]);
					expected += w[2] * DET_SIZE * DET_SIZE;
				}
				check(total == expected, "virtual image sums to " + total + ", expected " + expected);
				System.out.println("virtual image ok, max heap " + Runtime.getRuntime().maxMemory());
			}
		}

		private static void check(boolean ok, String what) {
			if (!ok) {
				System.out.println("FAILED: " + what);
				System.exit(1);
			}
		}
	}
}
