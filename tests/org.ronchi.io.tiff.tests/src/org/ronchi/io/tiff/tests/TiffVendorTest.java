package org.ronchi.io.tiff.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ronchi.io.tiff.tests.TiffConformanceTest.assertAxes;
import static org.ronchi.io.tiff.tests.TiffConformanceTest.assertQuantity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;

/**
 * Vendor metadata on synthetic files, for what the real files do not show: FEI_SFEG, bad numbers, other
 * units, TVIPS, JEOL SightX, ImageJ hyperstacks, DigitalMicrograph stacks.
 */
class TiffVendorTest {
	@TempDir
	Path dir;

	private static final String FEI = String.join("\r\n", "[User]", "Date=12/01/2020", "Time=01:02:03 PM", "User=alice",
			"[Beam]", "HV=notafloat", "Beam=EBeam", "[EBeam]", "HV=15000", "BeamCurrent=1e-010", "[Scan]",
			"PixelWidth=2e-009", "PixelHeight=2e-009", "Dwelltime=3e-007", "[Stage]", "StageX=0.001", "StageR=3.14159265358979",
			"StageT=notafloat", "WorkingDistance=notafloat", "[Image]", "ResolutionX=16", "ResolutionY=12", "[Detectors]",
			"Name=TLD", "") + "\0";

	@Test
	void feiBadNumbersAreDroppedWithWarningsAndTheDatabarCrops() throws Exception {
		for (int tag : new int[] { 34682, 34680 }) {
			byte[] px = Fixtures.pixels(16 * 16, 60);
			TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
			b.page(16, 16, px).tag(tag, FEI.getBytes(StandardCharsets.ISO_8859_1));
			Path f = b.write(dir, "fei.tif");
			try (DataFile d = Fixtures.open(f)) {
				ArrayNode n = d.signals().get(0);
				MetadataTree m = n.metadata();
				assertQuantity(m, "acquisition.instrument.beam_energy", 15.0, "kV");
				assertQuantity(m, "acquisition.instrument.beam_current", 0.1, "nA");
				assertQuantity(m, "acquisition.stage.rotation", 180.0, "deg");
				assertNull(m.get("acquisition.instrument.working_distance"));
				assertNull(m.get("acquisition.stage.tilt_alpha"));
				assertEquals("2020-12-01T13:02:03", m.get("general.date_time"));
				assertEquals("TLD", n.title());
				assertTrue(d.warnings().stream().filter(w -> w.contains("notafloat")).count() >= 3, d.warnings().toString());
				assertEquals("notafloat", n.originalMetadata().at(tag == 34682 ? "FEI_HELIOS" : "FEI_SFEG", "Stage", "WorkingDistance"));
				assertAxes(n, "nm", 2.0, 1e-9, 0, 0);
				assertEquals(4, n.attribute("databar_rows"));
			}
			try (DataFile d = Fixtures.open(f, Map.of("crop_databar", true))) {
				ArrayNode n = d.signals().get(0);
				assertArrayEquals(new long[] { 12, 16 }, n.shape());
				Dataset expected = Fixtures.expected(DType.UINT8, Arrays.copyOf(px, 12 * 16), ByteOrder.LITTLE_ENDIAN, 12, 16);
				assertEquals(expected, Fixtures.readAll(n));
			}
		}
	}

