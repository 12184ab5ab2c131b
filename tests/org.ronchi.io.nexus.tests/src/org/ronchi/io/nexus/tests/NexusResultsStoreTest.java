package org.ronchi.io.nexus.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.nexus.internal.NexusLoader;
import org.ronchi.io.nexus.internal.NexusResultsStore;
import org.ronchi.processing.results.OpenedRun;
import org.ronchi.processing.results.Provenance;
import org.ronchi.processing.results.RunRecord;
import org.ronchi.processing.results.StoredRun;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * The NeXus results store: runs appended as NXentry groups read back whole (outputs with their axes,
 * navigation, titles and point lists; every provenance field, array parameters included), a second run
 * copies the first, only its own files are written into, and what it writes opens in Ronchi's NeXus
 * loader, h5py and HyperSpy as signals.
 */
class NexusResultsStoreTest {
	static final RecordType PEAK = RecordType.of(new RecordType.Field("qx", DType.FLOAT32, "1/nm"), RecordType.Field.of("intensity", DType.UINT16));

	static Provenance provenance(String key) {
		Dataset mask = DatasetFactory.createFromObject(new boolean[] { true, false, true, true }).reshape(2, 2);
		return new Provenance("stem4d.virtual-image", "Virtual image", "1.2", "{\"radius\": 4}", Map.of("mask", mask), "/data/scan.h5", "/data/cube",
				new long[] { 3, 2, 16, 16 }, "uint16", 2, key, "what was hashed", 6, "2025-01-02T03:04:05+01:00", "host", "0.1.0", "21", "Linux");
	}

	/** Points at (i, j): i + j records, qx = 10 i + j + r / 10, intensity = r. */
	static final class Peaks implements PointListSource {
		@Override
		public RecordType type() {
			return PEAK;
		}

		@Override
		public long[] shape() {
			return new long[] { 3, 2 };
		}

		@Override
		public PointList read(long... p) {
			int n = (int) (p[0] + p[1]);
			double[] qx = new double[n];
			long[] in = new long[n];
			for (int r = 0; r < n; r++) {
				qx[r] = 10 * p[0] + p[1] + r / 10.0;
				in[r] = r;
			}
			return PointList.of(PEAK, qx, in);
		}
	}

	static RunRecord record(String key) {
		Dataset image = DatasetFactory.createRange(DoubleDataset.class, 6).reshape(3, 2);
		ArrayNode vi = new ArrayNode("image", new MemorySource(image, DType.FLOAT64))
				.axes(List.of(Axis.linear("y", "nm", 3, 0.5, 0).withNavigate(true), Axis.linear("x", "nm", 2, 0.5, 1).withNavigate(true)))
				.title("virtual BF").kind("virtual-image").quantity("Intensity", "counts");
		Dataset pattern = DatasetFactory.createRange(FloatDataset.class, 12).reshape(3, 4);
		ArrayNode mean = new ArrayNode("mean", new MemorySource(pattern, DType.FLOAT32))
				.axes(List.of(Axis.vector("qy", "1/nm", new double[] { 0, 1, 3 }), Axis.index("", 4))).title("mean pattern");
		Peaks peaks = new Peaks();
		ArrayNode pts = new ArrayNode("peaks", peaks.counts()).pointLists(peaks).kind(PointListSource.KIND).title("Bragg peaks")
				.axes(List.of(Axis.index("y", 3).withNavigate(true), Axis.index("x", 2).withNavigate(true)));
		return new RunRecord("cube", "stem4d.virtual-image", provenance(key), List.of(vi, mean, pts));
	}

