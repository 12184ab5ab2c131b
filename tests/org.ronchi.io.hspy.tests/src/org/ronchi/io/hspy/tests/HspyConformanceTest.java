package org.ronchi.io.hspy.tests;

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
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.hspy.internal.HspyLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * Every real .hspy / HyperSpy .hdf5 file against MANIFEST.md ("HyperSpy .hspy / .hdf5 and NeXus —
 * HyperSpy 1.7.3 readings"): title, shape, dtype, sum, axes (name, size, scale, units, navigation
 * first), and the metadata HyperSpy maps.
 */
class HspyConformanceTest {
	static final String DIR = "hspy/rsciio/";

	static DataFile open(String name) {
		return new HspyLoader().open(TestData.real(DIR + name), Map.of());
	}

	static ArrayNode only(DataFile f) {
		assertEquals(1, f.signals().size(), f.signals().toString());
		return f.signals().get(0);
	}

	static void assertSignal(ArrayNode s, String title, DType dtype, long[] shape, double sum) {
		assertEquals(title, s.title());
		assertEquals(dtype, s.dtype());
		assertArrayEquals(shape, s.shape());
		Dataset d = Arrays2.readAll(s);
		assertEquals(sum, Arrays2.sum(d), Math.abs(sum) * 1e-12);
	}

	static void assertAxis(Axis a, String name, long size, double scale, String units, boolean navigate) {
		assertEquals(name, a.name(), a.toString());
		assertEquals(size, a.size(), a.toString());
		assertEquals(scale, a.scale(), 1e-12, a.toString());
		assertEquals(units, a.units(), a.toString());
		assertEquals(navigate, a.navigate(), a.toString());
	}

