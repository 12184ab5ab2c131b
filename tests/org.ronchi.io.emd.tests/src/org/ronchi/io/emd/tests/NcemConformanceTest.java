package org.ronchi.io.emd.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.internal.Emd1Loader;
import org.ronchi.io.emd.internal.NcemLoader;
import org.ronchi.tests.support.TestData;

/**
 * Every real NCEM/Prismatic EMD file against MANIFEST.md: the ORACLES of RosettaSciIO's
 * test_emd_ncem.py (axes, depth stacks, byte-string dims, metadata), the raw h5py readings (first
 * element, sum) and HyperSpy 1.7.3's data order (reversed axes except 4D-STEM datacubes).
 */
class NcemConformanceTest {
	static final String HS = "emd_ncem/rsciio_hyperspy_written/";
	static final String PR = "emd_ncem/prismatic/";

	static DataFile open(String rel) {
		return new NcemLoader().open(TestData.real(rel), Map.of());
	}

	static ArrayNode only(DataFile f) {
		assertEquals(1, f.signals().size(), f.signals().toString());
		return f.signals().get(0);
	}

	static Dataset assertData(ArrayNode n, DType dtype, long[] shape, double first, double second, double sum) {
		assertEquals(dtype, n.dtype());
		assertArrayEquals(shape, n.shape());
		Dataset d = Arrays2.readAll(n);
		assertEquals(first, d.getElementDoubleAbs(0), Math.abs(first) * 1e-6);
		assertEquals(second, d.getElementDoubleAbs(1), Math.abs(second) * 1e-6);
		assertEquals(sum, Arrays2.sum(d), Math.abs(sum) * 1e-7 + 1e-9);
		return d;
	}

