package org.ronchi.io.emd.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.emd.internal.NcemLoader;

/**
 * NCEM variants the real files here lack (MANIFEST lists them in the full collection): scalar dims,
 * variable-length string data, text version attributes, a 4D-STEM datacube outside Prismatic.
 */
class NcemSyntheticTest {
	@TempDir
	Path dir;

	@Test
	void scalarDimsAndStringData() {
		Path f = dir.resolve("strings.emd");
		Hdf5Writer.write(f, root -> {
			root.attribute("version_major", "0").attribute("version_minor", "2");
			WGroup g = root.group("signals").group("labels").attribute("emd_group_type", 1);
			g.dataset("data", Value.strings(new long[] { 3, 1 }, "a", "bc", "def"));
			g.dataset("dim1", 2.5).attribute("name", "one").attribute("units", "[s]");
			g.dataset("dim2", new double[] { 0, 0.5, 1 }).attribute("name", "three").attribute("units", "[m_m]");
		});
		try (DataFile d = new NcemLoader().open(f, Map.of())) {
			assertEquals("0.2", d.formatVersion());
			ArrayNode n = d.signals().get(0);
			assertEquals(DType.STRING, n.dtype());
			assertArrayEquals(new long[] { 1, 3 }, n.shape(), "reversed");
			Dataset s = Arrays2.readAll(n);
			assertEquals("bc", s.getString(0, 1));
			assertEquals("three", n.axes().get(0).name());
			assertEquals(1, n.axes().get(0).size());
			assertEquals(2.5, n.axes().get(1).offset(), 0, "a scalar dim: its value is the offset");
			assertEquals("s", n.axes().get(1).units());
			assertEquals("three", n.axes().get(0).name());
		}
	}

	@Test
	void datacubeKeepsItsOrderOutsidePrismatic() {
		Path f = dir.resolve("cube.emd");
		Hdf5Writer.write(f, root -> {
			WGroup g = root.group("4D").attribute("emd_group_type", 1);
			g.dataset("datacube", org.eclipse.january.dataset.DatasetFactory.createRange(org.eclipse.january.dataset.IntegerDataset.class, 2 * 3 * 4 * 5)
					.reshape(2, 3, 4, 5));
			for (int i = 1; i <= 4; i++) {
				g.dataset("dim" + i, new double[] { 0, i }).attribute("name", "d" + i).attribute("units", "[n_m]");
			}
		});
		try (DataFile d = new NcemLoader().open(f, Map.of())) {
			ArrayNode n = d.signals().get(0);
			assertArrayEquals(new long[] { 2, 3, 4, 5 }, n.shape());
			assertEquals("d1", n.axes().get(0).name());
			assertEquals(4.0, n.axes().get(3).scale(), 0);
			assertEquals(119, Arrays2.readAll(n).getInt(1, 2, 3, 4));
			assertEquals("diffraction", n.metadata().get("signal.type"));
		}
	}
}
