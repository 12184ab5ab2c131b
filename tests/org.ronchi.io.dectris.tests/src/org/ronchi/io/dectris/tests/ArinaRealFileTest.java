package org.ronchi.io.dectris.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.io.dectris.internal.DectrisLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/**
 * The real Arina acquisition of {@code raw4d/arina} against MANIFEST.md: uint32 (16, 192, 192) frames
 * (bitshuffle + LZ4, fill value 0xFFFFFFFF) on a 4 x 4 scan from the {@code STEM Metadata} sidecar, every
 * pixel 0; the detector facts of its master file.
 */
class ArinaRealFileTest {
	static final String MASTER = "raw4d/arina/test_00_master.h5";

	@Test
	void shapeTypeValuesAndScanAsTheManifestSays() {
		try (DataFile f = new DectrisLoader().open(TestData.real(MASTER), Map.of())) {
			assertEquals(1, f.signals().size());
			ArrayNode s = f.signals().get(0);
			assertEquals(DType.UINT32, s.dtype());
			assertArrayEquals(new long[] { 4, 4, 192, 192 }, s.shape());
			Dataset d = Arrays2.readAll(s);
			assertEquals(0, Arrays2.sum(d));
			assertEquals(0, ((Number) d.max()).doubleValue(), "every pixel is 0, none the fill value");
			assertEquals("test_00", s.title());
			assertEquals("diffraction", s.kind());
			Axis y = s.axes().get(0);
			assertEquals("y", y.name());
			assertTrue(y.navigate());
			assertEquals("nm", y.units());
			assertEquals(0.13915206, y.scale(), 1e-8, "the sidecar's Pixel Size");
			assertFalse(s.axes().get(2).navigate());
			assertEquals(Boolean.FALSE, s.originalMetadata().at("scan", "guessed"));
			assertTrue(f.warnings().isEmpty(), f.warnings().toString());
		}
	}

	@Test
	void detectorAndMicroscopeMetadata() {
		try (DataFile f = new DectrisLoader().open(TestData.real(MASTER), Map.of())) {
			var m = f.signals().get(0).metadata();
			assertEquals(new Quantity(300, "kV"), m.get("acquisition.instrument.beam_energy"));
			assertEquals(115, ((Quantity) m.get("acquisition.instrument.camera_length")).value(), 1e-9);
			assertEquals(new Quantity(17.5, "keV"), m.get("acquisition.detector.threshold"));
			assertEquals(9.950000094249845e-05, ((Quantity) m.get("acquisition.instrument.exposure_time")).value(), 1e-15);
			assertEquals(new Quantity(32, "bit"), m.get("acquisition.detector.counter_depth"));
			assertEquals(100, ((Quantity) m.get("acquisition.detector.pixel_size")).value(), 1e-9);
			assertEquals("Dectris ARINA CZT", m.get("acquisition.detector.name"));
			assertEquals("STEM", m.get("acquisition.instrument.acquisition_mode"));
			var o = f.signals().get(0).originalMetadata();
			assertEquals("bslz4", o.at("entry", "instrument", "detector", "detectorSpecific", "compression"));
			assertEquals(16L, ((Number) o.at("entry", "instrument", "detector", "detectorSpecific", "ntrigger")).longValue());
			assertEquals("test_00_data_000001.h5:/entry/data/data", o.at("data_files", "data_000001"));
			assertNull(o.at("entry", "data"), "the NXdata group is the frames, not metadata");
			assertEquals(4L, ((Number) o.at("STEM Metadata", "NumPixelsX")).longValue());
		}
	}

	/**
	 * The master goes to this loader (above the generic HDF5 loader and the NeXus loader's 40, which
	 * headless.tests' LoaderServiceTest checks with every loader installed); the data file and the sidecar
	 * are not claimed.
	 */
	@Test
	void masterClaimedOverPlainHdf5() {
		DectrisLoader d = new DectrisLoader();
		try (FileProbe p = FileProbe.of(TestData.real(MASTER))) {
			assertEquals(FileLoader.SPECIFIC, d.probe(p));
			assertTrue(new Hdf5Loader().probe(p) < FileLoader.SPECIFIC);
		}
		for (String other : new String[] { "raw4d/arina/test_00_data_000001.h5", "raw4d/arina/test_00.h5" }) {
			try (FileProbe p = FileProbe.of(TestData.real(other))) {
				assertEquals(0, d.probe(p), other);
			}
		}
	}
}
