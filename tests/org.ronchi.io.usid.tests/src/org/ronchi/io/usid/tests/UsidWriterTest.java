package org.ronchi.io.usid.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.UsidException;
import org.ronchi.io.usid.UsidWriter;
import org.ronchi.io.usid.internal.UsidLoader;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * Writing h5USID: round trips (write, read back, compare) of every real USID file and of synthetic
 * N-dimensional signals, and h5py reading each written file with pyUSID's check_if_main rules
 * re-implemented in resources/usid_check.py.
 */
class UsidWriterTest {
	@TempDir
	Path dir;

	static String check(Path f) throws IOException {
		Python.assumeModules("h5py", "numpy");
		try (InputStream in = UsidWriterTest.class.getResourceAsStream("/usid_check.py")) {
			return Python.check(new String(in.readAllBytes(), StandardCharsets.UTF_8), f.toString());
		}
	}

	static DataFile open(Path p) {
		return new UsidLoader().open(p, Map.of());
	}

	@Test
	void realFilesRoundTrip() throws IOException {
		for (Path real : TestData.realFiles("usid", ".h5")) {
			Path out = dir.resolve(real.getFileName());
			try (DataFile in = open(real)) {
				UsidWriter.write(in, out);
				try (DataFile back = open(out)) {
					assertEquals(in.signals().size(), back.signals().size(), real.toString());
					for (int k = 0; k < in.signals().size(); k++) {
						ArrayNode a = in.signals().get(k);
						ArrayNode b = back.signals().get(k);
						assertEquals(String.format("/Measurement_000/Channel_%03d/%s", k, a.name()), b.path());
						assertEquals(a.dtype(), b.dtype());
						assertEquals(a.quantity(), b.quantity());
						assertEquals(a.units(), b.units());
						assertEquals(Arrays2.readAll(a), Arrays2.readAll(b), b.path());
						MainDataset ma = MainDataset.of(real, a);
						MainDataset mb = MainDataset.of(out, b);
						assertEquals(ma.labels(), mb.labels());
						assertEquals(ma.position().units(), mb.position().units());
						assertArrayEquals(ma.position().sizes(), mb.position().sizes());
						assertArrayEquals(ma.spectroscopic().indices(), mb.spectroscopic().indices());
						assertArrayEquals(ma.position().indices(), mb.position().indices());
						assertEquals(a.axes().get(1).toString(), b.axes().get(1).toString(), "values stored as float32, as read");
					}
				}
			}
			String report = check(out);
			assertFalse(report.contains("NOT MAIN"), report);
			assertEquals(openCount(real), report.lines().count(), report);
		}
	}

	private static long openCount(Path real) {
		try (DataFile f = open(real)) {
			return f.signals().size();
		}
	}

	@Test
	void h5pyReadsTheNdimFormOfAWrittenStemImage() throws IOException {
		Path out = dir.resolve("stem.h5");
		try (DataFile in = open(TestData.real("usid/pyUSID/simulated_STEM_Image.h5"))) {
			UsidWriter.write(in, out);
		}
		assertEquals("/Measurement_000/Channel_000/Raw_Data MAIN Intensity | a.u. | [65536, 1] uint8 6710823 ['X', 'Y', 'None'] [256, 256, 1]",
				check(out));
	}

