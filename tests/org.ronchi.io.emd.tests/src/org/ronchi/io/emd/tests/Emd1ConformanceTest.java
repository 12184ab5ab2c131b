package org.ronchi.io.emd.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdCalibration;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.internal.Emd1Loader;
import org.ronchi.io.emd.internal.NcemLoader;
import org.ronchi.tests.support.TestData;

/**
 * The real EMD 1.0 file against MANIFEST.md (RosettaSciIO's test_emd_ncem.py::test_py4dstem and the raw
 * h5py reading) and the emdfile model: tree, dims, calibration as root metadata.
 */
class Emd1ConformanceTest {
	static final String FILE = "py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5";

	@Test
	void probe() {
		try (FileProbe p = FileProbe.of(TestData.real(FILE))) {
			assertEquals(FileLoader.SPECIFIC, new Emd1Loader().probe(p));
			assertEquals(0, new NcemLoader().probe(p));
		}
	}

	@Test
	void datacubeWithAxesFromItsDims() {
		try (DataFile f = new Emd1Loader().open(TestData.real(FILE), Map.of())) {
			assertEquals("EMD 1.0", f.format());
			assertEquals("1.0", f.formatVersion());
			assertEquals(1, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertEquals("/datacube_root/datacube/data", n.path());
			assertEquals("datacube", n.title());
			assertEquals("emd-array", n.kind());
			assertEquals("pixel intensity", n.units());
			NcemConformanceTest.assertData(n, DType.FLOAT32, new long[] { 2, 3, 4, 5 }, 472.5212, 138.30124, 28255.87625);
			NcemConformanceTest.assertAxis(n.axes().get(0), "Rx", "nm", 2, 0.126796875, 0, true);
			NcemConformanceTest.assertAxis(n.axes().get(1), "Ry", "nm", 3, 0.126796875, 0, true);
			NcemConformanceTest.assertAxis(n.axes().get(2), "Qx", "1 / Å", 4, 0.044251566616087125, 0, false);
			NcemConformanceTest.assertAxis(n.axes().get(3), "Qy", "1 / Å", 5, 0.044251566616087125, 0, false);
			assertEquals(0.044251566616087125, n.axes().get(2).scale(), 1e-15, "stored as its first two coordinates");
			assertEquals("A^-1", n.originalMetadata().at("root_metadata", "calibration", "Q_pixel_units"));
			assertEquals(0.126796875, (Double) n.originalMetadata().at("root_metadata", "calibration", "R_pixel_size"), 0);
			assertEquals(Boolean.FALSE, n.originalMetadata().at("root_metadata", "calibration", "QR_flip"));
			assertEquals(List.of("/datacube"), n.originalMetadata().at("root_metadata", "calibration", "_target_paths"));
			assertEquals("DataCube", n.originalMetadata().at("node", "python_class"));
			assertEquals("emdfile", n.originalMetadata().at("file", "authoring_program"));
			assertEquals("datacube", n.metadata().get("general.title"));
			assertEquals("pixel intensity", n.metadata().get("signal.units"));
		}
	}

	@Test
	void modelTreeAndCalibration() {
		try (EmdFiles.Opened o = EmdFiles.open(TestData.real(FILE))) {
			assertEquals(1, o.trees().size());
			EmdNode root = o.trees().get(0);
			assertEquals("datacube_root", root.name());
			assertEquals("root", root.type());
			assertEquals(1, root.children().size());
			EmdArray cube = assertInstanceOf(EmdArray.class, root.children().get(0));
			assertEquals("DataCube", cube.pythonClass());
			assertEquals("datacube", cube.treePath());
			assertEquals(List.of("Rx", "Ry", "Qx", "Qy"), cube.dims().stream().map(d -> d.name()).toList());
			assertFalse(cube.isStack());
			assertEquals(4, cube.rank());
			assertArrayEquals(new double[] { 0, 0.126796875 }, cube.dims().get(0).values(), 1e-12);
			EmdCalibration cal = EmdCalibration.of(cube);
			assertEquals("Calibration", cal.metadata().pythonClass());
			assertEquals(0.044251566616087125, cal.qPixelSize(), 0);
			assertEquals(0.126796875, cal.rPixelSize(), 0);
			assertEquals("1 / Å", cal.qPixelUnits());
			assertEquals("nm", cal.rPixelUnits());
			assertEquals("", cal.metadata().get("_root_treepath"));
		}
	}
}
