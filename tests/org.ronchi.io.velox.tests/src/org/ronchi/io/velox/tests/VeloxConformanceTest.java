package org.ronchi.io.velox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.io.velox.internal.VeloxLoader;
import org.ronchi.tests.support.TestData;

/**
 * Every real Velox file against MANIFEST.md: the values of its ORACLES section (HyperSpy's and
 * RosettaSciIO's test_emd.py, SciFiReaders, ncempy) and HyperSpy 1.7.3's reading of each file.
 */
class VeloxConformanceTest {
	static final String HS = "velox_emd/hyperspy_history/";
	static final String RS = "velox_emd/rsciio/";
	static final String NC = "velox_emd/openNCEM/";

	static DataFile open(String file, Map<String, Object> options) {
		return new VeloxLoader().open(TestData.real(file), options);
	}

	static DataFile open(String file) {
		return open(file, Map.of());
	}

	static void assertData(ArrayNode n, DType dtype, long[] shape, double first, double sum) {
		assertEquals(dtype, n.dtype(), n.title());
		assertArrayEquals(shape, n.shape(), n.title());
		Dataset d = Arrays2.readAll(n);
		assertEquals(first, Arrays2.first(d), Math.abs(first) * 1e-6, n.title());
		assertEquals(sum, Arrays2.sum(d), Math.abs(sum) * 1e-7 + 1e-9, n.title());
	}

