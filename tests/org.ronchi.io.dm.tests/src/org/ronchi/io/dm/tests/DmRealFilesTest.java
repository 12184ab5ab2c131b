package org.ronchi.io.dm.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyWriter;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * The real DM files against MANIFEST.md: the "independent reading" column (HyperSpy 1.7.3: shape, dtype,
 * first value, sum, axes) and the ORACLES section (RosettaSciIO's and ncempy's own tests).
 */
class DmRealFilesTest {
	private static final double RTOL = 1e-6;

	static List<Path> allFiles() {
		return TestData.realFiles("dm", ".dm3", ".dm4");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allFiles")
	void everyFileLoadsAndReadsCompletely(Path file) {
		try (DataFile f = Values.open(file)) {
			assertFalse(f.signals().isEmpty());
			assertEquals(List.of(), f.warnings());
			for (ArrayNode s : f.signals()) {
				assertEquals(s.size(), Values.readAll(s).getSize());
				assertTrue(f.root().children().contains(s), "signals live in the tree");
				assertTrue(s.metadata().has("general.original_filename"));
			}
		}
	}

	@Test
	void stemImage() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/2D/test_STEM_image.dm3"))) {
			ArrayNode s = single(f, "test_STEM_image", DType.UINT32, 68, 68);
			Dataset d = Values.readAll(s);
			assertEquals(33121, d.getElementDoubleAbs(0));
			assertEquals(150998555, Values.sum(d));
			axis(s.axes().get(0), "y", 68, 0.248538, "nm", false);
			axis(s.axes().get(1), "x", 68, 0.248538, "nm", false);
			assertEquals("image", s.kind());
			MetadataTree m = s.metadata();
			assertEquals("STEM", m.get("acquisition.instrument.acquisition_mode"));
			close(200.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			close(3.5e-6, Values.number(m, "acquisition.instrument.dwell_time", "s"));
			close(135.0, Values.number(m, "acquisition.instrument.camera_length", "mm"));
			close(225000.0, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals("FEI Titan", m.get("acquisition.instrument.microscope"));
			assertEquals("2016-08-08T16:26:37", m.get("general.date_time"));
			assertEquals("test_STEM_image", m.get("general.title"));
			assertEquals("test_STEM_image.dm3", m.get("general.original_filename"));
			assertEquals("Intensity", m.get("signal.quantity"));
			assertNull(m.get("general.authors"), "an empty Operator is no author");
			// original metadata: DM's keys verbatim, list entries by position
			MetadataTree o = s.originalMetadata();
			assertEquals(200000.0, o.at("ImageList", "1", "ImageTags", "Microscope Info", "Voltage"));
			assertEquals("8/8/2016", o.at("ImageList", "1", "ImageTags", "DataBar", "Acquisition Date"));
			assertEquals("Microscope", o.at("ImageList", "1", "ImageTags", "Session Info", "Items", "2", "Label"));
			assertEquals(68L, o.at("ImageList", "1", "ImageData", "Dimensions", "0"));
		}
	}

	@Test
	void eelsSpectrum() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/1D/test-EELS_spectrum.dm3"))) {
			ArrayNode s = single(f, "EELS Acquire", DType.FLOAT32, 2048);
			Dataset d = Values.readAll(s);
			assertEquals(-20.6795654296875, d.getElementDoubleAbs(0));
			close(-7678.557068, Values.sum(d));
			axis(s.axes().get(0), "Energy loss", 2048, 0.5, "eV", false);
			assertEquals(-100.0, s.axes().get(0).offset(), 1e-9);
			assertEquals("spectrum", s.kind());
			assertEquals("Electrons (Counts)", s.quantity());
			assertEquals("Counts", s.units());
			MetadataTree m = s.metadata();
			assertEquals("STEM", m.get("acquisition.instrument.acquisition_mode"));
			close(200.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			assertEquals("FEI Titan", m.get("acquisition.instrument.microscope"));
			close(135.0, Values.number(m, "acquisition.instrument.camera_length", "mm"));
			close(640000.0, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals(24.95, Values.number(m, "acquisition.stage.tilt_alpha", "deg"), 1e-2);
			assertEquals(-0.478619, Values.number(m, "acquisition.stage.x", "mm"), 1e-6);
			assertEquals(0.0554612, Values.number(m, "acquisition.stage.y", "mm"), 1e-6);
			assertEquals(0.036348, Values.number(m, "acquisition.stage.z", "mm"), 1e-6);
			close(21.0, Values.number(m, "acquisition.instrument.convergence_angle", "mrad"));
			assertEquals(0.0, Values.number(m, "acquisition.instrument.collection_angle", "mrad"));
			close(0.0035, Values.number(m, "acquisition.detector.integration_time", "s")); // RS: EELS.exposure
			close(7e-5, Values.number(m, "acquisition.instrument.exposure_time", "s")); // per frame
			assertEquals(50L, m.get("acquisition.detector.frame_number"));
			assertEquals("GIF Quantum ER", m.get("acquisition.spectrometer.name"));
			close(5.0, Values.number(m, "acquisition.spectrometer.aperture_size", "mm"));
			assertEquals("EELS Acquire", m.get("general.title"));
			assertEquals("2016-08-08T19:35:17", m.get("general.date_time"));
			assertEquals("Electrons (Counts)", m.get("signal.quantity"));
			assertEquals("Counts", m.get("signal.units"));
			assertEquals("EELS", m.get("signal.type"));
			close(0.1285347, Values.number(m, "signal.noise.gain_factor", ""));
			assertEquals(0.0, Values.number(m, "signal.noise.gain_offset", ""));
			assertEquals(0.5f, s.originalMetadata().at("ImageList", "1", "ImageTags", "EELS", "Acquisition",
					"Align min. correlation coefficient"));
		}
	}

	@Test
	void edsSpectrum() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/1D/test-EDS_spectrum.dm3"))) {
			ArrayNode s = single(f, "EDS Spectrum", DType.UINT32, 4096);
			Dataset d = Values.readAll(s);
			assertEquals(0, d.getElementDoubleAbs(0));
			assertEquals(17051, Values.sum(d));
			axis(s.axes().get(0), "Energy", 4096, 0.005, "keV", false);
			MetadataTree m = s.metadata();
			assertEquals("STEM", m.get("acquisition.instrument.acquisition_mode"));
			close(45.0, Values.number(m, "acquisition.detector.azimuth_angle", "deg"));
			close(18.0, Values.number(m, "acquisition.detector.elevation_angle", "deg"));
			close(3.806, Values.number(m, "acquisition.detector.live_time", "s"));
			close(4.233, Values.number(m, "acquisition.detector.real_time", "s"));
			assertEquals(24.95, Values.number(m, "acquisition.stage.tilt_alpha", "deg"), 1e-2);
			close(200.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			assertEquals("FEI Titan", m.get("acquisition.instrument.microscope"));
			close(135.0, Values.number(m, "acquisition.instrument.camera_length", "mm"));
			close(320000.0, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals("EDS Spectrum", m.get("general.title"));
			assertEquals("2016-08-08T21:46:19", m.get("general.date_time"));
			assertEquals("X-rays (Counts)", m.get("signal.quantity"));
			assertEquals("EDS_TEM", m.get("signal.type"));
			close(1.0, Values.number(m, "signal.noise.gain_factor", ""));
			assertEquals(0.0, Values.number(m, "signal.noise.gain_offset", ""));
		}
	}

	@Test
	void eelsSpectrumImageIsNavigationFirst() throws IOException {
		Path file = TestData.real("dm/rsciio/3D/EELS_SI.dm4");
		try (DataFile f = Values.open(file)) {
			ArrayNode s = single(f, "EELS_SI", DType.FLOAT32, 2, 2, 2048);
			Dataset d = Values.readAll(s);
			assertEquals(8473.005859375, d.getElementDoubleAbs(0));
			close(7169069.071, Values.sum(d));
			axis(s.axes().get(0), "y", 2, 0.00199207, "µm", true);
			axis(s.axes().get(1), "x", 2, 0.00199207, "µm", true);
			axis(s.axes().get(2), "Energy loss", 2048, 1.0, "eV", false);
			assertEquals("spectrum-image", s.kind());
			// the file stores the spectrum slowest (DM dims x, y, E): check the transposition on raw bytes
			long offset = (Long) s.attribute("dm_data_offset");
			ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
			Dataset spectrum = s.source().read(new long[] { 1, 0, 100 }, new int[] { 1, 1, 7 });
			for (int e = 0; e < 7; e++) {
				float stored = raw.getFloat((int) (offset + 4L * (((100 + e) * 2 + 1) * 2 + 0)));
				assertEquals(stored, spectrum.getElementDoubleAbs(e), 0.0, "energy channel " + (100 + e));
			}
			MetadataTree m = s.metadata();
			assertEquals("STEM", m.get("acquisition.instrument.acquisition_mode"));
			assertEquals("2019-05-14T20:50:13", m.get("general.date_time"));
			close(5.0, Values.number(m, "acquisition.spectrometer.aperture_size", "mm"));
			close(21.0, Values.number(m, "acquisition.instrument.convergence_angle", "mrad"));
			close(62.0, Values.number(m, "acquisition.instrument.collection_angle", "mrad"));
			assertEquals(1L, m.get("acquisition.detector.frame_number"));
			close(1.9950125e-2, Values.number(m, "acquisition.instrument.dwell_time", "s"));
			assertEquals("EELS", m.get("signal.type"));
			assertEquals("Spectrum image", m.get("signal.format"));
		}
	}

	@Test
	void concurrentReadsAgreeWithOneWholeRead() {
		try (DataFile f = Values.open(TestData.real("dm/openNCEM/dmTest_3D_int16_64,65,66.dm4"))) {
			ArrayNode s = f.signals().get(0);
			Dataset all = Values.readAll(s);
			long mismatches = java.util.stream.IntStream.range(0, 66 * 65).parallel().filter(i -> {
				int z = i / 65;
				int y = i % 65;
				Dataset row = s.source().read(new long[] { z, y, 0 }, new int[] { 1, 1, 64 });
				for (int x = 0; x < 64; x++) {
					if (row.getInt(0, 0, x) != all.getInt(z, y, x)) {
						return true;
					}
				}
				return false;
			}).count();
			assertEquals(0, mismatches);
		}
	}

	@Test
	void monoClPmtSpectrum() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/1D/test-MonoCL_spectrum-pmt.dm4"))) {
			ArrayNode s = single(f, "test-CL_spectrum-pmt", DType.FLOAT32, 320);
			Dataset d = Values.readAll(s);
			assertEquals(9131.0, d.getElementDoubleAbs(0));
			assertEquals(4292382, Values.sum(d));
			axis(s.axes().get(0), "Wavelength", 320, 0.5, "nm", false);
			MetadataTree m = s.metadata();
			assertEquals("CL", m.get("signal.type"));
			assertEquals("Spectrum", m.get("signal.format"));
			assertEquals("Intensity (Counts)", m.get("signal.quantity"));
			assertTrue(((String) m.get("general.date_time")).startsWith("2020-10-27"), (String) m.get("general.date_time"));
			assertEquals("test-CL_spectrum-pmt", m.get("general.title"));
			assertEquals("Serial dispersive", m.get("acquisition.spectrometer.acquisition_mode"));
			assertEquals("PMT", m.get("acquisition.detector.type"));
			assertEquals(1200.0, Values.number(m, "acquisition.spectrometer.grating_groove_density", "1/mm"));
			assertEquals(1.0, Values.number(m, "acquisition.detector.integration_time", "s"));
			assertEquals(0.5, Values.number(m, "acquisition.spectrometer.step_size", "nm"));
			close(166.233642, Values.number(m, "acquisition.spectrometer.start_wavelength", "nm"));
		}
	}

	@Test
	void monoClCcdSpectrum() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/1D/test-MonoCL_spectrum-ccd.dm4"))) {
			ArrayNode s = single(f, "test-CL_spectrum-ccd", DType.FLOAT32, 1336);
			Dataset d = Values.readAll(s);
			assertEquals(19.0, d.getElementDoubleAbs(0));
			assertEquals(54745, Values.sum(d));
			axis(s.axes().get(0), "Wavelength", 1336, 0.200581, "nm", false);
			MetadataTree m = s.metadata();
			assertEquals("2020-09-11T17:04:19", m.get("general.date_time"));
			assertEquals("CCD", m.get("acquisition.detector.type"));
			assertEquals("SEM", m.get("acquisition.instrument.acquisition_mode"));
			assertEquals("Ultra55", m.get("acquisition.instrument.microscope"));
			assertEquals(5.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			assertEquals(10104.515625, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals("Parallel dispersive", m.get("acquisition.spectrometer.acquisition_mode"));
			assertEquals(300.0, Values.number(m, "acquisition.spectrometer.grating_groove_density", "1/mm"));
			assertEquals(30.0, Values.number(m, "acquisition.instrument.exposure_time", "s")); // RS exposure_per_frame
			assertEquals(1L, m.get("acquisition.detector.frame_number"));
			assertEquals(30.0, Values.number(m, "acquisition.detector.integration_time", "s"));
			close(949.974182, Values.number(m, "acquisition.spectrometer.central_wavelength", "nm"));
			assertEquals(0.01861909, ((Number) m.get("acquisition.detector.saturation_fraction")).doubleValue(), 1e-8);
			assertArrayEquals(new double[] { 1, 100 }, doubles(m.get("acquisition.detector.binning")));
			assertEquals("Dark Subtracted", m.get("acquisition.detector.processing"));
			assertArrayEquals(new double[] { 0, 0, 100, 1336 }, doubles(m.get("acquisition.detector.sensor_roi")));
			assertEquals(20.0, Values.number(m, "acquisition.detector.pixel_size", "µm"));
		}
	}

	@Test
	void monoClSpectrumImage() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/2D/test-MonoCL_spectrum-SI.dm4"))) {
			ArrayNode s = single(f, "test-CL_spectrum-SI", DType.FLOAT32, 67, 1336);
			Dataset d = Values.readAll(s);
			assertEquals(-11.0, d.getElementDoubleAbs(0));
			assertEquals(345947083, Values.sum(d));
			axis(s.axes().get(0), "x", 67, 0.0206345, "µm", true);
			axis(s.axes().get(1), "Wavelength", 1336, 0.0934361, "nm", false);
			assertEquals("line-scan", s.kind());
			MetadataTree m = s.metadata();
			assertEquals("Spectrum image", m.get("signal.format"));
			assertEquals("2020-04-11T14:41:01", m.get("general.date_time"));
			assertEquals("Ultra55", m.get("acquisition.instrument.microscope"));
			assertEquals(5.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			close(31661.427734, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals(600.0, Values.number(m, "acquisition.spectrometer.grating_groove_density", "1/mm"));
			close(0.05, Values.number(m, "acquisition.instrument.exposure_time", "s"));
			assertEquals(1L, m.get("acquisition.detector.frame_number"));
			close(0.05, Values.number(m, "acquisition.detector.integration_time", "s"));
			close(869.983825, Values.number(m, "acquisition.spectrometer.central_wavelength", "nm"));
			assertEquals(0.09676377, doubles(m.get("acquisition.detector.saturation_fraction"))[0], 1e-8);
			assertArrayEquals(new double[] { 1, 100 }, doubles(m.get("acquisition.detector.binning")));
			assertEquals("Dark Subtracted", m.get("acquisition.detector.processing"));
			assertArrayEquals(new double[] { 0, 0, 100, 1336 }, doubles(m.get("acquisition.detector.sensor_roi")));
			assertEquals(20.0, Values.number(m, "acquisition.detector.pixel_size", "µm"));
			assertEquals("LineScan", m.get("acquisition.spectrum_image.mode"));
			assertEquals(1L, m.get("acquisition.spectrum_image.drift_correction_periodicity"));
			assertEquals("second(s)", m.get("acquisition.spectrum_image.drift_correction_units"));
		}
	}

	@Test
	void diffractionPattern() {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/2D/test_diffraction_pattern.dm3"))) {
			ArrayNode s = single(f, "test_diffraction_pattern", DType.INT32, 87, 87);
			Dataset d = Values.readAll(s);
			assertEquals(834, d.getElementDoubleAbs(0));
			assertEquals(9459771, Values.sum(d));
			axis(s.axes().get(0), "y", 87, 0.1744331, "1/nm", false);
			axis(s.axes().get(1), "x", 87, 0.1744331, "1/nm", false);
			assertEquals("diffraction", s.kind());
			MetadataTree m = s.metadata();
			assertEquals("FEI Tecnai", m.get("acquisition.instrument.microscope"));
			assertEquals("TEM", m.get("acquisition.instrument.acquisition_mode"));
			close(200.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			close(0.2, Values.number(m, "acquisition.instrument.exposure_time", "s"));
			close(320.0, Values.number(m, "acquisition.instrument.camera_length", "mm"));
			assertNull(m.get("acquisition.instrument.magnification"), "in TEM diffraction DM's magnification is the camera length");
			assertEquals("2014-07-09T18:56:37", m.get("general.date_time"));
			assertEquals("Intensity", m.get("signal.quantity"));
			assertEquals("diffraction", m.get("signal.type"));
		}
	}

	@Test
	void carbonEels() {
		try (DataFile f = Values.open(TestData.real("dm/openNCEM/08_carbon.dm3"))) {
			// ncempy: 2 dims, shape (1, 2048), origin [0, -2400]; HyperSpy squeezes the size-1 axis
			ArrayNode s = single(f, "08_carbon", DType.FLOAT32, 2048);
			Dataset d = Values.readAll(s);
			assertEquals(21281, (int) d.getElementDoubleAbs(0));
			assertEquals(35798239, Values.sum(d), 1);
			Axis e = s.axes().get(0);
			axis(e, "Energy loss", 2048, 0.1, "eV", false);
			assertEquals(240.0, e.offset(), 1e-4);
			assertEquals(444.7, e.coordinate(2047), 1e-3);
			MetadataTree m = s.metadata();
			assertEquals("2017-08-29T13:58:43", m.get("general.date_time"));
			close(300.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			assertEquals("FEI Tecnai", m.get("acquisition.instrument.microscope"));
			close(18500.0, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals("TEM", m.get("acquisition.instrument.acquisition_mode"));
			assertEquals(-2400.0f, s.originalMetadata().at("ImageList", "1", "ImageData", "Calibrations", "Dimension", "0", "Origin"));
		}
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void threeDimensionalStack(String name) {
		try (DataFile f = Values.open(TestData.real("dm/openNCEM/" + name))) {
			ArrayNode s = single(f, "image3D_int16_64,65,66", DType.INT16, 66, 65, 64);
			Dataset d = Values.readAll(s);
			assertEquals(0, d.getElementDoubleAbs(0));
			assertEquals(8648640, Values.sum(d));
			for (int[] p : new int[][] { { 0, 0, 5 }, { 65, 64, 63 }, { 30, 2, 17 } }) {
				assertEquals(p[2], d.getInt(p), "value == x index");
			}
			axis(s.axes().get(0), "z", 66, 4, "um", true);
			axis(s.axes().get(1), "y", 65, 3, "nm", false);
			axis(s.axes().get(2), "x", 64, 2, "pm", false);
			for (Axis a : s.axes()) {
				assertEquals(0.0, a.offset(), "pixelOrigin [0, 0, 0]");
			}
			assertEquals("image-stack", s.kind());
		}
	}

	static List<String> stacks() {
		return List.of("dmTest_3D_int16_64,65,66.dm3", "dmTest_3D_int16_64,65,66.dm4");
	}

	/**
	 * The exported .npy equals what NumPy makes of the stored array the way RosettaSciIO lays it out
	 * (reverse the DM dimensions; spectrum images: spectrum axis last; squeeze; RGBA fields reordered).
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"rsciio/3D/EELS_SI.dm4          | <f4 | a.reshape(2048, 2, 2).transpose(1, 2, 0)",
			"openNCEM/08_carbon.dm3         | <f4 | a.reshape(1, 2048).squeeze()",
			"rsciio/2D/test_STEM_image.dm3  | <u4 | a.reshape(68, 68)",
			"rsciio/3D/test-23.dm4          | <u4 | rgba(a).reshape(2, 2, 2)" })
	void exportEqualsNumpyOnTheStoredArray(String name, String stored, String layout) throws Exception {
		Python.assumeModules("numpy");
		Path file = TestData.real("dm/" + name);
		Path npy = TestData.tempDir("dm-npy").resolve("signal0.npy");
		try (DataFile f = Values.open(file)) {
			ArrayNode s = f.signals().get(0);
			NpyWriter.write(npy, s.dtype(), Values.readAll(s));
			String script = String.join("\n",
					"import sys, numpy as np",
					"def rgba(a):",
					"    b = a.astype('<u4').view(np.uint8).reshape(-1, 4)",
					"    out = np.zeros(len(b), dtype=[('R', 'u1'), ('G', 'u1'), ('B', 'u1'), ('A', 'u1')])",
					"    out['R'], out['G'], out['B'], out['A'] = b[:, 2], b[:, 1], b[:, 0], b[:, 3]",
					"    return out",
					"a = np.fromfile(sys.argv[1], dtype='" + stored + "', count=" + s.size() + ", offset=" + s.attribute("dm_data_offset") + ")",
					"want = " + layout,
					"got = np.load(sys.argv[2])",
					"assert got.dtype == want.dtype, (got.dtype, want.dtype)",
					"assert got.shape == want.shape, (got.shape, want.shape)",
					"assert np.array_equal(got, want)",
					"print('ok', got.shape)");
			assertTrue(Python.check(script, file.toString(), npy.toString()).startsWith("ok"));
		} finally {
			Files.deleteIfExists(npy);
			Files.deleteIfExists(npy.getParent());
		}
	}

	@Test
	void inputsAreNeverModified() throws Exception {
		Path file = TestData.real("dm/rsciio/3D/EELS_SI.dm4");
		String before = sha256(file);
		long modified = Files.getLastModifiedTime(file).toMillis();
		try (DataFile f = Values.open(file)) {
			Values.readAll(f.signals().get(0));
		}
		assertEquals(before, sha256(file));
		assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
	}

	private static String sha256(Path f) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
	}

	private static ArrayNode single(DataFile f, String title, DType dtype, long... shape) {
		assertEquals(1, f.signals().size(), "one signal besides the thumbnail");
		ArrayNode s = f.signals().get(0);
		assertEquals(title, s.title());
		assertEquals(dtype, s.dtype());
		assertArrayEquals(shape, s.shape());
		assertEquals(s, f.find("signal:0"));
		return s;
	}

	private static void axis(Axis a, String name, long size, double scale, String units, boolean navigate) {
		assertEquals(name, a.name());
		assertEquals(size, a.size());
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-5);
		assertEquals(units, a.units());
		assertEquals(navigate, a.navigate(), name + " navigate");
	}

	private static void close(double expected, double actual) {
		assertEquals(expected, actual, Math.abs(expected) * RTOL, () -> "expected " + expected + " but was " + actual);
	}

	private static double[] doubles(Object v) {
		double[] d = org.ronchi.core.model.Attributes.asDoubles(v);
		if (d == null) {
			throw new AssertionError("not a numeric array: " + v);
		}
		return d;
	}
}
