package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.ui.slice.SliceSpec;
import org.ronchi.ui.slice.Slicer;
import org.ronchi.ui.slice.SlicerPanel;

/** Slicing on synthetic arrays whose every value encodes its index: value = 1000 a + 100 b + 10 c + d. */
class SlicingTest {

	static ArrayNode coded(int[] shape, boolean[] navigate) {
		Dataset d = DatasetFactory.zeros(FloatDataset.class, shape);
		int[] pos = new int[shape.length];
		for (int i = 0; i < d.getSize(); i++) {
			int rem = i;
			double v = 0;
			for (int k = shape.length - 1; k >= 0; k--) {
				pos[k] = rem % shape[k];
				rem /= shape[k];
			}
			for (int k = 0; k < shape.length; k++) {
				v = v * 10 + pos[k];
			}
			d.set(v, pos);
		}
		ArrayNode n = new ArrayNode("coded", new DatasetSource(d, DType.FLOAT32));
		List<Axis> axes = new ArrayList<>();
		for (int k = 0; k < shape.length; k++) {
			axes.add(Axis.linear("d" + k, "nm", shape[k], 0.5, 1).withNavigate(navigate[k]));
		}
		return n.axes(axes);
	}

	@Test
	void defaultViewsFollowHyperSpyConventions() {
		// 4D-STEM: diffraction pattern (signal axes), the row through the cursor plotted
		SliceSpec s = SliceSpec.defaults(coded(new int[] { 3, 4, 5, 6 }, new boolean[] { true, true, false, false }));
		assertEquals(3, s.xDim());
		assertEquals(2, s.yDim());
		assertEquals(-1, s.plotDim());
		// spectrum image: navigation image, spectrum plotted
		s = SliceSpec.defaults(coded(new int[] { 3, 4, 7 }, new boolean[] { true, true, false }));
		assertEquals(1, s.xDim());
		assertEquals(0, s.yDim());
		assertEquals(2, s.plotDim());
		// line scan: position x energy image
		s = SliceSpec.defaults(coded(new int[] { 4, 7 }, new boolean[] { true, false }));
		assertEquals(1, s.xDim());
		assertEquals(0, s.yDim());
		// a spectrum: a line
		s = SliceSpec.defaults(coded(new int[] { 9 }, new boolean[] { false }));
		assertEquals(0, s.xDim());
		assertEquals(-1, s.yDim());
		// no navigation flags (plain HDF5): the last two dimensions of size > 1
		s = SliceSpec.defaults(coded(new int[] { 2, 5, 1, 6 }, new boolean[] { false, false, false, false }));
		assertEquals(3, s.xDim());
		assertEquals(1, s.yDim());
		// (1, n): a line, not an image one pixel high
		s = SliceSpec.defaults(coded(new int[] { 1, 9 }, new boolean[] { false, false }));
		assertEquals(1, s.xDim());
		assertEquals(-1, s.yDim());
	}

	@Test
	void planesAndLinesAreReadInOneBoxEitherAxisOrder() {
		ArrayNode n = coded(new int[] { 3, 4, 5, 6 }, new boolean[] { true, true, false, false });
		DatasetSource src = (DatasetSource) n.source();
		// Y before X in the array: rows are Y
		Dataset p = Slicer.image(new SliceSpec(n, 3, 1, -1, new long[] { 2, 0, 3, 0 }), 1 << 20);
		assertArrayEquals(new int[] { 4, 6 }, p.getShapeRef());
		assertEquals(2 * 1000 + 1 * 100 + 3 * 10 + 5, p.getDouble(1, 5), 0);
		// Y after X: the plane is transposed, rows still Y
		p = Slicer.image(new SliceSpec(n, 0, 2, -1, new long[] { 0, 3, 0, 4 }), 1 << 20);
		assertArrayEquals(new int[] { 5, 3 }, p.getShapeRef());
		assertEquals(2 * 1000 + 3 * 100 + 4 * 10 + 4, p.getDouble(4, 2), 0);
		Dataset l = Slicer.line(n, 1, new long[] { 1, 0, 2, 3 }, 1 << 20);
		assertArrayEquals(new int[] { 4 }, l.getShapeRef());
		assertEquals(1000 + 300 + 20 + 3, l.getDouble(3), 0);
		assertEquals(3, src.reads, "one read per plane or line");
	}

	@Test
	void aPlaneLargerThanTheMemoryBudgetIsRefusedBeforeReading() {
		ArrayNode n = coded(new int[] { 3, 40, 50 }, new boolean[] { false, false, false });
		InvalidRequestException e = assertThrows(InvalidRequestException.class,
				() -> Slicer.image(new SliceSpec(n, 2, 1, -1, new long[3]), 1000));
		assertTrue(e.getMessage().contains("memory budget"), e.getMessage());
		assertEquals(0, ((DatasetSource) n.source()).reads);
	}

	@Test
	void slicerRolesStayConsistent() {
		try (Fixture fx = new Fixture(800, 400)) {
			SlicerPanel p = new SlicerPanel(fx.shell);
			List<SliceSpec> seen = new ArrayList<>();
			p.addListener(seen::add);
			fx.open();
			ArrayNode n = coded(new int[] { 3, 4, 5, 6 }, new boolean[] { true, true, false, false });
			p.setNode(n, "");
			assertEquals(3, p.spec().xDim());
			// X onto the current Y: they swap
			p.roleChosen(2, "X");
			assertEquals(2, p.spec().xDim());
			assertEquals(3, p.spec().yDim());
			// Y given up: another dimension takes over, X stays
			p.roleChosen(3, "slider");
			assertEquals(2, p.spec().xDim());
			assertTrue(p.spec().yDim() >= 0 && p.spec().yDim() != 2 && p.spec().yDim() != 3, p.spec().toString());
			// line view and back
			p.modeChosen(false);
			assertEquals(-1, p.spec().yDim());
			p.modeChosen(true);
			assertTrue(p.spec().isImage());
			// sliders move one index; the cursor moves X and Y
			p.setIndex(0, 2);
			assertEquals(2, p.spec().index(0));
			p.setCursor(1, 2);
			assertEquals(1, p.spec().index(p.spec().xDim()));
			assertTrue(seen.size() >= 6, "every change is published: " + seen.size());
			p.setIndex(0, 99);
			assertEquals(2, p.spec().index(0), "indices are clamped to the dimension");
		}
	}
}