	@Test
	void aRunReadsBackWhole() {
		Path f = TestData.tempDir("nexus-store").resolve("scan_results.nxs");
		NexusResultsStore store = new NexusResultsStore();
		assertFalse(store.owns(f));
		assertEquals("cube-stem4d.virtual_image_000", store.append(f, record("k1"), null));
		assertTrue(store.owns(f));
		assertEquals("cube-stem4d.virtual_image_001", store.append(f, record("k2"), null), "the first run is copied, the second added");
		List<StoredRun> runs = store.runs(f);
		assertEquals(List.of("cube-stem4d.virtual_image_000", "cube-stem4d.virtual_image_001"), runs.stream().map(StoredRun::name).toList());
		Provenance want = provenance("k1");
		Provenance got = runs.get(0).provenance();
		assertEquals(List.of(want.operation(), want.operationName(), want.operationVersion(), want.parameters(), want.sourceFile(), want.sourceDataset(),
				want.sourceDtype(), want.sourceNavigationRank(), want.key(), want.keyText(), want.partitions(), want.time(), want.machine(),
				want.ronchiVersion(), want.javaVersion(), want.platform()),
				List.of(got.operation(), got.operationName(), got.operationVersion(), got.parameters(), got.sourceFile(), got.sourceDataset(),
						got.sourceDtype(), got.sourceNavigationRank(), got.key(), got.keyText(), got.partitions(), got.time(), got.machine(),
						got.ronchiVersion(), got.javaVersion(), got.platform()));
		assertArrayEquals(want.sourceShape(), got.sourceShape());
		assertEquals(want.arrayParameters().get("mask"), got.arrayParameters().get("mask"));
		assertEquals("k2", runs.get(1).provenance().key());
		try (OpenedRun r = store.open(f, "cube-stem4d.virtual_image_000")) {
			Map<String, ArrayNode> out = new java.util.HashMap<>();
			r.outputs().forEach(o -> out.put(o.name(), o));
			RunRecord in = record("k1");
			for (ArrayNode o : in.outputs()) {
				ArrayNode back = out.get(o.name());
				assertEquals(o.axes(), back.axes(), o.name());
				assertEquals(List.of(o.title(), o.kind(), o.quantity(), o.units()), List.of(back.title(), back.kind(), back.quantity(), back.units()));
				assertEquals(Arrays2.readAll(o).cast(DoubleDataset.class), Arrays2.readAll(back).cast(DoubleDataset.class), o.name());
			}
			PointListSource lists = out.get("peaks").pointLists();
			assertEquals(PEAK, lists.type());
			PointList p = lists.read(2, 1);
			assertEquals(3, p.length());
			assertArrayEquals(new double[] { 21, 21.1, 21.2 }, p.doubles("qx"), 1e-5);
			assertArrayEquals(new double[] { 0, 1, 2 }, p.doubles("intensity"));
			assertEquals(0, lists.read(0, 0).length());
			assertEquals("/cube-stem4d.virtual_image_000/image/data", r.paths().get("image"));
		}
		assertThrows(RonchiException.class, () -> store.open(f, "nope"));
		try (DataFile d = new NexusLoader().open(f, Map.of("nxdata_only", true))) {
			assertEquals(6, d.signals().size(), "three outputs in each of two runs");
			assertEquals(List.of("image", "mean", "peaks"), d.signals().subList(0, 3).stream().map(ArrayNode::title).toList());
		}
	}

	@Test
	void neverWritesIntoAFileItDidNotWrite() throws Exception {
		Path dir = TestData.tempDir("nexus-store-foreign");
		Path other = dir.resolve("other.nxs");
		try (DataFile in = NexusWriterTest.spectrumImage()) {
			new org.ronchi.io.nexus.internal.NexusFileWriter().write(in, other, Map.of());
		}
		byte[] before = Files.readAllBytes(other);
		NexusResultsStore store = new NexusResultsStore();
		assertFalse(store.owns(other), "a NeXus file, not a results file");
		assertThrows(RonchiException.class, () -> store.append(other, record("k"), null));
		assertArrayEquals(before, Files.readAllBytes(other));
		assertEquals(List.of(), store.runs(dir.resolve("none.nxs")));
	}

	@Test
	void dawnAndHyperSpyShowTheOutputs() {
		Python.assumeModules("h5py", "hyperspy.api");
		Path f = TestData.tempDir("nexus-store-hs").resolve("r.nxs");
		new NexusResultsStore().append(f, record("k"), null);
		String[] lines = Python.check(Scripts.read("nexus_check.py"), f.toString()).split("\n");
		assertEquals(3, lines.length, String.join("\n", lines));
		assertTrue(lines[0].contains("\"/cube-stem4d.virtual_image_000/image\"") && lines[0].contains("\"navigate\": [true, true]"), lines[0]);
	}
}