	/** A 5-D signal (depth, Rx, Ry | Qx, Qy) becomes positions (Ry, Rx, depth fastest first) x (Qy, Qx). */
	@Test
	void nDimensionalSignalBecomesAMainDataset() throws IOException {
		float[] v = new float[2 * 3 * 4 * 5 * 6];
		for (int i = 0; i < v.length; i++) {
			v[i] = i * 0.5f;
		}
		Dataset data = DatasetFactory.createFromObject(FloatDataset.class, v, 2, 3, 4, 5, 6);
		ArrayNode sig = new ArrayNode("cube", new MemorySource(data, DType.FLOAT32)).quantity("Intensity", "counts");
		sig.axes(List.of(Axis.linear("depth", "Å", 2, 2.715, 2.715).withNavigate(true), Axis.linear("R_x", "nm", 3, 0.5, 0).withNavigate(true),
				Axis.linear("R_y", "nm", 4, 0.5, 1).withNavigate(true), Axis.linear("Q_x", "1 / nm", 5, 0.25, -1), Axis.linear("", "", 6, 1, 0)));
		Path out = dir.resolve("cube.h5");
		UsidWriter.write(sig, out);
		try (DataFile back = open(out)) {
			ArrayNode b = back.signals().get(0);
			assertArrayEquals(new long[] { 24, 30 }, b.shape());
			assertEquals("Intensity", b.quantity());
			assertEquals("counts", b.units());
			MainDataset m = MainDataset.of(out, b);
			assertEquals(List.of("R_y", "R_x", "depth", "Spec_Dim_1", "Q_x"), m.labels());
			assertEquals(List.of("nm", "nm", "Å"), m.position().units());
			ArrayNode nd = m.ndim(false);
			assertArrayEquals(new long[] { 4, 3, 2, 6, 5 }, nd.shape());
			Dataset all = Arrays2.readAll(nd);
			assertEquals(data.getFloat(1, 2, 3, 4, 5), all.getFloat(3, 2, 1, 5, 4), 0);
			assertEquals(data.getFloat(0, 1, 2, 3, 4), all.getFloat(2, 1, 0, 4, 3), 0);
			Axis ry = nd.axes().get(0);
			assertEquals(0.5, ry.scale(), 1e-7);
			assertEquals(1.0, ry.offset(), 1e-7);
			assertTrue(ry.navigate());
			assertEquals(2.715, nd.axes().get(2).scale(), 1e-6);
			assertEquals(-1.0, nd.axes().get(4).offset(), 1e-7);
		}
		String report = check(out);
		assertTrue(report.endsWith("['R_y', 'R_x', 'depth', 'Spec_Dim_1', 'Q_x'] [4, 3, 2, 6, 5]"), report);
		assertTrue(report.contains(" MAIN Intensity | counts | [24, 30] float32 "), report);
	}

	@Test
	void aSpectrumHasOneArbitraryPosition() throws IOException {
		Dataset data = DatasetFactory.createRange(FloatDataset.class, 7);
		ArrayNode sig = new ArrayNode("spectrum", new MemorySource(data, DType.FLOAT32));
		sig.axes(List.of(Axis.linear("Energy", "eV", 7, 0.5, 100)));
		Path out = dir.resolve("spectrum.h5");
		UsidWriter.write(sig, out);
		try (DataFile back = open(out)) {
			ArrayNode b = back.signals().get(0);
			assertArrayEquals(new long[] { 1, 7 }, b.shape());
			assertEquals("spectrum", b.quantity(), "no quantity: the title");
			assertEquals("Arb", b.axes().get(0).name());
			assertEquals(100.5, b.axes().get(1).coordinate(1), 1e-6);
		}
		assertTrue(check(out).contains(" MAIN spectrum |  | [1, 7] float32 21 ['Arb', 'Energy'] [1, 7]"), check(out));
	}

	@Test
	void textCannotBeAMainDatasetAndNothingIsLeftBehind() throws IOException {
		Dataset text = DatasetFactory.createFromObject(new String[] { "a", "b" });
		ArrayNode sig = new ArrayNode("labels", new MemorySource(text, DType.STRING));
		Path out = dir.resolve("text.h5");
		UsidException e = assertThrows(UsidException.class, () -> UsidWriter.write(sig, out));
		assertTrue(e.getMessage().contains("cannot be written as a USID Main dataset"), e.getMessage());
		assertFalse(Files.exists(out));
		try (var s = Files.list(dir)) {
			assertEquals(0, s.count(), "no temporary file left");
		}
	}
}
