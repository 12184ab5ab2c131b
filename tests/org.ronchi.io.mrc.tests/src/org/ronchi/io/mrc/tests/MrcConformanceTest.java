package org.ronchi.io.mrc.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.ronchi.io.mrc.internal.MrcLoader;
import org.ronchi.tests.support.TestData;

/** The real MRC files against MANIFEST.md (header decoded by hand; RosettaSciIO's test_mrc.py for HAADFscan). */
class MrcConformanceTest {

	static DataFile open(String relative) {
		return new MrcLoader().open(TestData.real("mrc/" + relative), Map.of());
	}

	static void assertAxis(Axis a, String name, String units, long size, double scale, double offset, boolean navigate) {
		assertEquals(name, a.name(), "name of " + a);
		assertEquals(units, a.units(), "units of " + a);
		assertEquals(size, a.size(), "size of " + a);
		assertEquals(scale, a.scale(), Math.abs(scale) * 1e-7, "scale of " + a);
		assertEquals(offset, a.offset(), 1e-9, "offset of " + a);
		assertEquals(navigate, a.navigate(), "navigate of " + a);
	}

	static void assertData(ArrayNode n, DType dtype, long[] shape, double first, double sum) {
		assertEquals(dtype, n.dtype());
		assertArrayEquals(shape, n.shape());
		Dataset d = Arrays2.readAll(n);
		assertEquals(first, Arrays2.first(d), Math.abs(first) * 1e-6);
		assertEquals(sum, Arrays2.sum(d), Math.abs(sum) * 1e-7);
	}

	static double q(ArrayNode n, String key, String unit) {
		Object v = n.metadata().get(key);
		assertTrue(v instanceof Quantity, key + " is " + v);
		assertEquals(unit, ((Quantity) v).unit(), key);
		return ((Quantity) v).value();
	}

	@Test
	void veloxImageWithFei2ExtendedHeader() {
		try (DataFile f = open("rsciio_DE/HAADFscan.mrc")) {
			assertEquals("MRC", f.format());
			assertEquals("20140", f.formatVersion());
			assertEquals(1, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.UINT16, new long[] { 16, 16 }, 5715, 1552947);
			assertEquals(4664, Arrays2.readAll(n).getInt(15, 3));
			// RosettaSciIO test_single_image: both axes 5.679131317138672 nm, offset 0
			assertAxis(n.axes().get(0), "y", "nm", 16, 5.679131317138672, 0, false);
			assertAxis(n.axes().get(1), "x", "nm", 16, 5.679131317138672, 0, false);
			assertEquals("image", n.kind());
			MetadataTree o = n.originalMetadata();
			assertEquals(6, o.at("header", "mode"));
			assertEquals("FEI2", o.at("header", "exttyp"));
			assertEquals(909312, o.at("header", "nsymbt"));
			assertEquals(20140, o.at("header", "nversion"));
			assertEquals("MAP ", o.at("header", "map"));
			assertEquals(888, o.at("extended_header", "record_size"));
			assertEquals(2, o.at("extended_header", "metadata_version"));
			assertEquals(1024L, o.at("extended_header", "records"));
			assertEquals("Velox", o.at("extended_header", "frames", "0", "Application"));
			assertEquals(5.679131290012676e-09, (Double) o.at("extended_header", "frames", "0", "Pixel size X"), 1e-20);
			assertEquals("HAADF", o.at("extended_header", "frames", "0", "STEM Detector name"));
			assertEquals("Objective aperture name", lastKey((MetadataTree) o.at("extended_header", "frames", "0")));
			// standard metadata from the FEI record
			assertEquals(300.0, q(n, "acquisition.instrument.beam_energy", "kV"), 1e-9);
			assertEquals("Spectra", n.metadata().get("acquisition.instrument.microscope"));
			assertEquals("STEM", n.metadata().get("acquisition.instrument.acquisition_mode"));
			assertEquals("HAADF", n.metadata().get("acquisition.detector.name"));
			assertEquals(91.1, q(n, "acquisition.instrument.camera_length", "mm"), 1e-9);
			assertEquals(14.327324427576586, q(n, "acquisition.instrument.convergence_angle", "mrad"), 1e-9);
			assertEquals(0.01, q(n, "acquisition.instrument.dwell_time", "s"), 1e-15);
			assertEquals(0.0238563, q(n, "acquisition.stage.x", "mm"), 1e-9);
			assertEquals(0.008116119055372828, q(n, "acquisition.stage.tilt_alpha", "deg"), 1e-15);
			// FEI writes 0 for what it did not record: no magnification, no exposure in a STEM scan
			assertEquals(null, n.metadata().get("acquisition.instrument.magnification"));
			assertEquals(null, n.metadata().get("acquisition.instrument.exposure_time"));
			assertEquals("2022-12-05T12:13:07", n.metadata().get("general.date_time"));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}

	private static String lastKey(MetadataTree t) {
		String last = null;
		for (String k : t.keys()) {
			last = k;
		}
		return last;
	}

	@Test
	void emdbMap() {
		try (DataFile f = open("mrcfile/EMD-3197.map")) {
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.FLOAT32, new long[] { 20, 20, 20 }, -1.8013091, 6268.896269);
			Dataset d = Arrays2.readAll(n);
			assertEquals(4.0759454, d.getFloat(3, 7, 11), 1e-6);
			assertEquals(-0.8802659, d.getFloat(19, 0, 5), 1e-6);
			// 228 Å / 20 = 11.4 Å = 1.14 nm; nxstart = -2 puts the first column at -2.28 nm
			assertAxis(n.axes().get(0), "z", "nm", 20, 1.14, 0, true);
			assertAxis(n.axes().get(1), "y", "nm", 20, 1.14, 0, false);
			assertAxis(n.axes().get(2), "x", "nm", 20, 1.14, -2.28, false);
			assertEquals("volume", n.kind());
			MetadataTree h = (MetadataTree) n.originalMetadata().child("header");
			assertEquals(1, h.child("ispg"));
			assertArrayEquals(new float[] { 228, 228, 228 }, (float[]) h.child("cella"));
			assertEquals(1, h.child("mapc"));
			assertEquals(2, h.child("mapr"));
			assertEquals(3, h.child("maps"));
			assertEquals(0, h.child("nsymbt"));
			assertEquals("", h.child("exttyp"));
			assertArrayEquals(new String[] { "::::EMDATABANK.org::::EMD-3197::::" }, (String[]) h.child("labels"));
			assertEquals(2.3999528884887695, ((Float) h.child("rms")).doubleValue(), 1e-7);
			assertEquals("0x44410000", h.child("machst"));
			assertEquals(null, n.originalMetadata().child("extended_header"));
		}
	}