	static void assertAxis(Axis a, String name, String units, long size, double scale, double offset, boolean navigate) {
		assertEquals(name, a.name(), a.toString());
		assertEquals(units, a.units(), a.toString());
		assertEquals(size, a.size(), a.toString());
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-5, a.toString());
		assertEquals(offset, a.offset(), Math.abs(offset) * 1e-5 + 1e-12, a.toString());
		assertEquals(navigate, a.navigate(), a.toString());
	}

	static double q(ArrayNode n, String key, String unit) {
		Object v = n.metadata().get(key);
		assertInstanceOf(Quantity.class, v, key + " is " + v);
		assertEquals(unit, ((Quantity) v).unit(), key);
		return ((Quantity) v).value();
	}

	@Test
	void imageEqualsHyperSpyReference() {
		try (DataFile f = open(HS + "example_fei_emd_image.emd")) {
			assertEquals("Velox EMD", f.format());
			assertEquals("4", f.formatVersion());
			assertEquals(1, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertEquals("HAADF", n.title());
			assertEquals("image", n.kind());
			assertData(n, DType.UINT16, new long[] { 512, 512 }, 9240, 2431912854.0);
			Dataset expected = NpyReader.read(TestData.real(HS + "fei_emd_image.npy")).data();
			Dataset got = Arrays2.readAll(n);
			assertEquals(expected, got.cast(expected.getClass()));
			// SciFiReaders' spot checks
			assertEquals(9190, got.getInt(10, 10));
			assertEquals(9191, got.getInt(100, 100));
			assertEquals(9190, got.getInt(300, 300));
			// nm by default; HyperSpy's 0.00530241 µm
			assertAxis(n.axes().get(0), "y", "nm", 512, 5.30241, -1357.41819852585, false);
			assertAxis(n.axes().get(1), "x", "nm", 512, 5.30241, -1357.41819852585, false);
			// RosettaSciIO's metadata oracle: Talos, 200 kV, CL 98, mag 40000, tilt 0.006, stage in m
			assertEquals("2017-03-06T09:56:41Z", n.metadata().get("general.date_time"));
			assertEquals("Talos", n.metadata().get("acquisition.instrument.microscope"));
			assertEquals("STEM", n.metadata().get("acquisition.instrument.acquisition_mode"));
			assertEquals(200.0, q(n, "acquisition.instrument.beam_energy", "kV"), 1e-9);
			assertEquals(98.0, q(n, "acquisition.instrument.camera_length", "mm"), 1e-9);
			assertEquals(40000.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
			assertEquals(0.006, q(n, "acquisition.stage.tilt_alpha", "deg"), 5e-4);
			assertEquals(-0.009, q(n, "acquisition.stage.x", "mm"), 5e-4);
			assertEquals(0.144, q(n, "acquisition.stage.y", "mm"), 5e-4);
			assertEquals(0.029, q(n, "acquisition.stage.z", "mm"), 5e-4);
			assertEquals(2e-5, q(n, "acquisition.instrument.dwell_time", "s"), 1e-12);
			assertEquals("HAADF", n.metadata().get("acquisition.detector.name"));
			// the vendor's JSON verbatim (SciFiReaders' oracle)
			assertEquals("7.9", n.originalMetadata().at("Core", "MetadataDefinitionVersion"));
			assertEquals("FEI Company", n.originalMetadata().at("Instrument", "Manufacturer"));
			assertEquals("XFEG", n.originalMetadata().at("Acquisition", "SourceType"));
			assertEquals("200000", n.originalMetadata().at("Optics", "AccelerationVoltage"));
			assertEquals("Velox", f.originalMetadata().at("Version", "format"));
			assertEquals("HAADF", f.originalMetadata().at("Operations", "StemInputOperation", "83ee5e757525471bb7c387d91f7fd6d8", "detector"));
			assertEquals("Talos", f.metadata().get("acquisition.instrument.microscope"));
			assertSame(n, f.find("/HAADF"));
			assertEquals("/Data/Image/23088cf7c7844be397c5c465915044ac", n.stringAttribute("velox_path"));
		}
	}

	@Test
	void compactUnitsAreHyperSpys() {
		try (DataFile f = open(HS + "example_fei_emd_image.emd", Map.of("units", "compact"))) {
			assertAxis(f.signals().get(0).axes().get(1), "x", "µm", 512, 0.00530241, -1.35741819852585, false);
		}
		try (DataFile f = open(RS + "fei_example_complex_fft.emd", Map.of("units", "compact"))) {
			assertAxis(f.signals().get(0).axes().get(0), "y", "1 / µm", 3, 98.0158, -49.007914531515674, false);
		}
	}

	@Test
	void spectrumEqualsHyperSpyReference() {
		try (DataFile f = open(HS + "example_fei_emd_spectrum.emd")) {
			assertEquals(1, f.signals().size()); // the SpectrumStream of a single spectrum is not a signal
			ArrayNode n = f.signals().get(0);
			assertEquals("EDS", n.title());
			assertEquals("spectrum", n.kind());
			assertData(n, DType.UINT32, new long[] { 4096 }, 0, 1168845);
			Dataset expected = NpyReader.read(TestData.real(HS + "fei_emd_spectrum.npy")).data();
			assertEquals(expected, Arrays2.readAll(n).cast(expected.getClass()));
			assertAxis(n.axes().get(0), "Energy", "keV", 4096, 0.01, -1.0, false);
			assertEquals("Talos", n.originalMetadata().at("Instrument", "InstrumentClass"));
			assertEquals("1.6.0", n.originalMetadata().at("Instrument", "ControlSoftwareVersion"));
			assertEquals("1488794225", n.originalMetadata().at("Acquisition", "AcquisitionStartDatetime", "DateTime"));
			assertEquals("2017-03-06T09:57:05Z", n.metadata().get("general.date_time"));
			assertEquals("EDS_TEM", n.metadata().get("signal.type"));
			// from the file's SpectrumQuantificationOperation (HyperSpy reads only ImageQuantificationOperation)
			assertEquals(List.of("C", "O", "Si", "Cu"), n.metadata().get("sample.elements"));
		}
	}

	@Test
	void spectrumImageV4() {
		try (DataFile f = open(HS + "example_fei_emd_si.emd")) {
			assertEquals(List.of("HAADF", "EDS"), f.signals().stream().map(ArrayNode::title).toList());
			ArrayNode haadf = f.signals().get(0);
			// the first of the 5 frames, as RosettaSciIO reads images of spectrum-image files
			assertData(haadf, DType.UINT16, new long[] { 16, 16 }, 9272, 3389230);
			assertAxis(haadf.axes().get(1), "x", "nm", 16, 5.30241, -47.72173354192441, false);
			ArrayNode eds = f.signals().get(1);
			assertEquals("spectrum-image", eds.kind());
			assertData(eds, DType.UINT16, new long[] { 16, 16, 4096 }, 0, 6564);
			assertAxis(eds.axes().get(0), "y", "nm", 16, 5.30241, -10.604829675983202, true);
			assertAxis(eds.axes().get(1), "x", "nm", 16, 5.30241, -47.72173354192441, true);
			assertAxis(eds.axes().get(2), "X-ray energy", "keV", 4096, 0.01, -1.0, false);
			assertEquals("2017-03-06T09:57:56Z", eds.metadata().get("general.date_time"));
			assertEquals("4096", eds.originalMetadata().at("AcquisitionSettings", "bincount"));
			assertEquals("5", eds.originalMetadata().at("SpectrumImageSettings", "endFramePosition"));
		}
	}

	@Test
	void spectrumImageOptionsAsHyperSpy() {
		String si = HS + "example_fei_emd_si.emd";
		try (DataFile f = open(si, Map.of("sum_frames", false))) {
			ArrayNode eds = f.signals().get(1);
			assertData(eds, DType.UINT16, new long[] { 5, 16, 16, 4096 }, 0, 6564);
			assertAxis(eds.axes().get(0), "Time", "s", 5, 0.0416, 0, true);
		}
		try (DataFile f = open(si, Map.of("sum_frames", "false", "first_frame", "1", "last_frame", 3))) {
			ArrayNode eds = f.signals().get(1);
			assertData(eds, DType.UINT16, new long[] { 2, 16, 16, 4096 }, 0, 2625);
			assertAxis(eds.axes().get(0), "Time", "s", 2, 0.0416, 0.0416, true);
		}
		try (DataFile f = open(si, Map.of("rebin_energy", 4))) {
			ArrayNode eds = f.signals().get(1);
			assertData(eds, DType.UINT16, new long[] { 16, 16, 1024 }, 0, 6564);
			assertAxis(eds.axes().get(2), "X-ray energy", "keV", 1024, 0.04, -1.0, false);
		}
		try (DataFile f = open(si, Map.of("SI_dtype", "uint8", "load_SI_image_stack", true))) {
			assertData(f.signals().get(0), DType.UINT16, new long[] { 5, 16, 16 }, 9272, 16967276);
			assertEquals("image-stack", f.signals().get(0).kind());
			assertAxis(f.signals().get(0).axes().get(0), "Time", "s", 5, 0.0416, 0, true);
			assertData(f.signals().get(1), DType.UINT8, new long[] { 16, 16, 4096 }, 0, 6564);
		}
		try (DataFile f = open(si, Map.of("select_type", "spectrum_image"))) {
			assertEquals(List.of("EDS"), f.signals().stream().map(ArrayNode::title).toList());
		}
		assertThrows(InvalidRequestException.class, () -> open(si, Map.of("last_frame", 6)));
		assertThrows(InvalidRequestException.class, () -> open(si, Map.of("rebin_energy", 3)));
		assertThrows(InvalidRequestException.class, () -> open(si, Map.of("SI_dtype", "complex64")));
		assertThrows(InvalidRequestException.class, () -> open(si, Map.of("sum_frame", false)));
	}

	@Test
	void veloxVersion11SpectrumImage() {
		// HyperSpy 1.7.3 fails on this file; RosettaSciIO's test: 10 signals, titles, elements, (16, 16, 4096)
		try (DataFile f = open(RS + "Test SI 16x16 215 kx.emd")) {
			assertEquals("11", f.formatVersion());
			List<String> titles = f.signals().stream().map(ArrayNode::title).toList();
			assertEquals(10, titles.size());
			assertEquals(List.of("C", "Ca", "O", "Cu", "HAADF", "EDS"), titles.subList(4, 10));
			ArrayNode eds = f.signals().get(9);
			assertEquals(List.of("C", "O", "Ca", "Cu"), eds.metadata().get("sample.elements"));
			// every X-ray of the four detector segments: each segment's stream equals its own spectrum
			double spectra = 0;
			for (ArrayNode s : f.signals().subList(0, 4)) {
				assertEquals("spectrum", s.kind());
				spectra += Arrays2.sum(Arrays2.readAll(s));
			}
			assertData(eds, DType.UINT16, new long[] { 16, 16, 4096 }, 0, spectra);
			assertEquals(42097, spectra);
			assertAxis(eds.axes().get(2), "X-ray energy", "keV", 4096, 0.01, -0.25, false);
			assertAxis(eds.axes().get(1), "x", "nm", 16, 3.59925, -39.59174181557616, true);
			assertData(f.signals().get(4), DType.FLOAT32, new long[] { 16, 16 }, 71.00001, 570.0000315);
			assertData(f.signals().get(8), DType.UINT16, new long[] { 16, 16 }, 7236, 2367830);
		}
		try (DataFile f = open(RS + "Test SI 16x16 215 kx.emd", Map.of("sum_EDS_detectors", false))) {
			List<ArrayNode> sis = f.signals().subList(9, 13);
			for (int i = 0; i < 4; i++) {
				ArrayNode si = sis.get(i);
				String detector = si.title().substring(4);
				ArrayNode spectrum = f.signals().stream().filter(s -> s.title().equals("EDS " + detector)).findFirst().orElseThrow();
				Dataset cube = Arrays2.readAll(si);
				assertEquals(Arrays2.sum(Arrays2.readAll(spectrum)), Arrays2.sum(cube), si.title());
			}
			assertEquals(List.of("EDS SuperXG23", "EDS SuperXG21", "EDS SuperXG24", "EDS SuperXG22"),
					sis.stream().map(ArrayNode::title).toList());
		}
	}

	@Test
	void complexHalfFfts() {
		try (DataFile f = open(RS + "fei_example_complex_fft.emd")) {
			ArrayNode n = f.signals().get(0);
			assertEquals("Half FFT", n.title());
			assertEquals("complex-image", n.kind());
			assertEquals(DType.COMPLEX64, n.dtype());
			assertArrayEquals(new long[] { 3, 4 }, n.shape());
			ComplexFloatDataset d = (ComplexFloatDataset) Arrays2.readAll(n);
			assertEquals(1075972736f, d.getData()[0]);
			assertEquals(-2f, d.getData()[1]);
			assertArrayEquals(new double[] { 1074452096, -1505776.5 }, Arrays2.complexSum(d), 1e2);
			assertAxis(n.axes().get(0), "y", "1 / nm", 3, 0.0980158, -0.049007914531515674, false);
			assertEquals("TEM", n.metadata().get("acquisition.instrument.acquisition_mode"));
		}
		try (DataFile f = open(RS + "FFTComplexEven.emd")) {
			assertEquals(List.of("Half FFT", "HAADF"), f.signals().stream().map(ArrayNode::title).toList());
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 70, 36 }, n.shape());
			ComplexFloatDataset d = (ComplexFloatDataset) Arrays2.readAll(n);
			assertEquals(117118000f, d.getData()[0]);
			assertEquals(0f, d.getData()[1]);
			assertArrayEquals(new double[] { 119901128, -10244343 }, Arrays2.complexSum(d), 20);
			assertEquals("FFT", n.metadata().get("signal.type"));
			assertAxis(n.axes().get(1), "x", "1 / nm", 36, 5.268507664536564e-4, -2.634253832268282e-4, false);
			assertData(f.signals().get(1), DType.UINT16, new long[] { 128, 128 }, 18004, 392673539);
			assertEquals("2022-09-28T00:27:07Z", n.metadata().get("general.date_time"));
			assertEquals(28500.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
		}
	}

	@Test
	void cameraAndStemImagesOfNcempy() {
		try (DataFile f = open(NC + "Camera Ceta Imaging Micro.emd")) {
			ArrayNode n = f.signals().get(0);
			assertEquals("8", f.formatVersion());
			assertEquals("Ceta", n.title());
			assertData(n, DType.INT16, new long[] { 512, 512 }, -6, -411708);
			assertAxis(n.axes().get(0), "y", "nm", 512, 3.13884, -803.5422859390853, false);
			assertEquals("TEM", n.metadata().get("acquisition.instrument.acquisition_mode"));
			assertEquals(300.0, q(n, "acquisition.instrument.beam_energy", "kV"), 1e-9);
			assertEquals(0.4, q(n, "acquisition.instrument.exposure_time", "s"), 1e-12);
			assertEquals("2020-07-29T16:48:19Z", n.metadata().get("general.date_time"));
			assertEquals("Titan", n.metadata().get("acquisition.instrument.microscope"));
			assertFalse(n.metadata().has("acquisition.instrument.convergence_angle"), "Velox's negative TEM-mode convergence");
		}
		try (DataFile f = open(NC + "STEM HAADF Diffraction Micro.emd")) {
			ArrayNode n = f.signals().get(0);
			assertEquals("HAADF", n.title());
			assertData(n, DType.UINT16, new long[] { 128, 128 }, 9993, 163756880);
			assertAxis(n.axes().get(0), "y", "nm", 128, 87.3708, -5591.730953104373, false); // ncempy: pixelSize[0] 87.3708 nm
			assertEquals("300000", n.originalMetadata().at("Optics", "AccelerationVoltage"));
			assertEquals(7100.0, q(n, "acquisition.instrument.magnification", ""), 1e-9);
		}
	}

	@Test
	void everyFileIsProbedAndReadWhole() {
		VeloxLoader loader = new VeloxLoader();
		List<Path> files = TestData.realFiles("velox_emd", ".emd");
		assertEquals(8, files.size());
		for (Path p : files) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(FileLoader.SPECIFIC, loader.probe(probe), p.toString());
			}
			try (DataFile f = loader.open(p, Map.of())) {
				assertFalse(f.signals().isEmpty(), p.toString());
				for (ArrayNode n : f.signals()) {
					Dataset d = Arrays2.readAll(n);
					assertEquals(n.size(), d.getSize(), p + " " + n.title());
					assertNotNull(n.metadata().get("general.date_time"), p + " " + n.title());
					assertSame(n, f.find(n.path()), "signals live in the tree");
					assertEquals(n.rank(), n.axes().size());
				}
				assertTrue(f.warnings().isEmpty(), p + ": " + f.warnings());
			}
		}
	}

	@Test
	void berkeleyEmdIsNotClaimed() {
		VeloxLoader loader = new VeloxLoader();
		for (Path p : TestData.realFiles("emd_ncem", ".emd", ".h5")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(0, loader.probe(probe), p.toString());
			}
		}
		for (Path p : TestData.realFiles("velox_emd", ".npy")) {
			try (FileProbe probe = FileProbe.of(p)) {
				assertEquals(0, loader.probe(probe), p.toString());
			}
		}
	}
}
