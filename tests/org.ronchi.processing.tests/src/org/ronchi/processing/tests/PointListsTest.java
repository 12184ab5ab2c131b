package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.processing.CancelledException;
import org.ronchi.processing.Engine;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * POINTS buffers: a list of records per navigation position, placed by the engine (in memory, or in
 * scratch files with a results file), resumable, written as an EMD 1.0 PointListArray that h5py reads
 * as emdfile writes it, and read back by the store and by the EMD 1.0 loader.
 */
class PointListsTest {
	private static final long[] SHAPE = { 7, 5, 6, 8 };
	private static final double THRESHOLD = 900;

	/** The expected lists, straight from the values: per frame, (y, x, value, rank) of each pixel above the threshold. */
	private static List<List<double[]>> expected(Cubes c) {
		List<List<double[]>> all = new ArrayList<>();
		int frame = (int) (SHAPE[2] * SHAPE[3]);
		for (int f = 0; f < SHAPE[0] * SHAPE[1]; f++) {
			List<double[]> l = new ArrayList<>();
			for (int i = 0; i < frame; i++) {
				double v = c.at((long) f * frame + i);
				if (v > THRESHOLD) {
					l.add(new double[] { i / (int) SHAPE[3], i % (int) SHAPE[3], v, l.size() });
				}
			}
			all.add(l);
		}
		return all;
	}

	private static void assertLists(List<List<double[]>> expect, PointListSource lists) {
		assertArrayEquals(new long[] { SHAPE[0], SHAPE[1] }, lists.shape());
		assertEquals(List.of("qy", "qx", "intensity", "rank"), lists.type().names());
		assertEquals(DType.UINT16, lists.type().fields().get(3).dtype());
		assertEquals("px", lists.type().fields().get(0).units());
		for (int f = 0; f < expect.size(); f++) {
			PointList p = lists.read(f / SHAPE[1], f % SHAPE[1]);
			List<double[]> e = expect.get(f);
			assertEquals(e.size(), p.length(), "records at position " + f);
			for (int k = 0; k < e.size(); k++) {
				for (int field = 0; field < 4; field++) {
					assertEquals(e.get(k)[field], p.getDouble(k, field), 0, "position " + f + " record " + k + " field " + field);
				}
			}
		}
	}

	private static void assertOutput(List<List<double[]>> expect, RunResult r) {
		ArrayNode pixels = r.output("pixels");
		assertEquals(PointListSource.KIND, pixels.kind());
		assertEquals(DType.INT64, pixels.dtype(), "the stored array is the record counts");
		assertArrayEquals(EngineTest.flat(r.output("count")), EngineTest.flat(pixels), 0, "counts = records per position");
		assertTrue(pixels.axes().get(0).navigate() && pixels.axes().get(1).navigate());
		assertLists(expect, pixels.pointLists());
	}

	@Test
	void listsMatchDirectLoopsInlineAndInParallel() {
		Cubes c = Cubes.random(DType.UINT16, SHAPE, new int[] { 2, 3, 6, 8 }, 5);
		List<List<double[]>> expect = expected(c);
		assertTrue(expect.stream().mapToInt(List::size).sum() > 20, "enough records to mean something");
		for (Engine e : EngineTest.engines()) {
			try (e) {
				RunResult r = e.run(RunRequest.of(new BrightPixels(), c.node));
				if (e.config().threads() > 0) {
					assertTrue(r.partitionsTotal() > 1, "several partitions: " + r.partitionsTotal());
				}
				assertOutput(expect, r);
			}
		}
	}

	@Test
	void aTestRunGivesTheListOfOnePosition() {
		Cubes c = Cubes.random(DType.UINT16, SHAPE, null, 5);
		try (Engine e = Engine.inline()) {
			RunResult r = e.test(RunRequest.of(new BrightPixels(), c.node), 4, 2);
			PointList p = r.output("pixels").pointLists().read(0, 0);
			List<double[]> e42 = expected(c).get(4 * (int) SHAPE[1] + 2);
			assertEquals(e42.size(), p.length());
			assertEquals(e42.get(0)[2], p.getDouble(0, 2), 0);
			assertThrows(IndexOutOfBoundsException.class, () -> r.output("pixels").pointLists().read(0, 1));
		}
	}