	@Test
	void ncempyStackWithoutMapStamp() {
		try (DataFile f = open("openNCEM/temp.mrc")) {
			assertEquals("", f.formatVersion());
			ArrayNode n = f.signals().get(0);
			assertData(n, DType.FLOAT32, new long[] { 3, 128, 128 }, 0.9490523, 24435.3063);
			assertEquals(0.055790044, Arrays2.readAll(n).getFloat(2, 100, 5), 1e-7);
			// cella (256, 256, 6) Å over (128, 128, 3): 2 Å = 0.2 nm per pixel (not HyperSpy 1.7.3's 20 nm)
			assertAxis(n.axes().get(0), "z", "nm", 3, 0.2, 0, true);
			assertAxis(n.axes().get(1), "y", "nm", 128, 0.2, 0, false);
			assertAxis(n.axes().get(2), "x", "nm", 128, 0.2, 0, false);
			assertEquals("image-stack", n.kind());
		}
	}

	@Test
	void slicesReadOnlyTheirBox() throws Exception {
		try (DataFile f = open("mrcfile/EMD-3197.map")) {
			ArrayNode n = f.signals().get(0);
			Dataset all = Arrays2.readAll(n);
			Dataset box = n.source().read(new long[] { 5, 17, 2 }, new int[] { 3, 3, 4 });
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					for (int k = 0; k < 4; k++) {
						assertEquals(all.getFloat(5 + i, 17 + j, 2 + k), box.getFloat(i, j, k));
					}
				}
			}
			Dataset strided = (Dataset) n.lazy().getSlice(new int[] { 19, 0, 1 }, new int[] { 0, 20, 20 }, new int[] { -4, 5, 6 });
			assertArrayEquals(new int[] { 5, 4, 4 }, strided.getShape());
			assertEquals(all.getFloat(15, 5, 7), strided.getFloat(1, 1, 1));
		}
	}

	@Test
	void readingAfterCloseIsAClearError() {
		DataFile f = open("openNCEM/temp.mrc");
		ArrayNode n = f.signals().get(0);
		f.close();
		RonchiException e = assertThrows(RonchiException.class, () -> Arrays2.readAll(n));
		assertTrue(e.getMessage().contains("temp.mrc"), e.getMessage());
	}

	@Test
	void probeRecognisesEveryRealFile() {
		MrcLoader loader = new MrcLoader();
		for (Path p : TestData.realFiles("mrc", ".mrc", ".map")) {
			try (FileProbe probe = FileProbe.of(p)) {
				int score = loader.probe(probe);
				assertTrue(score >= FileLoader.SPECIFIC - 5, p + " scored " + score);
			}
		}
		try (FileProbe probe = FileProbe.of(TestData.real("ser_emi/rsciio_old/64x64_TEM_images_acquire_1.ser"))) {
			assertEquals(0, loader.probe(probe));
		}
	}
}
