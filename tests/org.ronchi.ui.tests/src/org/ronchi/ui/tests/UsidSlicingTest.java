package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.DimSelection;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.slice.SliceSpec;

/**
 * USID Main datasets are stored 2-D (positions x spectroscopic steps) but sliced by dimension name in
 * their N-dimensional form. usid/pyUSID/simulated_STEM_Image.h5: Raw_Data (65536, 1) uint8, first 86,
 * sum 6710823, position dimensions X and Y of 256 steps.
 */
class UsidSlicingTest {

	@Test
	void mainDatasetIsSlicedInItsNamedDimensions() {
		try (Browser b = new Browser()) {
			DataFile f = b.open(TestData.real("usid/pyUSID/simulated_STEM_Image.h5"));
			ArrayNode raw = (ArrayNode) f.root().resolve("/Measurement_000/Channel_000/Raw_Data");
			b.tree.select(raw);
			b.idle();
			SliceSpec s = b.slicer.spec();
			ArrayNode nd = s.node();
			assertArrayEquals(new long[] { 256, 256 }, nd.shape(), "the N-dimensional form, size-1 spectroscopic step dropped");
			assertEquals("X", nd.axes().get(0).name());
			assertEquals("Y", nd.axes().get(1).name());

			Dataset shown = b.image.rendered().data();
			double sum = 0;
			for (int y = 0; y < 256; y++) {
				for (int x = 0; x < 256; x++) {
					sum += shown.getDouble(y, x);
				}
			}
			assertEquals(6710823, sum, 0);

			// the same values as slicing by name with the USID model: row i of the image is X = i
			MainDataset main = MainDataset.of(f.path(), raw);
			Dataset row = main.slice(Map.of("X", DimSelection.index(37)));
			assertEquals(256, row.getSize());
			for (int j = 0; j < 256; j++) {
				assertEquals(row.getDouble(j), shown.getDouble(37, j), 0, "X=37, Y=" + j);
			}
			assertEquals(86, raw.source().read(new long[] { 0, 0 }, new int[] { 1, 1 }).getDouble(0, 0), 0);
			assertTrue(b.slicer.control().isVisible());
		}
	}
}
