package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * {@code ronchi convert --to emd1} on each raw detector format of issue 11 (EMPAD, TVIPS, blockfile): the
 * EMD 1.0 file read back holds the same datacube, value for value.
 */
class RawDetectorConvertTest {
	static final String[] LOADERS = { "org.ronchi.io.empad.internal.EmpadLoader", "org.ronchi.io.tvips.internal.TvipsLoader",
			"org.ronchi.io.blockfile.internal.BlockfileLoader", "org.ronchi.io.emd.internal.Emd1Loader", "org.ronchi.hdf5.Hdf5Loader" };

	@Test
	void eachRawDetectorFormatConvertsToEmd1ValueForValue() throws Exception {
		LoaderRegistry reg = Cli.osgiRegistry();
		WriterRegistry writers;
		if (reg != null) {
			writers = Cli.writers();
		} else {
			LoaderRegistryImpl flat = new LoaderRegistryImpl();
			Services.all(RawDetectorConvertTest.class, FileLoader.class, LOADERS).forEach(flat::register);
			reg = flat;
			writers = WriterRegistry.of(Services.all(RawDetectorConvertTest.class, FileWriter.class, "org.ronchi.io.emd.internal.Emd1FileWriter"));
		}
		Path dir = TestData.tempDir("raw-convert");
		Path empad = Files.copy(TestData.real("raw4d/empad/map4x4.xml"), dir.resolve("map4x4.xml"));
		writeEmpadRaw(dir.resolve("scan_x4_y4.raw"), 16);
		List<Path> inputs = List.of(empad, TestData.real("raw4d/tvips/test_tvips_2345_000.tvips"), TestData.real("raw4d/blockfile/test1.blo"));
		int n = 0;
		for (Path in : inputs) {
			Path out = dir.resolve("out" + n++ + ".emd");
			Cli.Run r = Cli.run(reg, writers, "convert", in.toString(), out.toString(), "--to", "emd1");
			assertEquals(0, r.exit(), in + ": " + r.err());
			try (DataFile a = reg.open(in); DataFile b = reg.open(out)) {
				ArrayNode source = a.signals().get(0);
				ArrayNode copy = b.signals().stream().filter(s -> java.util.Arrays.equals(s.shape(), source.shape())).findFirst()
						.orElseThrow(() -> new AssertionError(in + ": no signal of shape " + java.util.Arrays.toString(source.shape()) + " in " + b.signals()));
				assertArrayEquals(source.shape(), copy.shape(), in.toString());
				assertEquals(source.dtype(), copy.dtype(), in.toString());
				Dataset x = Arrays2.readAll(source);
				Dataset y = Arrays2.readAll(copy);
				for (int i = 0; i < x.getSize(); i++) {
					if (x.getElementDoubleAbs(i) != y.getElementDoubleAbs(i)) {
						throw new AssertionError(in + ": element " + i + " is " + y.getElementDoubleAbs(i) + ", was " + x.getElementDoubleAbs(i));
					}
				}
				assertTrue(Arrays2.sum(x) > 0, in + " holds more than zeros");
			}
		}
	}

	/** A .raw as RosettaSciIO's EMPAD tests write it: float32 0, 1, 2, ... over frames of 130 x 128. */
	private static void writeEmpadRaw(Path raw, int frames) throws Exception {
		ByteBuffer b = ByteBuffer.allocate(130 * 128 * 4).order(ByteOrder.LITTLE_ENDIAN);
		try (OutputStream out = Files.newOutputStream(raw)) {
			for (int k = 0; k < frames; k++) {
				b.clear();
				for (int i = 0; i < 130 * 128; i++) {
					b.putFloat(k * 130 * 128 + i);
				}
				out.write(b.array());
			}
		}
	}
}