	@Test
	void probesSpecificOnHyperSpyFilesOnly() {
		for (Path p : TestData.realFiles("hspy", ".hspy", ".hdf5")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(FileLoader.SPECIFIC, new HspyLoader().probe(probe), p.toString());
			}
		}
		for (Path p : List.of(TestData.real("nexus/rsciio/simple_signal.nxs"), TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5"),
				TestData.real("usid/pyUSID/sparse_sampling.h5"))) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(0, new HspyLoader().probe(probe), p.toString());
			}
		}
	}

	@Test
	void version1EelsSpectrum() {
		for (String name : List.of("example1_v1.0.hdf5", "example1_v1.2.hdf5")) {
			try (DataFile f = open(name)) {
				ArrayNode s = only(f);
				assertSignal(s, "NIO EELS OK SHELL", DType.FLOAT64, new long[] { 21 }, 104070.0);
				assertAxis(s.axes().get(0), "Energy", 21, 3.1, "eV", false);
				assertEquals(520.13, s.axes().get(0).offset(), 1e-12);
				MetadataTree m = s.metadata();
				assertEquals(new Quantity(120.0, "kV"), m.get("acquisition.instrument.beam_energy"), name);
				assertEquals(new Quantity(12.345, "nA"), m.get("acquisition.instrument.beam_current"), name);
				assertEquals(new Quantity(1.5, "mrad"), m.get("acquisition.instrument.convergence_angle"), name);
				assertEquals(new Quantity(3.4, "mrad"), m.get("acquisition.instrument.collection_angle"), name);
				assertEquals("EELS", m.get("signal.type"), name);
				assertEquals("NIO EELS OK SHELL", m.get("general.title"), name);
			}
		}
		try (DataFile f = open("example1_v1.2.hdf5")) {
			assertEquals("1.2", f.formatVersion());
			ArrayNode s = only(f);
			assertEquals("1991-10-01T12:00", s.metadata().get("general.date_time"));
			assertEquals("example1.msa", s.metadata().get("general.original_filename"));
			// the vendor's tree, verbatim: the EMSA header the .msa had
			assertEquals(120.0, s.originalMetadata().at("original_metadata", "BEAMKV   -kV"));
			assertEquals("kV", s.originalMetadata().at("metadata", "Acquisition_instrument", "TEM", "beam_energy_units"));
		}
		try (DataFile f = open("example1_v1.0.hdf5")) {
			assertEquals("1.0", f.formatVersion());
			assertEquals("msa_files/example1.msa", only(f).metadata().get("general.original_filename"));
		}
	}

	@Test
	void version2DiffractionPatternIsAnImage() {
		try (DataFile f = open("example2_v2.2.hspy")) {
			ArrayNode s = only(f);
			assertSignal(s, "test_diffraction_pattern", DType.INT64, new long[] { 10, 10 }, 4950.0);
			for (Axis a : s.axes()) {
				assertAxis(a, "", 10, 1.0, "", false);
			}
			MetadataTree m = s.metadata();
			assertEquals(new Quantity(200.0, "kV"), m.get("acquisition.instrument.beam_energy"));
			assertEquals(new Quantity(320.00000000000006, "mm"), m.get("acquisition.instrument.camera_length"));
			assertEquals(new Quantity(0.2, "s"), m.get("acquisition.instrument.exposure_time"));
			assertEquals(new Quantity(10.0, "deg"), m.get("acquisition.stage.tilt_alpha"), "v < 3.0 tilt_stage, as HyperSpy moves it");
			assertEquals("FEI Tecnai", m.get("acquisition.instrument.microscope"));
			assertEquals("2014-07-09T18:56:37", m.get("general.date_time"));
			assertEquals("Intensity", m.get("signal.quantity"));
			assertEquals("Intensity", s.quantity());
			assertEquals("test_diffraction_pattern.dm3", m.get("general.original_filename"));
		}
	}

	@Test
	void rgba16IsOneColourValuePerPixelAsHyperSpyReadsIt() {
		try (DataFile f = open("test_rgba16.hdf5")) {
			ArrayNode s = only(f);
			assertEquals("Stack of ", s.title());
			assertEquals(DType.RGBA16, s.dtype());
			assertArrayEquals(new long[] { 3, 128, 128 }, s.shape());
			assertAxis(s.axes().get(0), "stack_element", 3, 1.0, "", true);
			assertAxis(s.axes().get(1), "", 128, 1.0, "", false);
			assertAxis(s.axes().get(2), "", 128, 1.0, "", false);
			Dataset d = Arrays2.readAll(s);
			assertEquals(4, d.getElementsPerItem());
			long[] sums = new long[4];
			for (int i = 0; i < d.getSize(); i++) {
				for (int c = 0; c < 4; c++) {
					sums[c] += ((org.eclipse.january.dataset.CompoundIntegerDataset) d).getData()[4 * i + c];
				}
			}
			Python.assumeModules("h5py", "numpy");
			String h5py = Python.check("import h5py, numpy, sys\n"
					+ "d = h5py.File(sys.argv[1], 'r')['Experiments/Stack of /data'][()]\n"
					+ "print(' '.join(str(int(d[c].astype(numpy.int64).sum())) for c in 'RGBA'))", TestData.real(DIR + "test_rgba16.hdf5").toString());
			assertEquals(h5py, sums[0] + " " + sums[1] + " " + sums[2] + " " + sums[3]);
		}
	}

	@Test
	void markersAreListedInTheMetadata() {
		try (DataFile f = open("test_marker_bad_marker_type.hdf5")) {
			ArrayNode s = only(f);
			assertSignal(s, "", DType.FLOAT64, new long[] { 10, 10 }, 51.60324419513576);
			assertEquals(List.of("point: Point", "point1: Point", "point2: somethingwrong", "point3: Point", "point4: Point"),
					s.metadata().get("signal.markers"));
			assertEquals(7L, s.originalMetadata().at("metadata", "Markers", "point1", "data", "x1"));
		}
	}

	@Test
	void listsTuplesAndBinaryStringsStayAsStored() {
		try (DataFile f = open("with_lists_etc.hdf5")) {
			assertEquals("3.1", f.formatVersion());
			ArrayNode s = only(f);
			assertSignal(s, "", DType.INT64, new long[] { 10 }, 45.0);
			assertAxis(s.axes().get(0), "", 10, 1.0, "", false);
			MetadataTree test = (MetadataTree) s.originalMetadata().at("metadata", "test");
			assertArrayEquals(new long[] { 1, 2 }, (long[]) test.child("_tuple_tuple"));
			assertEquals("_None_", test.child("_list_empty_empty_list"));
			assertTrue(((byte[]) test.child("_bs_binary_string")).length > 100, "the opaque dill pickle, read whole");
			assertEquals(137L, ((MetadataTree) test.child("_list_3_list_inside_list")).child("1"));
			assertNull(s.metadata().get("general.title"), "an empty title is no title");
		}
	}
}