	static void assertAxis(Axis a, String name, String units, long size, double scale, double offset, boolean navigate) {
		assertEquals(name, a.name(), a.toString());
		assertEquals(units, a.units(), a.toString());
		assertEquals(size, a.size(), a.toString());
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-5, a.toString());
		assertEquals(offset, a.offset(), Math.abs(offset) * 1e-5 + 1e-12, a.toString());
		assertEquals(navigate, a.navigate(), a.toString());
	}

	@Test
	void probesSpecificOnlyOnNcemFiles() {
		for (Path p : TestData.realFiles("emd_ncem", ".emd")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(FileLoader.SPECIFIC, new NcemLoader().probe(probe), p.toString());
				assertEquals(0, new Emd1Loader().probe(probe), p.toString());
			}
		}
		for (String other : List.of("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5", "usid/pyUSID/sparse_sampling.h5")) {
			try (FileProbe probe = FileProbe.of(TestData.real(other))) {
				assertEquals(0, new NcemLoader().probe(probe), other);
			}
		}
		// Velox EMD is HDF5 with an .emd name too, but has no emd_group_type: not ours
		for (Path p : TestData.realFiles("velox_emd", ".emd")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(0, new NcemLoader().probe(probe), p.toString());
				assertEquals(0, new Emd1Loader().probe(probe), p.toString());
			}
		}
	}

	@Test
	void signalIsTransposedLikeRosettaSciIO() {
		try (DataFile f = open(HS + "example_signal.emd")) {
			assertEquals("EMD", f.format());
			assertEquals("0.2", f.formatVersion(), "version attributes written as strings");
			ArrayNode n = only(f);
			// raw arange(27).reshape(3,3,3); RS expects its .T
			Dataset d = assertData(n, DType.INT32, new long[] { 3, 3, 3 }, 0, 9, 351);
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					for (int k = 0; k < 3; k++) {
						assertEquals(9 * k + 3 * j + i, d.getInt(i, j, k));
					}
				}
			}
			assertEquals("__unnamed__", n.title());
			assertEquals("emd-array", n.kind());
			assertEquals("/__unnamed__", n.path());
			for (Axis a : n.axes()) {
				assertAxis(a, "", "", 3, 1, 0, false);
			}
		}
	}

	@Test
	void imageAndSpectrum() {
		try (DataFile f = open(HS + "example_image.emd")) {
			Dataset d = assertData(only(f), DType.INT32, new long[] { 3, 3 }, 0, 3, 36);
			assertEquals(5, d.getInt(2, 1), "raw [1, 2] = 5, transposed");
		}
		try (DataFile f = open(HS + "example_spectrum.emd")) {
			assertData(only(f), DType.INT32, new long[] { 3 }, 0, 1, 3);
		}
	}

	@Test
	void metadataOfTheHyperSpyWrittenFile() {
		try (DataFile f = open(HS + "example_metadata.emd")) {
			ArrayNode n = only(f);
			assertEquals("This is a test!", n.title());
			assertData(n, DType.INT32, new long[] { 3, 3 }, 0, 3, 36);
			assertEquals("John Doe", n.originalMetadata().at("user", "name"));
			assertEquals("TestUniversity", n.originalMetadata().at("user", "institution"));
			assertEquals("Microscopy", n.originalMetadata().at("user", "department"));
			assertEquals("johndoe@web.de", n.originalMetadata().at("user", "email"));
			assertEquals("Titan", n.originalMetadata().at("microscope", "name"));
			assertEquals("300kV", n.originalMetadata().at("microscope", "voltage"));
			assertEquals("TiO2", n.originalMetadata().at("sample", "material"));
			assertEquals("FIB", n.originalMetadata().at("sample", "preparation"));
			assertEquals("Test", n.originalMetadata().at("comments", "comment"));
			assertEquals("0.2", n.originalMetadata().get("EMD_version"));
			assertEquals(1, ((Number) n.originalMetadata().at("group", "a")).intValue());
			assertEquals("This is a test!", n.metadata().get("general.title"));
			assertEquals("John Doe", n.metadata().get("general.authors"));
			assertEquals("Titan", n.metadata().get("acquisition.instrument.microscope"));
			assertEquals(new Quantity(300, "kV"), n.metadata().get("acquisition.instrument.beam_energy"));
			assertEquals("TiO2", n.metadata().get("sample.description"));
			assertEquals("example_metadata.emd", n.metadata().get("general.original_filename"));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
		try (DataFile f = open(HS + "example_image.emd")) {
			assertNull(only(f).metadata().get("general.authors"), "HyperSpy writes \"\" for unset fields: dropped");
		}
	}

	@Test
	void byteStringDimAttributesLoad() {
		try (DataFile f = open(HS + "example_bytes_string_metadata.emd")) {
			assertEquals("0.2", f.formatVersion(), "version attributes written as int64");
			ArrayNode n = only(f);
			assertEquals("data_group", n.title());
			assertData(n, DType.INT64, new long[] { 10 }, 0, 1, 45);
			Axis a = n.axes().get(0);
			assertEquals("test_name", a.name());
			assertEquals("test_units", a.units(), "no brackets: the text as written (HyperSpy drops it)");
			assertEquals(1.0, a.scale(), 0);
			assertEquals("test_units", n.originalMetadata().at("dims", "dim1", "units"));
		}
	}

	@Test
	void prismatic4dDepthStack() {
		try (DataFile f = open(PR + "Si100_4D.emd")) {
			assertEquals("0.5", f.formatVersion());
			ArrayNode n = only(f);
			assertEquals("CBED_array", n.title());
			assertData(n, DType.FLOAT32, new long[] { 2, 11, 11, 8, 8 }, 1.06142345e-07, 4.0437204e-05, 221.2757043);
			List<Axis> ax = n.axes();
			assertAxis(ax.get(0), "CBED_array_depth", "Å", 2, 2.715, 2.715, true);
			assertAxis(ax.get(1), "R_x", "nm", 11, 0.5, 0, true);
			assertAxis(ax.get(2), "R_y", "nm", 11, 0.5, 0, true);
			assertAxis(ax.get(3), "Q_x", "1 / nm", 8, 0.18416205, -0.73664826, false);
			assertAxis(ax.get(4), "Q_y", "1 / nm", 8, 0.18416205, -0.73664826, false);
			// depth 1 starts where the second group's datacube starts (raw h5py: 9.818247e-05)
			assertEquals(9.818247e-05, n.source().read(new long[] { 1, 0, 0, 0, 0 }, new int[] { 1, 1, 1, 1, 1 }).getElementDoubleAbs(0),
					1e-12);
			assertEquals(new Quantity(100, "kV"), n.metadata().get("acquisition.instrument.beam_energy"));
			assertEquals(new Quantity(30, "mrad"), n.metadata().get("acquisition.instrument.convergence_angle"));
			assertEquals("diffraction", n.metadata().get("signal.type"));
			assertEquals(2, ((Number) n.originalMetadata().at("simulation_parameters", "ns")).intValue());
		}
	}

	@Test
	void prismaticVirtualDetectorDepthsFromZStart() {
		try (DataFile f = open(PR + "Si100_1x1x3-zStart5.43.emd")) {
			ArrayNode n = only(f);
			assertEquals("virtual_detector", n.title());
			assertData(n, DType.FLOAT32, new long[] { 3, 208, 7, 7 }, 0.05329151, 0.05324345, 146.9607651);
			List<Axis> ax = n.axes();
			assertAxis(ax.get(0), "virtual_detector_depth", "Å", 3, 5.43, 5.43, true);
			assertAxis(ax.get(1), "bin_outer_angle", "mrad", 208, 0.001, 0.0005, true);
			assertAxis(ax.get(2), "R_y", "nm", 7, 0.4, 2.715, false);
			assertAxis(ax.get(3), "R_x", "nm", 7, 0.4, 2.715, false);
			// per depth sums as h5py reads each realslice
			double[] sums = { 48.99228655, 48.98626468, 48.98221389 };
			for (int k = 0; k < 3; k++) {
				Dataset d = n.source().read(new long[] { k, 0, 0, 0 }, new int[] { 1, 208, 7, 7 });
				assertEquals(sums[k], Arrays2.sum(d), 1e-5);
			}
		}
	}

	@Test
	void prismatic3dAnd2d() {
		try (DataFile f = open(PR + "Si100_3D.emd")) {
			ArrayNode n = only(f);
			assertEquals("virtual_detector", n.title());
			assertData(n, DType.FLOAT32, new long[] { 37, 22, 22 }, 0.018357618, 0.018023811, 442.4281393);
			assertAxis(n.axes().get(0), "bin_outer_angle", "mrad", 37, 0.001, 0.0005, true);
			assertAxis(n.axes().get(1), "R_y", "nm", 22, 0.25, 0, false);
			assertAxis(n.axes().get(2), "R_x", "nm", 22, 0.25, 0, false);
		}
		try (DataFile f = open(PR + "Si100_2x1x1_3D.emd")) {
			ArrayNode n = only(f);
			assertEquals("annular_detector", n.title());
			assertData(n, DType.FLOAT32, new long[] { 22, 44 }, 0, 0, 0);
			assertAxis(n.axes().get(0), "R_y", "nm", 22, 0.25, 0, false);
			assertAxis(n.axes().get(1), "R_x", "nm", 44, 0.25, 0, false);
		}
	}
}