	@Test
	void zeissUnitsAreConvertedToTheSchema() throws Exception {
		String text = String.join("\r\n", "0", "0", "0", "1.0e-008", "3", "AP_MAG", "Mag = 50.00 K X", "DP_DWELL_TIME",
				"Dwell Time = 1.2 µs", "AP_IPROBE", "I Probe = 200 pA", "AP_WD", "WD = 3.9 mm", "AP_ACTUALKV", "EHT = 5.00 kV",
				"AP_DATE", "Date :25 Sep 2018", "AP_TIME", "Time :8:20:42", "AP_STAGE_AT_X", "Stage at X = notafloat",
				"AP_STAGE_AT_R", "Stage at R = 245.8 °", "DP_DETECTOR_CHANNEL", "Signal A = InLens", "SV_USER_NAME",
				"User Name = LIBERATO", "") + "\0\0";
		TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		b.page(16, 8, new byte[128]).tag(34118, text.getBytes(StandardCharsets.ISO_8859_1));
		try (DataFile d = Fixtures.open(b.write(dir, "zeiss.tif"))) {
			ArrayNode n = d.signals().get(0);
			MetadataTree m = n.metadata();
			assertQuantity(m, "acquisition.instrument.magnification", 50000, "");
			assertQuantity(m, "acquisition.instrument.dwell_time", 1.2e-6, "s");
			assertQuantity(m, "acquisition.instrument.beam_current", 0.2, "nA");
			assertQuantity(m, "acquisition.instrument.working_distance", 3.9, "mm");
			assertQuantity(m, "acquisition.instrument.beam_energy", 5.0, "kV");
			assertQuantity(m, "acquisition.stage.rotation", 245.8, "deg");
			assertNull(m.get("acquisition.stage.x"));
			assertEquals("InLens", m.get("acquisition.detector.name"));
			assertEquals("LIBERATO", m.get("general.authors"));
			assertEquals("2018-09-25T08:20:42", m.get("general.date_time"));
			assertTrue(d.warnings().stream().anyMatch(w -> w.contains("notafloat")), d.warnings().toString());
			// header[3] is the pixel size of a 1024-wide frame: 1e-8 m * 1024 / 16 = 0.64 µm
			assertAxes(n, "µm", 0.64, 1e-9, 0, 0);
			assertEquals("µs", n.originalMetadata().at("CZ_SEM", "DP_DWELL_TIME", "unit"));
		}
	}

	@Test
	void tvipsHeaderCalibratesAndMaps() throws Exception {
		for (int mode : new int[] { 0, 3 }) {
			ByteBuffer h = ByteBuffer.allocate(244 + 6068).order(ByteOrder.LITTLE_ENDIAN);
			h.putInt(0, 2);
			int v2 = 244;
			h.putFloat(v2 + 2724, 1.4208f).putFloat(v2 + 2728, 1.4208f).putFloat(v2 + 3028, 99000f);
			h.putInt(v2 + 3288, mode).putFloat(v2 + 3292, 32000f);
			float[] stage = { 0f, -9.2e-8f, 7e-9f, -0.007f, -0.055f };
			for (int i = 0; i < 5; i++) {
				h.putFloat(v2 + 3308 + 4 * i, stage[i]);
			}
			byte[] cam = "F416".getBytes(StandardCharsets.UTF_16LE);
			h.position(v2 + 3524);
			h.put(cam);
			h.putFloat(v2 + 3708, 400f).putInt(v2 + 6064, 0xAAAAAAAA);
			TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
			b.page(16, 16, new byte[256]).tag(37706, new int[] { 0 });
			byte[] file = appendAndPoint(b.build(), 37706, h.array());
			Path f = dir.resolve("tvips.tif");
			Files.write(f, file);
			try (DataFile d = Fixtures.open(f)) {
				ArrayNode n = d.signals().get(0);
				MetadataTree m = n.metadata();
				assertAxes(n, "nm", 1.4208, 1e-6, 0, 0);
				assertQuantity(m, "acquisition.instrument.beam_energy", 99.0, "kV");
				assertQuantity(m, "acquisition.instrument.exposure_time", 0.4, "s");
				assertEquals("F416", m.get("acquisition.detector.name"));
				assertEquals("TEM", m.get("acquisition.instrument.acquisition_mode"));
				assertEquals(-9.2e-5, ((org.ronchi.core.metadata.Quantity) m.get("acquisition.stage.y")).value(), 1e-10);
				assertEquals(-0.055, ((org.ronchi.core.metadata.Quantity) m.get("acquisition.stage.tilt_beta")).value(), 1e-6);
				if (mode == 3) {
					assertNull(m.get("acquisition.instrument.magnification"));
					assertQuantity(m, "acquisition.instrument.camera_length", 32000, "mm");
				} else {
					assertQuantity(m, "acquisition.instrument.magnification", 32000, "");
				}
			}
		}
	}

