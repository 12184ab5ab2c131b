package org.ronchi.io.usid.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.DimSelection;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.UsidException;
import org.ronchi.io.usid.internal.UsidLoader;
import org.ronchi.tests.support.TestData;

/**
 * Every real h5USID file against MANIFEST.md (raw h5py readings of the Main datasets: shape, dtype,
 * first element, sum, quantity, units) and the pyUSID model rules (N-dimensional form in file order,
 * sparse sampling refused).
 */
class UsidConformanceTest {

	static DataFile open(String rel) {
		return new UsidLoader().open(TestData.real("usid/" + rel), Map.of());
	}

	static void assertData(ArrayNode n, DType dtype, long[] shape, double first, double sum) {
		assertEquals(dtype, n.dtype(), n.path());
		assertArrayEquals(shape, n.shape(), n.path());
		Dataset d = Arrays2.readAll(n);
		assertEquals(first, Arrays2.first(d), Math.abs(first) * 1e-6, n.path());
		assertEquals(sum, Arrays2.sum(d), Math.abs(sum) * 1e-7 + 1e-12, n.path());
	}

	@Test
	void probeIsSpecificForEveryUsidFile() {
		for (Path p : TestData.realFiles("usid", ".h5")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(FileLoader.SPECIFIC, new UsidLoader().probe(probe), p.toString());
			}
		}
	}

	@Test
	void probeIgnoresOtherHdf5() {
		for (String other : List.of("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5", "emd_ncem/prismatic/Si100_3D.emd")) {
			try (FileProbe probe = FileProbe.of(TestData.real(other))) {
				assertEquals(0, new UsidLoader().probe(probe), other);
			}
		}
		for (Path p : TestData.realFiles("velox_emd", ".emd")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(0, new UsidLoader().probe(probe), p.toString());
			}
		}
	}

	@Test
	void forceCurve() {
		try (DataFile f = open("pyUSID/AFM_Force_Curve.h5")) {
			assertEquals("h5USID", f.format());
			assertEquals("pyUSID 0.0.4", f.formatVersion());
			assertEquals(1, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertEquals("/Measurement_000/Channel_000/Raw_Data", n.path());
			assertEquals(MainDataset.KIND, n.kind());
			assertEquals("Deflection", n.quantity());
			assertEquals("m", n.units());
			assertData(n, DType.FLOAT32, new long[] { 1, 2045 }, -1.7186046e-07, -0.0003500670031);
			Axis x = n.axes().get(0);
			assertEquals("X", x.name());
			assertEquals("a. u.", x.units());
			assertTrue(x.navigate());
			Axis z = n.axes().get(1);
			assertEquals("Z", z.name());
			assertEquals("m", z.units());
			assertFalse(z.isLinear(), "the Z ramp is not uniform: explicit values");
			assertEquals(5.4610177e-06, z.coordinate(0), 1e-12);
			assertEquals(5.5774935e-06, z.coordinate(2044), 1e-12);
			assertEquals("John Doe", n.metadata().get("general.authors"));
			assertEquals("cypher_west", n.metadata().get("acquisition.instrument.microscope"));
			assertEquals("2015-10-05T14:55:05", n.metadata().get("general.date_time"));
			assertEquals("Deflection", n.metadata().get("signal.quantity"));
			assertEquals("Raw_Data", n.metadata().get("general.title"));
			assertEquals("Band Excitation", n.originalMetadata().at("file", "project_name"));
			assertEquals(0.80231, (Double) n.originalMetadata().at("Measurement_000", "DriveAmplitude"), 1e-12);
			assertArrayEquals(new String[] { "Z" }, (String[]) n.originalMetadata().at("ancillaries", "Spectroscopic_Values", "labels"));
			MainDataset m = MainDataset.of(f.path(), n);
			assertEquals("Deflection (m)", m.dataDescriptor());
			ArrayNode nd = m.ndim(false);
			assertArrayEquals(new long[] { 1, 2045 }, nd.shape());
			assertArrayEquals(new long[] { 2045 }, m.ndim(false, true).shape());
		}
	}

	@Test
	void simulatedStemImageNdimFormIsFileOrder() {
		try (DataFile f = open("pyUSID/simulated_STEM_Image.h5")) {
			ArrayNode n = f.signals().get(0);
			assertEquals("Intensity", n.quantity());
			assertEquals("a.u.", n.units());
			assertData(n, DType.UINT8, new long[] { 65536, 1 }, 86, 6710823);
			assertEquals("Positions [X, Y]", n.axes().get(0).name());
			assertEquals("None", n.axes().get(1).name());
			MainDataset m = MainDataset.of(f.path(), n);
			assertArrayEquals(new int[] { 256, 256 }, m.position().sizes());
			assertArrayEquals(new int[] { 0, 1 }, m.position().sortOrder(), "X changes fastest");
			assertEquals(List.of("X", "Y", "None"), m.labels());
			ArrayNode nd = m.ndim(false);
			assertArrayEquals(new long[] { 256, 256, 1 }, nd.shape());
			assertEquals("usid-ndim", nd.kind());
			Dataset all = Arrays2.readAll(nd);
			// pyUSID's N-dim form in file order: [X, Y]; raw row = 256 * y + x
			assertEquals(96, all.getInt(1, 0, 0));
			assertEquals(97, all.getInt(0, 1, 0));
			assertEquals(109, all.getInt(5, 7, 0));
			assertEquals(6710823, Arrays2.sum(all), 0);
			Axis ax = nd.axes().get(0);
			assertEquals("X", ax.name());
			assertEquals("nm", ax.units());
			assertEquals(1.9607843e-11, ax.scale(), 1e-17);
			assertTrue(ax.navigate());
			ArrayNode hs = m.ndim(false, true);
			assertArrayEquals(new long[] { 256, 256 }, hs.shape(), "HyperSpy squeezes");
			assertEquals(109, Arrays2.readAll(hs).getInt(5, 7));
			// a box read goes through the grid too
			Dataset box = hs.source().read(new long[] { 4, 6 }, new int[] { 3, 2 });
			assertEquals(109, box.getInt(1, 1));
			// sorted (fastest first) is the same here: X is fastest and first in the file
			assertArrayEquals(new long[] { 256, 256, 1 }, m.ndim(true).shape());
			Dataset column = m.slice(Map.of("X", DimSelection.index(5)));
			assertArrayEquals(new int[] { 256 }, column.getShape());
			assertEquals(109, column.getInt(7));
		}
	}

	@Test
	void gwyddionHeightImage() {
		try (DataFile f = open("pycroscopy/131017Spectroscopy002.h5")) {
			assertEquals("pycroscopy 0.60.0", f.formatVersion());
			ArrayNode n = f.signals().get(0);
			assertEquals("Height", n.quantity());
			assertEquals("m", n.units());
			assertData(n, DType.FLOAT64, new long[] { 65536, 1 }, -4.6800295081562027e-07, -0.04018426569);
			MainDataset m = MainDataset.of(f.path(), n);
			ArrayNode nd = m.ndim(false, true);
			assertArrayEquals(new long[] { 256, 256 }, nd.shape());
			assertEquals(1.1764706e-07, nd.axes().get(0).scale(), 1e-13);
			assertEquals("m", nd.axes().get(1).units());
			assertEquals(-0.04018426569, Arrays2.sum(Arrays2.readAll(nd)), 1e-9);
		}
	}

	@Test
	void sparseSamplingFileHasSevenMainDatasetsAndNoNdimForm() {
		try (DataFile f = open("pyUSID/sparse_sampling.h5")) {
			assertEquals(7, f.signals().size());
			assertEquals(List.of("/Measurement_000/Channel_000/Raw_Data", "/Measurement_000/Channel_000/Raw_Data-Simple_Process_006/Results",
					"/Measurement_000/Channel_000/Raw_Data-Simple_Process_007/Results",
					"/Measurement_000/Channel_000/Raw_Data-Simple_Process_009/Filtered_Data",
					"/Measurement_000/Channel_000/Raw_Data-Simple_Process_010/Filtered_Data",
					"/Measurement_000/Channel_000/Raw_Data-Simple_Process_011/Filtered_Data", "/Measurement_000/Channel_001/Raw_Data"),
					f.signals().stream().map(ArrayNode::path).toList());
			ArrayNode raw = f.signals().get(0);
			assertEquals("Cantilever Deflection", raw.quantity());
			assertEquals("V", raw.units());
			assertData(raw, DType.FLOAT32, new long[] { 8, 3 }, 0.22936897, 13.38489114);
			assertData(f.signals().get(6), DType.FLOAT32, new long[] { 8, 3 }, 0.58964497, 13.76526216417551);
			assertData(f.signals().get(1), DType.FLOAT32, new long[] { 8, 1 }, 0, 0);
			assertEquals("Results", f.signals().get(1).quantity());
			assertEquals("Units", f.signals().get(1).units());
			// the shared spectroscopic ancillaries live in Measurement_000, outside the channel (DM-41)
			Axis freq = raw.axes().get(1);
			assertEquals("Frequency", freq.name());
			assertEquals("kHz", freq.units());
			assertEquals(300.0, freq.offset(), 0);
			assertEquals(15.0, freq.scale(), 0);
			MainDataset m = MainDataset.of(f.path(), raw);
			assertEquals(List.of("X", "Y"), m.position().labels());
			assertEquals(List.of("nm", "um"), m.position().units());
			assertArrayEquals(new int[] { 8, 8 }, m.position().sizes());
			UsidException e = assertThrows(UsidException.class, () -> m.ndim(false));
			assertTrue(e.getMessage().contains("sparse sampling"), e.getMessage());
			assertTrue(e.getMessage().contains("/Measurement_000/Channel_000/Position_Indices"), e.getMessage());
			assertEquals(f.path(), e.file());
			assertNull(raw.metadata().get("general.authors"), "this test file has no root attributes");
		}
	}
}
