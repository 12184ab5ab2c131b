package org.ronchi.io.dm.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ronchi.io.dm.tests.DmWriter.array;
import static org.ronchi.io.dm.tests.DmWriter.image;
import static org.ronchi.io.dm.tests.DmWriter.list;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * Packed complex FFTs (type 27) of every odd/even combination of width and height, unpacked as
 * RosettaSciIO does (see PackedHalfSource): checked against the rule, and against HyperSpy's reading of
 * the same file where it reads the columns (all of them for an even width, all but the last for an odd).
 */
class DmPackedFftShapesTest {
	private final Path dir = TestData.tempDir("dm-fft");

	@AfterEach
	void cleanUp() throws IOException {
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				Files.delete(p);
			}
		}
		Files.delete(dir);
	}

	/** Packed value p[y][k] = (10 y + k + 1) + i (100 y + k): every value tells its row and column. */
	private Path write(int nx, int ny) throws IOException {
		int h = nx / 2 + 1;
		Path f = dir.resolve("fft_" + nx + "x" + ny + ".dm4");
		DmWriter.Value data = array("Data", 6, 4, 2L * ny * h, (b, j) -> {
			int i = j / 2;
			b.putFloat(j % 2 == 0 ? 10 * (i / h) + i % h + 1 : 100 * (i / h) + i % h);
		});
		DmWriter.write(f, 4, ByteOrder.LITTLE_ENDIAN, new DmWriter.Group("", List.of(list("ImageList", image("FFT", 27, new long[] { nx, ny }, null, null, data)))));
		return f;
	}

	@ParameterizedTest(name = "{0} x {1}")
	@CsvSource({ "6, 4", "6, 5", "5, 4", "5, 5", "1, 3", "3, 1", "2, 3", "7, 2", "1, 1" })
	void everyWidthAndHeightUnpacks(int nx, int ny) throws IOException {
		Path f = write(nx, ny);
		int h = nx / 2 + 1;
		try (DataFile file = Values.open(f)) {
			ArrayNode s = file.signals().get(0);
			// dimensions of size 1 are dropped, as HyperSpy does
			long[] expected = java.util.stream.LongStream.of(ny, nx).filter(n -> n > 1).toArray();
			assertArrayEquals(expected, java.util.stream.LongStream.of(s.shape()).filter(n -> n > 1).toArray());
			assertEquals(nx * ny, s.size());
			Dataset d = Values.readAll(s);
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++) {
					// [p[h-1] .. p[0]] then conj(p[1]) .. conj(p[nx-h])
					int k = x < h ? h - 1 - x : x - h + 1;
					double re = 10 * y + k + 1;
					double im = (x < h ? 1 : -1) * (100 * y + k);
					assertArrayEquals(new double[] { re, im }, Values.element(d, nx * y + x), nx + "x" + ny + " [" + y + "][" + x + "]");
				}
			}
		}
		assertSameAsHyperSpy(f, nx, ny);
	}

	/** HyperSpy 1.7.3 (RosettaSciIO's unpacking): its columns are ours, one fewer for an odd width above 1. */
	private static void assertSameAsHyperSpy(Path f, int nx, int ny) {
		Python.assumeModules("hyperspy", "numpy");
		String out = Python.check("""
				import sys, warnings, numpy as np
				warnings.filterwarnings('ignore')
				import hyperspy.api as hs
				d = np.asarray(hs.load(sys.argv[1]).data).reshape(int(sys.argv[2]), -1)
				print(d.shape[1])
				print(' '.join('%g %g' % (v.real, v.imag) for v in d.ravel()))
				""", f.toString(), Integer.toString(ny));
		String[] lines = out.strip().split("\n");
		int columns = Integer.parseInt(lines[0].strip());
		// h stored values reversed, then conj(p[1 : h-1]): nx for an even width, one fewer for an odd (but 1)
		int h = nx / 2 + 1;
		assertEquals(h + Math.max(0, h - 2), columns, "HyperSpy's columns");
		String[] v = lines[1].strip().split(" ");
		try (DataFile file = Values.open(f)) {
			Dataset d = Values.readAll(file.signals().get(0));
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < columns; x++) {
					int i = y * columns + x;
					double[] hs = { Double.parseDouble(v[2 * i]), Double.parseDouble(v[2 * i + 1]) };
					assertArrayEquals(hs, Values.element(d, nx * y + x), 0, "HyperSpy [" + y + "][" + x + "]");
				}
			}
		}
	}
}