	@Test
	void jeolSightXImageAndDiffraction() throws Exception {
		for (String mode : new String[] { "MAG", "DIFF" }) {
			String value = mode.equals("MAG") ? "50000" : "60";
			String unit = mode.equals("MAG") ? "x" : "cm";
			String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<TemReporter>\r\n\u0001 <Eos><EosMode>eosTEM</EosMode></Eos>"
					+ "<IlluminationSystem><ImageField>modeBrightField</ImageField></IlluminationSystem>"
					+ "<ImageFormingSystem><ModeString>" + mode + "</ModeString><SelectorValue>" + value
					+ "</SelectorValue><SelectorString>" + mode + "1</SelectorString><ImageFormingMode>modeNormal</ImageFormingMode>"
					+ "<SelectorUnitString>" + unit + "</SelectorUnitString></ImageFormingSystem>"
					+ "<ElectronGun><AccelerationVoltage>200000</AccelerationVoltage><BeamCurrent>150</BeamCurrent></ElectronGun>"
					+ "<GonioStage><StagePosition><TX>1.5</TX><TY>-2</TY></StagePosition><MZ>12000</MZ></GonioStage>"
					+ "<DateTime>2021-07-12T10:11:12.1234567+09:00</DateTime></TemReporter>\r\n";
			TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
			b.page(16, 16, new byte[256]).tag(271, "JEOL Ltd.").tag(270, xml).tag(282, new long[] { 1000, 1 })
					.tag(283, new long[] { 1000, 1 }).tag(296, new short[] { 3 });
			try (DataFile d = Fixtures.open(b.write(dir, "sightx.tif"))) {
				ArrayNode n = d.signals().get(0);
				MetadataTree m = n.metadata();
				assertEquals("TEM", m.get("acquisition.instrument.acquisition_mode"));
				assertQuantity(m, "acquisition.instrument.beam_energy", 200.0, "kV");
				assertQuantity(m, "acquisition.instrument.beam_current", 0.15, "nA");
				assertQuantity(m, "acquisition.stage.tilt_alpha", 1.5, "deg");
				assertQuantity(m, "acquisition.stage.z", 0.012, "mm");
				assertEquals("2021-07-12T10:11:12.1234567+09:00", m.get("general.date_time"));
				if (mode.equals("MAG")) {
					assertEquals("TEM, BrightField, Normal, MAG1", n.title());
					assertQuantity(m, "acquisition.instrument.magnification", 50000, "");
					assertAxes(n, "nm", 0.01 / 1000 / 50000 * 1e9, 1e-9, 0, 0);
				} else {
					assertQuantity(m, "acquisition.instrument.camera_length", 600, "mm");
					double lambda = 6.62607015e-34 / Math.sqrt(2 * 9.1093837015e-31 * 1.602176634e-19 * 200000
							* (1 + 1.602176634e-19 * 200000 / (2 * 9.1093837015e-31 * 299792458.0 * 299792458.0)));
					assertAxes(n, "1 / nm", 0.01 / (0.6 * lambda * 1e9) / 1000, 1e-9, 0, 0);
				}
			}
		}
	}

	@Test
	void imageJHyperstackWithoutIfdsPerPage() throws Exception {
		int w = 5, h = 4, pages = 6;
		byte[] px = Fixtures.pixels(w * h * pages * 2, 70);
		String desc = "ImageJ=1.53t\nimages=6\nchannels=1\nslices=3\nframes=2\nhyperstack=true\nunit=micron\nspacing=2.5\nfinterval=0.5\nloop=false\n";
		TiffBuilder b = new TiffBuilder(ByteOrder.BIG_ENDIAN, false);
		TiffBuilder.Page p = b.page(w, h * pages, px).tag(270, desc).tag(282, new long[] { 2, 1 }).tag(283, new long[] { 2, 1 });
		p.bits = 16;
		byte[] file = b.build();
		// one IFD describing the first page; the other five follow its strip back to back, as ImageJ writes them
		file = patch(file, ByteOrder.BIG_ENDIAN, 257, h);
		file = patch(file, ByteOrder.BIG_ENDIAN, 278, h);
		file = patch(file, ByteOrder.BIG_ENDIAN, 279, w * h * 2);
		Path f = dir.resolve("ij.tif");
		Files.write(f, file);
		try (DataFile d = Fixtures.open(f)) {
			ArrayNode n = d.signals().get(0);
			assertArrayEquals(new long[] { 2, 3, h, w }, n.shape());
			assertEquals(java.util.List.of("time", "depth", "y", "x"), n.axes().stream().map(Axis::name).toList());
			assertEquals(0.5, n.axes().get(0).scale());
			assertEquals("s", n.axes().get(0).units());
			assertEquals(2.5, n.axes().get(1).scale());
			assertAxes(n, "µm", 0.5, 1e-12, 0, 0);
			assertEquals(Fixtures.expected(DType.UINT16, px, ByteOrder.BIG_ENDIAN, 2, 3, h, w), Fixtures.readAll(n));
		}
	}