	/** Writes the cube as a chunked HDF5 file (chunks of 3 positions) and returns it. */
	private static Path input(Path dir, Cubes c) {
		Path f = dir.resolve("scan.h5");
		Hdf5Writer.write(f, root -> root.group("data").dataset("cube", DType.UINT16, SHAPE, DatasetOptions.chunked(1, 3, 6, 8))
				.writeFrom(c.node.source(), null));
		return f;
	}

	@Test
	void aResultsFileHoldsAPointListArrayThatResumesAndReadsBack() throws Exception {
		Cubes c = Cubes.random(DType.UINT16, SHAPE, null, 9);
		List<List<double[]>> expect = expected(c);
		Path dir = TestData.tempDir("points");
		Path in = input(dir, c);
		Path results = dir.resolve("scan_results.h5");
		Engine.Config cfg = Engine.Config.defaults().threads(1).tileBytes(6 * 8 * 2).checkpointMillis(0);
		String group;
		try (Hdf5File h = Hdf5File.open(in); Engine e = new Engine(cfg, ResumeReuseTest.stores())) {
			RunRequest req = RunRequest.of(new BrightPixels(), h.array("/data/cube")).source(in, "/data/cube").results(results);
			CancelledException x = assertThrows(CancelledException.class, () -> e.run(req.progress(new ResumeReuseTest.CancelAfter(3))));
			assertTrue(x.completed() > 0 && x.completed() < x.total(), "cancelled mid-way: " + x.completed() + " of " + x.total());
			try (RunResult r = e.run(req)) {
				assertEquals(RunResult.Status.RESUMED, r.status());
				assertOutput(expect, r);
				group = r.group();
				assertEquals("/" + group + "/pixels/data", r.outputPath("pixels"));
			}
			try (RunResult again = e.run(req)) {
				assertEquals(RunResult.Status.REUSED, again.status());
				assertOutput(expect, again);
			}
			// a second run rewrites the file: the first run's point lists are copied into it
			try (RunResult other = e.run(req.params(Map.of("threshold", 950.0)))) {
				assertEquals(RunResult.Status.COMPUTED, other.status());
			}
			try (RunResult first = e.run(req)) {
				assertEquals(RunResult.Status.REUSED, first.status());
				assertOutput(expect, first);
			}
		}
		FileLoader emd1 = Services.all(PointListsTest.class, FileLoader.class, "org.ronchi.io.emd.internal.Emd1Loader").stream()
				.filter(l -> l.name().equals("EMD 1.0")).findFirst().orElseThrow();
		try (DataFile d = emd1.open(results, Map.of())) {
			ArrayNode data = (ArrayNode) d.root().resolve("/" + group + "/pixels/data");
			assertNotNull(data.pointLists(), "the EMD 1.0 loader attaches the point lists to the PointListArray's data");
			assertLists(expect, data.pointLists());
			assertTrue(d.warnings().stream().anyMatch(w -> w.contains("/" + group + "/pixels: PointListArray of 7 x 5")), d.warnings().toString());
		}
		Python.assumeModules("h5py", "numpy");
		String out = Python.check("""
				import sys, h5py, numpy as np
				f = h5py.File(sys.argv[1], 'r')
				cube = h5py.File(sys.argv[3], 'r')['/data/cube'][...].astype(np.float64)
				g = f[sys.argv[2]]
				p = g['pixels']
				assert p.attrs['emd_group_type'] == 'pointlistarray' and p.attrs['python_class'] == 'PointListArray', dict(p.attrs)
				d = p['data']
				assert d.shape == (7, 5), d.shape
				t = h5py.check_vlen_dtype(d.dtype)
				assert t.names == ('qy', 'qx', 'intensity', 'rank'), t
				assert [t[n].str for n in t.names] == ['<f4', '<f4', '<f8', '<u2'], t
				for i in range(7):
				    for j in range(5):
				        ys, xs = np.nonzero(cube[i, j] > 900)
				        cell = d[i, j]
				        assert len(cell) == len(ys), (i, j)
				        assert np.array_equal(cell['qy'], ys) and np.array_equal(cell['qx'], xs)
				        assert np.array_equal(cell['intensity'], cube[i, j][ys, xs]) and np.array_equal(cell['rank'], np.arange(len(ys)))
				assert np.array_equal(g['count/data'][...], (cube > 900).sum(axis=(2, 3)))
				assert p['dim0'].attrs['name'] == 'dim0' and p['dim1'].shape == (2,)
				assert len(f.keys()) == 2
				print('ok')
				""", results.toString(), group, in.toString());
		assertEquals("ok", out);
	}
}
