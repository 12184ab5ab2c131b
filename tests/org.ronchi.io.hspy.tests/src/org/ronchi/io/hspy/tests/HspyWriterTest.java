package org.ronchi.io.hspy.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.hspy.internal.HspyFileWriter;
import org.ronchi.io.hspy.internal.HspyLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * HyperSpy files through Ronchi and back: read by Ronchi, written with {@code --to hspy}, the result
 * loaded by Debian's HyperSpy 1.7.3 equals what HyperSpy read from the original: data and dtype, axes
 * (non-uniform ones included), the metadata and original metadata trees, the decomposition.
 */
class HspyWriterTest {

	/** Reads in with Ronchi and writes it into dir as name-ronchi.hspy. */
	private static Path write(Path in, Path dir) {
		Path out = dir.resolve(in.getFileName().toString().replaceAll("\\.[^.]*$", "") + "-ronchi.hspy");
		try (DataFile f = new HspyLoader().open(in, Map.of())) {
			List<String> notes = new HspyFileWriter().write(f, out, Map.of());
			assertEquals(List.of(), notes, in.toString());
		}
		return out;
	}

	private static void assertHyperSpyReadsTheSame(Path reference, Path candidate) {
		Python.Result r = Python.run(Scripts.read("hspy_compare.py"), reference.toString(), candidate.toString());
		assertEquals(0, r.exit(), reference.getFileName() + ": " + r.out() + "\n" + r.err());
		assertTrue(r.out().startsWith("OK "), r.out());
	}

	@Test
	void aFileHyperSpyWroteComesBackEqualMetadataTreeIncluded() {
		Python.assumeModules("hyperspy.api");
		Path dir = TestData.tempDir("hspy-fixture");
		Path made = dir.resolve("made-by-hyperspy.hspy");
		Python.check(Scripts.read("hspy_fixture.py"), made.toString());
		try (DataFile f = new HspyLoader().open(made, Map.of())) {
			ArrayNode s = f.signals().get(0);
			assertEquals("EELS map", s.title());
			assertEquals(DType.FLOAT32, s.dtype());
			assertArrayEquals(new long[] { 3, 4, 17 }, s.shape());
			Axis y = s.axes().get(0);
			assertEquals(List.of("y", "nm", 2.5, -1.0, true), List.of(y.name(), y.units(), y.scale(), y.offset(), y.navigate()));
			Axis e = s.axes().get(2);
			assertFalse(e.isLinear(), "HyperSpy's non-uniform DataAxis stays explicit");
			assertEquals(280.1, e.values()[0], 1e-12);
			assertEquals(new Quantity(300.0, "kV"), s.metadata().get("acquisition.instrument.beam_energy"));
			assertEquals("2024-03-05T14:15:16", s.metadata().get("general.date_time"));
			assertEquals("Intensity", s.quantity());
			assertEquals("counts", s.units());
			assertEquals("EELS", s.metadata().get("signal.type"));
			assertEquals("learning-results", ((ArrayNode) f.root().resolve("/Experiments/EELS map/learning_results/factors")).kind());
		}
		assertHyperSpyReadsTheSame(made, write(made, dir));
	}

	@Test
	void aRaggedSignalIsPointListsAndComesBackRagged() {
		Python.assumeModules("hyperspy.api");
		Path dir = TestData.tempDir("hspy-ragged");
		Path made = dir.resolve("ragged.hspy");
		JsonArray rows = JsonParser.parseString(Python.check(Scripts.read("hspy_ragged_fixture.py"), made.toString())).getAsJsonArray();
		try (DataFile f = new HspyLoader().open(made, Map.of())) {
			ArrayNode s = f.signals().get(0);
			assertEquals("peaks", s.title());
			PointListSource lists = s.pointLists();
			assertEquals(List.of("0", "1"), lists.type().names());
			assertEquals(List.of("scan", "nm", 0.25, true), List.of(s.axes().get(0).name(), s.axes().get(0).units(), s.axes().get(0).scale(), s.axes().get(0).navigate()));
			for (int i = 0; i < 5; i++) {
				JsonArray want = rows.get(i).getAsJsonArray();
				PointList p = lists.read(i);
				assertEquals(want.size(), p.length(), "position " + i);
				assertEquals(want.size(), ((Number) Arrays2.readAll(s).getObjectAbs(i)).intValue(), "the signal's data: rows per position");
				for (int r = 0; r < want.size(); r++) {
					assertEquals(want.get(r).getAsJsonArray().get(0).getAsDouble(), p.getDouble(r, 0), 0.0);
					assertEquals(want.get(r).getAsJsonArray().get(1).getAsDouble(), p.getDouble(r, 1), 0.0);
				}
			}
		}
		assertHyperSpyReadsTheSame(made, write(made, dir));
	}

	@Test
	void everyRealHyperSpyFileComesBackAsHyperSpyReadIt() {
		Python.assumeModules("hyperspy.api");
		Path dir = TestData.tempDir("hspy-real");
		int n = 0;
		for (Path p : TestData.realFiles("hspy", ".hspy", ".hdf5")) {
			assertHyperSpyReadsTheSame(p, write(p, dir));
			n++;
		}
		assertTrue(n >= 6, "files: " + n);
	}

	@Test
	void neverOverAnExistingFile() throws Exception {
		Path dir = TestData.tempDir("hspy-exists");
		Path out = Files.writeString(dir.resolve("there.hspy"), "keep me");
		try (DataFile f = new HspyLoader().open(TestData.real("hspy/rsciio/example2_v2.2.hspy"), Map.of())) {
			assertThrows(RonchiException.class, () -> new HspyFileWriter().write(f, out, Map.of()));
			assertThrows(RonchiException.class, () -> new HspyFileWriter().write(f, dir.resolve("new.hspy"), Map.of("level", 3)));
		}
		assertEquals("keep me", Files.readString(out));
		assertFalse(Files.exists(dir.resolve("new.hspy")));
	}
}