	@Test
	void imageJAndDigitalMicrographStacks() throws Exception {
		// rosettasciio's _stack oracles: ImageJ nav 2 scale 2.5 without unit; DM nav "s" 2.5, x 0.16867 µm, y 1.68674 µm
		TiffBuilder ij = new TiffBuilder(ByteOrder.BIG_ENDIAN, false);
		for (int i = 0; i < 2; i++) {
			TiffBuilder.Page p = ij.page(6, 6, Fixtures.pixels(36 * 4, i)).tag(282, new long[] { 5928571, 1000000 })
					.tag(283, new long[] { 5928571, 1000000 });
			p.bits = 32;
			p.sampleFormat = 3;
			p.pixels = Fixtures.floats(36, 4, ByteOrder.BIG_ENDIAN, i);
			if (i == 0) {
				p.tag(270, "ImageJ=1.51a\nimages=2\nslices=2\nunit=micron\nspacing=2.5\nloop=false\n");
			}
		}
		try (DataFile d = Fixtures.open(ij.write(dir, "ijstack.tif"))) {
			ArrayNode n = d.signals().get(0);
			assertArrayEquals(new long[] { 2, 6, 6 }, n.shape());
			assertEquals("depth", n.axes().get(0).name());
			assertEquals(2.5, n.axes().get(0).scale());
			assertEquals("", n.axes().get(0).units());
			assertAxes(n, "µm", 0.16867, 1e-4, 0, 0);
		}
		TiffBuilder dm = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
		for (int i = 0; i < 2; i++) {
			dm.page(6, 6, Fixtures.pixels(36, i)).tag(65003, "µm").tag(65004, "µm").tag(65005, "s")
					.tag(65009, new double[] { 0.16867 }).tag(65010, new double[] { 1.68674 }).tag(65011, new double[] { 2.5 })
					.tag(65022, "counts");
		}
		try (DataFile d = Fixtures.open(dm.write(dir, "dmstack.tif"))) {
			ArrayNode n = d.signals().get(0);
			assertEquals("s", n.axes().get(0).units());
			assertEquals(2.5, n.axes().get(0).scale());
			assertEquals(1.68674, n.axes().get(1).scale());
			assertEquals(0.16867, n.axes().get(2).scale());
			assertEquals("µm", n.axes().get(2).units());
			assertEquals("counts", n.units());
			assertEquals("counts", n.metadata().get("signal.units"));
		}
	}

	/** Appends a block at the end of the file and points the (LONG, inline) entry of {@code tag} at it. */
	private static byte[] appendAndPoint(byte[] file, int tag, byte[] block) {
		int at = file.length + (file.length & 1);
		byte[] out = Arrays.copyOf(file, at + block.length);
		System.arraycopy(block, 0, out, at, block.length);
		return patch(out, ByteOrder.LITTLE_ENDIAN, tag, at);
	}

	/** Sets the inline LONG or SHORT value of {@code tag} in the first IFD. */
	static byte[] patch(byte[] file, ByteOrder order, int tag, long value) {
		ByteBuffer b = ByteBuffer.wrap(file).order(order);
		int ifd = b.getInt(4);
		int n = b.getShort(ifd);
		for (int i = 0; i < n; i++) {
			int e = ifd + 2 + 12 * i;
			if ((b.getShort(e) & 0xffff) == tag) {
				if (b.getShort(e + 2) == 3) {
					b.putShort(e + 8, (short) value);
				} else {
					b.putInt(e + 8, (int) value);
				}
				return file;
			}
		}
		throw new AssertionError("no tag " + tag);
	}
}
