package org.ronchi.io.emd.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdCalibration;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointList;
import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.internal.Emd1Loader;

/**
 * The parts of EMD 1.0 the real file lacks (MANIFEST: no EMD 1.0 PointList or PointListArray is
 * available), on a file h5py writes in emdfile's layout: stacks with slice labels, non-linear dims,
 * nested nodes, point lists and their arrays, custom nodes, every metadata value type.
 */
class Emd1FeaturesTest {
	@TempDir
	Path dir;

	@Test
	void signalsInTreeOrder() {
		Path f = Fixtures.emd1(dir);
		try (DataFile d = new Emd1Loader().open(f, Map.of())) {
			// HDF5 (old-style groups) and emdfile list children by name
			assertEquals(List.of("/experiment/pl/table", "/experiment/stack/data", "/experiment/stack/virtual/data"),
					d.signals().stream().map(ArrayNode::path).toList());
			assertTrue(d.warnings().get(0).contains("/experiment/braggpeaks: PointListArray of 2 x 3"), d.warnings().toString());
			ArrayNode stack = d.signals().get(1);
			assertEquals("stack", stack.title());
			assertEquals("counts", stack.units());
			Axis rx = stack.axes().get(0);
			assertEquals(0.25, rx.scale(), 0);
			assertEquals(4, rx.size(), "two coordinates stored, four steps");
			Axis ry = stack.axes().get(1);
			assertFalse(ry.isLinear());
			assertEquals(16.0, ry.coordinate(4), 0);
			assertEquals("slicelabels", stack.axes().get(2).name());
			assertEquals(0.5, (Double) stack.originalMetadata().at("root_metadata", "calibration", "Q_pixel_size"), 0);
			assertEquals("tester", stack.metadata().get("general.authors"));
			ArrayNode table = d.signals().get(0);
			assertEquals("pointlist", table.kind());
			assertArrayEquals(new long[] { 6, 3 }, table.shape());
			// fields in group (name) order, as emdfile builds the record type
			assertArrayEquals(new String[] { "intensity", "qx", "qy" }, (String[]) table.attribute("fields"));
			Dataset t = Arrays2.readAll(table);
			assertEquals(10.0, t.getDouble(5, 2), 0, "qy = 2 x index");
			assertEquals(5.0, t.getDouble(5, 0), 0);
		}
	}

	@Test
	void modelOfEveryNodeAndValueType() {
		Path f = Fixtures.emd1(dir);
		try (EmdFiles.Opened o = EmdFiles.open(f)) {
			EmdNode root = o.trees().get(0);
			assertEquals(List.of("braggpeaks", "pl", "stack", "thing"), root.children().stream().map(EmdNode::name).toList());
			EmdArray stack = assertInstanceOf(EmdArray.class, root.children().get(2));
			assertEquals(List.of("bright", "dark"), stack.slicelabels());
			assertEquals(2, stack.rank(), "a stack's rank leaves out the labels");
			EmdArray inner = assertInstanceOf(EmdArray.class, stack.children().get(0));
			assertEquals("stack/virtual", inner.treePath());
			assertEquals("annulus", inner.metadata("virtual_image_params").get("mode"));
			EmdPointList pl = assertInstanceOf(EmdPointList.class, root.children().get(1));
			assertEquals(List.of("intensity", "qx", "qy"), pl.fieldNames());
			assertEquals("float32", EmdPointList.fieldType(pl.fields().get(0)));
			EmdPointListArray pla = assertInstanceOf(EmdPointListArray.class, root.children().get(0));
			assertArrayEquals(new long[] { 2, 3 }, pla.shape());
			Map<String, Object> cell = pla.pointList(1, 2);
			assertArrayEquals(new double[] { 10, 11, 12 }, (double[]) cell.get("qx"), 0);
			assertArrayEquals(new double[] { 2, 2, 2 }, (double[]) cell.get("qy"), 0);
			assertEquals(0, ((double[]) pla.pointList(0, 0).get("qx")).length);
			assertEquals("custom_node", root.children().get(3).type());
			EmdCalibration cal = EmdCalibration.of(inner);
			assertEquals(0.5, cal.qPixelSize(), 0);
			assertEquals("1 / Å", cal.qPixelUnits());
			assertEquals(Boolean.TRUE, cal.metadata().get("QR_flip"));
			assertArrayEquals(new int[] { 2, 3 }, ((Dataset) cal.metadata().get("origin")).getShape());
			assertEquals(List.of("/stack", "/pl"), cal.metadata().get("_target_paths"));
			EmdMetadata p = root.metadata("params");
			assertTrue(p.params().containsKey("nothing"));
			assertNull(p.get("nothing"));
			assertEquals(7L, p.get("count"));
			assertEquals("tuple", p.type("tup"));
			assertEquals(3, ((Dataset) p.get("tup")).getSize());
			assertEquals(List.of("x", "yz"), p.get("tos"));
			assertEquals(List.of("only"), p.get("los"));
			assertEquals(2, ((List<?>) p.get("toa")).size());
			assertArrayEquals(new int[] { 2, 2 }, ((Dataset) ((List<?>) p.get("toa")).get(1)).getShape());
			assertEquals(2, ((List<?>) p.get("tot")).size());
			assertEquals(List.of(1.5, 2.5), List.of(((Dataset) p.get("lst")).getDouble(0), ((Dataset) p.get("lst")).getDouble(1)));
		}
	}
}
