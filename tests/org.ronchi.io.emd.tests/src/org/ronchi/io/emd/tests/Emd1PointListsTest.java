package org.ronchi.io.emd.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.internal.Emd1Loader;

/**
 * The EMD 1.0 loader reads a PointListArray written by h5py in emdfile's layout (no Ronchi attributes)
 * as core point lists on its data node: the record type from the cells, the 2-D grid, every cell.
 */
class Emd1PointListsTest {
	@TempDir
	Path dir;

	@Test
	void anEmdfilePointListArrayReadsAsPointLists() {
		Path f = Fixtures.emd1(dir);
		try (DataFile d = new Emd1Loader().open(f, Map.of())) {
			ArrayNode data = (ArrayNode) d.root().resolve("/experiment/braggpeaks/data");
			PointListSource lists = data.pointLists();
			assertNotNull(lists, "the loader attaches the point lists to the PointListArray's data node");
			assertArrayEquals(new long[] { 2, 3 }, lists.shape());
			assertEquals(List.of("qx", "qy", "intensity"), lists.type().names());
			assertEquals(DType.FLOAT64, lists.type().fields().get(0).dtype());
			PointList p = lists.read(1, 2);
			assertArrayEquals(new double[] { 10, 11, 12 }, p.doubles("qx"), 0);
			assertArrayEquals(new double[] { 2, 2, 2 }, p.doubles("qy"), 0);
			assertArrayEquals(new double[] { 1.5, 1.5, 1.5 }, p.doubles("intensity"), 0);
			assertEquals(0, lists.read(0, 0).length());
			Dataset counts = lists.counts().read(new long[2], new int[] { 2, 3 });
			for (int i = 0; i < 2; i++) {
				for (int j = 0; j < 3; j++) {
					assertEquals(i + j, counts.getLong(i, j), "the fixture's cell (i, j) holds i + j records");
				}
			}
		}
	}
}
