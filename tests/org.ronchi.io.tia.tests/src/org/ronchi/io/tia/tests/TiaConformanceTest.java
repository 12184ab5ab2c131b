package org.ronchi.io.tia.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.io.tia.internal.TiaLoader;
import org.ronchi.tests.support.TestData;

/**
 * Every real SER/EMI file against the values in MANIFEST.md (the ORACLES section: RosettaSciIO's
 * test_tia.py and ncempy's test_io_ser.py; and HyperSpy 1.7.3's reading of each file).
 */
class TiaConformanceTest {
	private static final String DIR = "ser_emi/rsciio_old/";

	static DataFile open(String name) {
		return new TiaLoader().open(TestData.real(DIR + name), Map.of());
	}

	static void assertAxis(Axis a, String name, String units, long size, double scale, boolean navigate) {
		assertEquals(name, a.name(), "name of " + a);
		assertEquals(units, a.units(), "units of " + a);
		assertEquals(size, a.size(), "size of " + a);
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-5, "scale of " + a);
		assertEquals(navigate, a.navigate(), "navigate of " + a);
	}

	static void assertData(ArrayNode n, DType dtype, long[] shape, double first, double sum) {
		assertEquals(dtype, n.dtype());
		assertArrayEquals(shape, n.shape());
		Dataset d = Arrays2.readAll(n);
		assertEquals(first, Arrays2.first(d), Math.abs(first) * 1e-6);
		assertEquals(sum, Arrays2.sum(d), Math.abs(sum) * 1e-7 + 1e-9);
	}

	static Object std(ArrayNode n, String key) {
		return n.metadata().get(key);
	}

	static double q(ArrayNode n, String key, String unit) {
		Object v = std(n, key);
		assertTrue(v instanceof Quantity, key + " is " + v);
		assertEquals(unit, ((Quantity) v).unit(), key);
		return ((Quantity) v).value();
	}

	@Test
	void oldSeriesImageEqualsReferenceArray() {
		try (DataFile f = open("64x64_TEM_images_acquire_1.ser")) {
			assertEquals("TIA", f.format());
			assertEquals("0x0210", f.formatVersion());
			assertEquals(1, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertEquals(528, n.originalMetadata().at("ser_header", "SeriesVersion"));
			assertData(n, DType.FLOAT32, new long[] { 64, 64 }, 49154.60546875, 165050960.9);
			Dataset expected = NpyReader.read(TestData.real(DIR + "64x64_TEM_images_acquire.npy")).data();
			assertEquals(expected, Arrays2.readAll(n).cast(expected.getClass()));
			assertAxis(n.axes().get(0), "y", "nm", 64, 6.28183, false);
			assertAxis(n.axes().get(1), "x", "nm", 64, 6.28183, false);
			assertEquals("image", n.kind());
			// the .emi beside the .ser supplies the microscope metadata
			assertEquals("TEM", std(n, "acquisition.instrument.acquisition_mode"));
			assertEquals(200.0, q(n, "acquisition.instrument.beam_energy", "kV"), 1e-9);
			assertEquals(19500.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
			assertEquals("Tecnai 200 kV D2267 SuperTwin", std(n, "acquisition.instrument.microscope"));
			assertEquals("WA-Orius", std(n, "acquisition.detector.name"));
			assertEquals(0.0625, q(n, "acquisition.instrument.exposure_time", "s"), 1e-12);
			assertEquals("2016-02-21T17:50:18+01:00", std(n, "general.date_time"));
			assertEquals("ERIC", std(n, "general.authors"));
		}
	}

	@Test
	void emiOpensEveryDetectorOfAStemAcquisition() {
		try (DataFile f = open("16x16_STEM_BF_DF_search.emi")) {
			assertEquals(2, f.signals().size());
			assertData(f.signals().get(0), DType.UINT16, new long[] { 16, 16 }, 0, 230);
			assertData(f.signals().get(1), DType.UINT16, new long[] { 16, 16 }, 2680, 687569);
			for (ArrayNode n : f.signals()) {
				assertAxis(n.axes().get(0), "y", "nm", 16, 22.026285, false);
				assertAxis(n.axes().get(1), "x", "nm", 16, 22.026285, false);
				assertEquals("STEM", std(n, "acquisition.instrument.acquisition_mode"));
				assertEquals(200.0, q(n, "acquisition.instrument.beam_energy", "kV"), 1e-9);
				assertEquals(10000.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
				assertEquals(40.0, q(n, "acquisition.instrument.camera_length", "mm"), 1e-9);
				assertEquals("2016-02-21T17:52:31+01:00", std(n, "general.date_time"));
			}
			assertEquals("16x16_STEM_BF_DF_search_1", f.signals().get(0).title());
			assertEquals("16x16_STEM_BF_DF_search_2", f.signals().get(1).title());
			assertEquals(f.signals().get(1), f.find("/16x16_STEM_BF_DF_search_2"));
			// each detector keeps its own ObjectInfo block (different UUIDs)
			assertTrue(!f.signals().get(0).originalMetadata().at("ObjectInfo", "Uuid")
					.equals(f.signals().get(1).originalMetadata().at("ObjectInfo", "Uuid")));
		}
		try (DataFile f = open("16x16_STEM_BF_DF_acquire.emi")) {
			assertEquals(2, f.signals().size());
			assertData(f.signals().get(0), DType.UINT16, new long[] { 16, 16 }, 0, 131);
			assertData(f.signals().get(1), DType.UINT16, new long[] { 16, 16 }, 2722, 686169);
			assertAxis(f.signals().get(0).axes().get(1), "x", "nm", 16, 21.51, false);
			assertEquals("STEM", std(f.signals().get(1), "acquisition.instrument.acquisition_mode"));
			assertEquals(4.8e-5, q(f.signals().get(0), "acquisition.instrument.dwell_time", "s"), 1e-15);
		}
	}

	@Test
	void oneSerOfAMultiDetectorSetOpensAlone() {
		try (DataFile f = open("16x16_STEM_BF_DF_acquire_2.ser")) {
			assertEquals(1, f.signals().size());
			assertData(f.signals().get(0), DType.UINT16, new long[] { 16, 16 }, 2722, 686169);
			// _2.ser takes the second ObjectInfo block of the .emi
			try (DataFile both = open("16x16_STEM_BF_DF_acquire.emi")) {
				assertEquals(both.signals().get(1).originalMetadata().at("ObjectInfo", "Uuid"),
						f.signals().get(0).originalMetadata().at("ObjectInfo", "Uuid"));
			}
		}
	}

	@Test
	void imageStackNavigatesOverFrames() {
		try (DataFile f = open("64x64x5_TEM_preview.emi")) {
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.FLOAT32, new long[] { 5, 64, 64 }, 2624.096923828125, 42890461.55);
			assertAxis(n.axes().get(0), "Number", "", 5, 1.0, true);
			assertAxis(n.axes().get(1), "y", "nm", 64, 6.28183, false);
			assertAxis(n.axes().get(2), "x", "nm", 64, 6.28183, false);
			assertEquals("image-stack", n.kind());
			assertEquals("TEM", std(n, "acquisition.instrument.acquisition_mode"));
			assertEquals(19500.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
		}
	}

	@Test
	void diffractionPatternIsInReciprocalNanometres() {
		try (DataFile f = open("64x64_diffraction_acquire.emi")) {
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.FLOAT32, new long[] { 64, 64 }, -446.083251953125, 51634.9803);
			assertAxis(n.axes().get(0), "y", "1 / nm", 64, 0.101571, false);
			assertAxis(n.axes().get(1), "x", "1 / nm", 64, 0.101571, false);
			assertEquals("diffraction", n.kind());
			assertEquals("diffraction", std(n, "signal.type"));
			assertEquals("TEM", std(n, "acquisition.instrument.acquisition_mode"));
			assertEquals(490.0, q(n, "acquisition.instrument.camera_length", "mm"), 1e-9);
		}
	}

	@Test
	void pointSpectrumKeepsItsSingleNavigationPosition() {
		try (DataFile f = open("16x16-point_spectrum-1x1024.emi")) {
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.INT32, new long[] { 1, 1024 }, -4, -778);
			assertAxis(n.axes().get(0), "x", "nm", 1, 1e9, true);
			assertAxis(n.axes().get(1), "Energy", "eV", 1024, 0.2, false);
			assertEquals(-20.0, n.axes().get(1).offset(), 1e-12);
			assertEquals("spectrum", n.kind());
			assertEquals("STEM", std(n, "acquisition.instrument.acquisition_mode"));
			assertEquals(300.0, q(n, "acquisition.instrument.beam_energy", "kV"), 1e-9);
			assertEquals(1550000.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
			assertEquals("Tecnai 300 kV D248 SuperTwin", std(n, "acquisition.instrument.microscope"));
			// HyperSpy's date; the SER tag (10:34:04 UTC = 11:34:04 CET) is 3 min 42 s later, so no offset is claimed
			assertEquals("2016-02-22T11:30:22", std(n, "general.date_time"));
		}
	}

	@Test
	void lineProfile() {
		try (DataFile f = open("16x16-line_profile_horizontal_10x1024.emi")) {
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.INT32, new long[] { 10, 1024 }, 20, 21700);
			assertAxis(n.axes().get(0), "x", "nm", 10, 0.123034, true);
			assertAxis(n.axes().get(1), "Energy", "eV", 1024, 0.2, false);
			assertEquals("line-scan", n.kind());
			assertEquals("2016-02-22T11:50:36+01:00", std(n, "general.date_time"));
		}
	}

	@Test
	void spectrumImageHasANegativeYStep() {
		try (DataFile f = open("16x16-spectrum_image-5x5x1024.emi")) {
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.INT32, new long[] { 5, 5, 1024 }, 2, 164488);
			assertAxis(n.axes().get(0), "y", "nm", 5, -0.120539, true);
			assertAxis(n.axes().get(1), "x", "nm", 5, 0.120539, true);
			assertAxis(n.axes().get(2), "Energy", "eV", 1024, 0.2, false);
			assertEquals("spectrum-image", n.kind());
			// the tags' beam positions are pixel centres, half a step from the calibrated pixel edges
			MetadataTree tag = (MetadataTree) n.originalMetadata().child("ser_tag");
			double x0 = (Double) tag.child("PositionX") * 1e9;
			double y0 = (Double) tag.child("PositionY") * 1e9;
			assertEquals(x0, n.axes().get(1).offset() + n.axes().get(1).scale() / 2, 1e-6);
			assertEquals(y0, n.axes().get(0).offset() + n.axes().get(0).scale() / 2, 1e-6);
			assertEquals("2016-02-22T11:55:58+01:00", std(n, "general.date_time"));
		}
	}

	@Test
	void slicesReadOnlyWhatTheyCover() throws Exception {
		try (DataFile f = open("16x16-spectrum_image-5x5x1024.emi")) {
			ArrayNode n = f.signals().get(0);
			Dataset all = Arrays2.readAll(n);
			Dataset box = n.source().read(new long[] { 1, 2, 100 }, new int[] { 3, 2, 7 });
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 2; j++) {
					for (int k = 0; k < 7; k++) {
						assertEquals(all.getInt(1 + i, 2 + j, 100 + k), box.getInt(i, j, k));
					}
				}
			}
		}
		try (DataFile f = open("64x64x5_TEM_preview.emi")) {
			ArrayNode n = f.signals().get(0);
			Dataset all = Arrays2.readAll(n);
			Dataset box = n.source().read(new long[] { 2, 60, 3 }, new int[] { 2, 4, 5 });
			for (int i = 0; i < 2; i++) {
				for (int j = 0; j < 4; j++) {
					for (int k = 0; k < 5; k++) {
						assertEquals(all.getFloat(2 + i, 60 + j, 3 + k), box.getFloat(i, j, k));
					}
				}
			}
			Dataset viaLazy = (Dataset) n.lazy().getSlice(new int[] { 4, 0, 0 }, new int[] { 5, 64, 64 }, new int[] { 1, 2, 3 });
			assertEquals(all.getFloat(4, 62, 63), viaLazy.getFloat(0, 31, 21));
		}
	}

	@Test
	void originalMetadataKeepsTheEmiXmlVerbatim() {
		try (DataFile f = open("16x16_STEM_BF_DF_acquire.emi")) {
			MetadataTree o = f.signals().get(0).originalMetadata();
			assertEquals("200000", o.at("ObjectInfo", "ExperimentalConditions", "MicroscopeConditions", "AcceleratingVoltage"));
			assertEquals(" STEM nP SA Zoom Diffraction", o.at("ObjectInfo", "ExperimentalDescription", "Mode"));
			assertEquals("200", o.at("ObjectInfo", "ExperimentalDescription", "High tension_kV"));
			assertEquals("Sun Feb 21 17:53:06 2016", o.at("ObjectInfo", "AcquireDate"));
			assertEquals("0.04", o.at("ObjectInfo", "TrueImageHeaderInfo", "31"));
			assertEquals(0x4122, o.at("ser_header", "DataTypeID"));
			assertEquals(0x4152, o.at("ser_tag", "TagTypeID"));
			assertEquals(16, o.at("ser_data_element", "ArraySizeX"));
			assertEquals("Number", o.at("ser_header", "Dim-1", "Description"));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}

	@Test
	void everyFileOpensAndEachSerAloneEqualsItsEmiSignal() throws Exception {
		for (Path emi : TestData.realFiles(DIR, ".emi")) {
			try (DataFile f = new TiaLoader().open(emi, Map.of())) {
				assertTrue(f.warnings().isEmpty(), emi + ": " + f.warnings());
				for (int i = 0; i < f.signals().size(); i++) {
					ArrayNode viaEmi = f.signals().get(i);
					Path ser = emi.resolveSibling(viaEmi.name() + ".ser");
					try (DataFile alone = new TiaLoader().open(ser, Map.of())) {
						ArrayNode n = alone.signals().get(0);
						assertEquals(Arrays2.readAll(viaEmi), Arrays2.readAll(n), ser.toString());
						assertEquals(viaEmi.axes(), n.axes(), ser.toString());
						assertEquals(viaEmi.originalMetadata(), n.originalMetadata(), ser.toString());
						assertEquals(viaEmi.metadata(), n.metadata(), ser.toString());
						assertEquals(viaEmi.kind(), n.kind());
						assertTrue(alone.warnings().isEmpty(), ser + ": " + alone.warnings());
					}
				}
			}
		}
		assertEquals(10, TestData.realFiles(DIR, ".ser").size());
	}

	@Test
	void readingAfterCloseIsAClearError() {
		DataFile f = open("16x16_STEM_BF_DF_search.emi");
		ArrayNode n = f.signals().get(1);
		f.close();
		RonchiException e = assertThrows(RonchiException.class, () -> Arrays2.readAll(n));
		assertTrue(e.getMessage().contains("16x16_STEM_BF_DF_search_2.ser"), e.getMessage());
	}

	@Test
	void probeRecognisesContentNotNames() throws Exception {
		TiaLoader loader = new TiaLoader();
		for (Path p : TestData.realFiles(DIR, ".ser", ".emi")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(FileLoader.SPECIFIC, loader.probe(probe), p.toString());
			}
		}
		try (FileProbe probe = FileProbe.of(TestData.real(DIR + "64x64_TEM_images_acquire.npy"))) {
			assertEquals(0, loader.probe(probe));
		}
		assertEquals(List.of("ser", "emi"), loader.extensions());
	}
}
