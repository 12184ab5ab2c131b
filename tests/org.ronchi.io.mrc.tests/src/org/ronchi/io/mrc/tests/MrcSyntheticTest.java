package org.ronchi.io.mrc.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.mrc.internal.MrcLoader;
import org.ronchi.tests.support.TestData;

/** Synthetic MRC files for the modes, orders, extended headers and DE sidecars the real samples lack. */
class MrcSyntheticTest {
	private final Path dir = TestData.tempDir("mrc");

	private Path write(String name, byte[] b) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, b);
		return p;
	}

	private DataFile open(String name, byte[] b) throws IOException {
		return new MrcLoader().open(write(name, b), Map.of());
	}

	/** Boxes starting and ending inside a row (half-way through a byte for 4-bit values) read what the whole does. */
	@Test
	void everyModeInPartialBoxes() throws IOException {
		for (int mode : new int[] { 1, 3, 12, 101 }) {
			MrcWriter w = new MrcWriter();
			w.mode = mode;
			w.nx = 7;
			w.values = mode == 101 ? (s, r, c) -> (s * 5 + r * 3 + c) % 16 : (s, r, c) -> 50 * s + 10 * r + c - 20;
			try (DataFile f = open("part" + mode + ".mrc", w.build())) {
				ArrayNode n = f.signals().get(0);
				Dataset all = Arrays2.readAll(n);
				for (int c0 = 0; c0 < 7; c0++) {
					for (int cc = 1; c0 + cc <= 7; cc++) {
						Dataset box = n.source().read(new long[] { 1, 1, c0 }, new int[] { 1, 2, cc });
						assertEquals(all.getSlice(new int[] { 1, 1, c0 }, new int[] { 2, 3, c0 + cc }, null), box, "mode " + mode + " columns "
								+ c0 + "+" + cc);
					}
				}
			}
		}
	}

	@Test
	void everyMode() throws IOException {
		int[] modes = { 0, 1, 2, 3, 4, 6, 12, 101 };
		DType[] types = { DType.INT8, DType.INT16, DType.FLOAT32, DType.COMPLEX64, DType.COMPLEX64, DType.UINT16, DType.FLOAT32, DType.UINT8 };
		for (int i = 0; i < modes.length; i++) {
			MrcWriter w = new MrcWriter();
			int mode = modes[i];
			w.mode = mode;
			w.nx = 5; // odd: 4-bit rows end half-way through a byte
			w.values = modes[i] == 101 ? (s, r, c) -> (s * 7 + r * 3 + c) % 16 : (s, r, c) -> 50 * s + 10 * r + c - (mode == 6 ? 0 : 20);
			MrcWriter.Values expected = w.values;
			try (DataFile f = open("mode" + modes[i] + ".mrc", w.build())) {
				ArrayNode n = f.signals().get(0);
				assertEquals(types[i], n.dtype(), "mode " + modes[i]);
				assertArrayEquals(new long[] { 2, 3, 5 }, n.shape());
				Dataset d = Arrays2.readAll(n);
				for (int s = 0; s < 2; s++) {
					for (int r = 0; r < 3; r++) {
						for (int c = 0; c < 5; c++) {
							double want = expected.at(s, r, c);
							assertEquals(want, d.getDouble(s, r, c), 0, "mode " + modes[i] + " at " + s + "," + r + "," + c);
							if (modes[i] == 3 || modes[i] == 4) {
								assertEquals(-want, ((ComplexFloatDataset) d).getImag(s, r, c), 0);
							}
						}
					}
				}
			}
		}
	}

	@Test
	void unknownModeIsATypedError() throws IOException {
		MrcWriter w = new MrcWriter();
		w.mode = 2;
		byte[] b = w.build();
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 5);
		Path p = write("mode5.mrc", b);
		UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> new MrcLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("unsupported MRC mode: 5"), e.getMessage());
		// with its "MAP " stamp the file is still recognised, so the user gets this message and not "unknown format"
		try (FileProbe probe = FileProbe.of(p)) {
			assertEquals(FileLoader.SPECIFIC, new MrcLoader().probe(probe));
		}
	}

	@Test
	void bigEndianFile() throws IOException {
		MrcWriter w = new MrcWriter();
		w.mode = 1;
		w.order = ByteOrder.BIG_ENDIAN;
		try (DataFile f = open("be.mrc", w.build())) {
			Dataset d = Arrays2.readAll(f.signals().get(0));
			assertEquals(123, d.getInt(1, 2, 3));
			assertEquals("0x11110000", f.signals().get(0).originalMetadata().at("header", "machst"));
		}
	}

	@Test
	void mapInAnotherAxisOrderIsShownAsZyx() throws IOException {
		// columns hold z, rows x, sections y (mapc, mapr, maps = 3, 1, 2)
		int sx = 4;
		int sy = 3;
		int sz = 5;
		MrcWriter w = new MrcWriter();
		w.map = new int[] { 3, 1, 2 };
		w.nx = sz;
		w.ny = sx;
		w.nz = sy;
		w.m = new int[] { sx, sy, sz };
		w.cella = new float[] { 10 * sx, 20 * sy, 30 * sz }; // 1, 2, 3 nm per voxel along x, y, z
		w.start = new int[] { 7, 0, 0 }; // nxstart: first column = first z plane at 7 voxels
		w.ispg = 1;
		// block element (s, r, c) is at x = r, y = s, z = c
		w.values = (s, r, c) -> 100 * c + 10 * s + r;
		byte[] b = w.build();
		try (DataFile f = open("permuted.map", b)) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { sz, sy, sx }, n.shape());
			MrcConformanceTest.assertAxis(n.axes().get(0), "z", "nm", sz, 3, 21, true);
			MrcConformanceTest.assertAxis(n.axes().get(1), "y", "nm", sy, 2, 0, false);
			MrcConformanceTest.assertAxis(n.axes().get(2), "x", "nm", sx, 1, 0, false);
			Dataset d = Arrays2.readAll(n);
			for (int z = 0; z < sz; z++) {
				for (int y = 0; y < sy; y++) {
					for (int x = 0; x < sx; x++) {
						assertEquals(100 * z + 10 * y + x, d.getFloat(z, y, x), 0);
					}
				}
			}
			Dataset box = n.source().read(new long[] { 1, 1, 2 }, new int[] { 3, 2, 2 });
			assertEquals(100 * 3 + 10 * 2 + 3, box.getFloat(2, 1, 1), 0);
			assertEquals("volume", n.kind());
		}
		try (DataFile f = new MrcLoader().open(dir.resolve("permuted.map"), Map.of("permute_axes", false))) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { sy, sx, sz }, n.shape());
			assertEquals(List.of("y", "x", "z"), n.axes().stream().map(a -> a.name()).toList());
			assertEquals(100 * 4 + 10 * 2 + 1, Arrays2.readAll(n).getFloat(2, 1, 4), 0);
		}
	}

	@Test
	void transposedSingleImage() throws IOException {
		// columns hold y, rows x (mapc, mapr, maps = 2, 1, 3), one section
		MrcWriter w = new MrcWriter();
		w.map = new int[] { 2, 1, 3 };
		w.nx = 3; // y
		w.ny = 4; // x
		w.nz = 1;
		w.values = (s, r, c) -> 10 * c + r; // 10 * y + x
		try (DataFile f = open("transposed.mrc", w.build())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 3, 4 }, n.shape());
			assertEquals(List.of("y", "x"), n.axes().stream().map(a -> a.name()).toList());
			Dataset d = Arrays2.readAll(n);
			assertEquals(21, d.getFloat(2, 1), 0);
			assertEquals(13, n.source().read(new long[] { 1, 2 }, new int[] { 2, 2 }).getFloat(0, 1), 0);
		}
	}

	@Test
	void symmetryRecordsAndOtherExtendedHeadersAreSkippedToTheData() throws IOException {
		MrcWriter w = new MrcWriter();
		w.ispg = 19;
		w.extended = (pad("X,Y,Z") + pad("1/2+X,1/2-Y,-Z")).getBytes(StandardCharsets.ISO_8859_1);
		try (DataFile f = open("sym.map", w.build())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new String[] { "X,Y,Z", "1/2+X,1/2-Y,-Z" },
					(String[]) n.originalMetadata().at("extended_header", "symmetry_records"));
			assertEquals(123, Arrays2.readAll(n).getFloat(1, 2, 3), 0);
		}
		w.exttyp = "SERI";
		w.extended = new byte[4 * 32];
		try (DataFile f = open("seri.st", w.build())) {
			ArrayNode n = f.signals().get(0);
			assertEquals("SERI", n.originalMetadata().at("extended_header", "exttyp"));
			assertEquals(128, n.originalMetadata().at("extended_header", "size"));
			assertEquals(123, Arrays2.readAll(n).getFloat(1, 2, 3), 0);
		}
	}

	private static String pad(String s) {
		return (s + " ".repeat(80)).substring(0, 80);
	}

	@Test
	void fei1RecordsPerFrame() throws IOException {
		MrcWriter w = new MrcWriter();
		w.exttyp = "FEI1";
		w.nz = 3;
		ByteBuffer ext = ByteBuffer.allocate(3 * 768).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 3; i++) {
			int at = i * 768;
			ext.putInt(at, 768).putInt(at + 4, 1);
			ext.put(at + 20, "Krios".getBytes(StandardCharsets.ISO_8859_1));
			int ht = 4 + 4 + 4 + 8 + 64;
			ext.putDouble(at + ht, 300000).putDouble(at + ht + 16, -60 + 30 * i); // HT, alpha tilt
		}
		w.extended = ext.array();
		try (DataFile f = open("tilt.mrcs", w.build())) {
			ArrayNode n = f.signals().get(0);
			MetadataTree e = (MetadataTree) n.originalMetadata().child("extended_header");
			assertEquals(768, e.child("record_size"));
			assertEquals(3, ((MetadataTree) e.child("frames")).size());
			assertEquals(0.0, e.at("frames", "2", "Alpha tilt"));
			assertEquals("Alpha tilt max", last((MetadataTree) e.at("frames", "0")), "FEI1 records end before the FEI2 fields");
			assertEquals(-60.0, MrcConformanceTest.q(n, "acquisition.stage.tilt_alpha", "deg"), 0);
			assertEquals(300.0, MrcConformanceTest.q(n, "acquisition.instrument.beam_energy", "kV"), 0);
			assertEquals("Krios", n.metadata().get("acquisition.instrument.microscope"));
		}
	}

	private static String last(MetadataTree t) {
		return List.copyOf(t.keys()).get(t.size() - 1);
	}

	@Test
	void directElectronRasterScanWithVirtualImages() throws IOException {
		MrcWriter w = new MrcWriter();
		w.mode = 6;
		w.nx = 5;
		w.ny = 4;
		w.nz = 6;
		write("20240101_00001_movie.mrc", w.build());
		Files.writeString(dir.resolve("20240101_00001_info.txt"), String.join("\n", "Camera Model = CeleritasXS",
				"Scan - Enable                  = Enable", "Scan - Type = Raster", "Scan - Size X = 3", "Scan - Size Y = 2",
				"Scan - Repeats = 1", "Scan - Point Repeat = 1", "Instrument Project Magnification = 1000",
				"Timestamp (seconds since Epoch) = 1695682755", "Scan - Dwell Time (microseconds) = 20.3", "no equals sign here", ""));
		MrcWriter v = new MrcWriter();
		v.nx = 3;
		v.ny = 2;
		v.nz = 1;
		write("20240101_00001_0_Virt #0_sum.mrc", v.build());
		write("20240101_00001_ext1_HAADF.mrc", v.build());
		try (DataFile f = new MrcLoader().open(dir.resolve("20240101_00001_movie.mrc"), Map.of())) {
			assertEquals(3, f.signals().size());
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 3, 4, 5 }, n.shape());
			assertEquals("diffraction", n.kind());
			assertEquals(List.of("scan_y", "scan_x", "ky", "kx"), n.axes().stream().map(a -> a.name()).toList());
			assertTrue(n.axes().get(0).navigate() && !n.axes().get(2).navigate());
			Dataset d = Arrays2.readAll(n);
			assertEquals(100 * 5 + 10 * 3 + 4, d.getInt(1, 2, 3, 4), "scan position (1, 2) is frame 5");
			Dataset part = n.source().read(new long[] { 0, 1, 1, 2 }, new int[] { 2, 2, 2, 2 });
			assertEquals(100 * 4 + 10 * 2 + 3, part.getInt(1, 0, 1, 1));
			assertEquals("CeleritasXS", n.metadata().get("acquisition.detector.name"));
			assertEquals("STEM", n.metadata().get("acquisition.instrument.acquisition_mode"));
			assertEquals(1000.0, MrcConformanceTest.q(n, "acquisition.instrument.magnification", ""), 0);
			assertEquals(2.03e-5, MrcConformanceTest.q(n, "acquisition.instrument.dwell_time", "s"), 1e-15);
			assertEquals("2023-09-25T22:59:15Z", n.metadata().get("general.date_time"));
			assertEquals("Enable", n.originalMetadata().at("de_info", "Scan - Enable"));
			assertEquals("20240101_00001_0_Virt #0_sum", f.signals().get(1).title());
			assertArrayEquals(new long[] { 2, 3 }, f.signals().get(1).shape());
			assertEquals("20240101_00001_ext1_HAADF", f.signals().get(2).title());
			assertTrue(f.warnings().stream().anyMatch(s -> s.contains(":11: not a 'key = value' line")), f.warnings().toString());
		}
	}

	@Test
	void directElectronCustomScanFromCoordinates() throws IOException {
		MrcWriter w = new MrcWriter();
		w.mode = 1;
		w.nx = 2;
		w.ny = 2;
		w.nz = 30;
		write("Custom_movie.mrc", w.build());
		Files.writeString(dir.resolve("Custom_info.txt"), "Scan - Enable = Enable\nScan - Type = Custom\n");
		StringBuilder csv = new StringBuilder();
		for (int rep = 0; rep < 2; rep++) {
			for (int x = 0; x <= 4; x += 2) {
				for (int y = 0; y < 5; y++) {
					csv.append(x).append(',').append(y).append('\n');
				}
			}
		}
		Files.writeString(dir.resolve("Custom_scan_coordinates.csv"), csv);
		try (DataFile f = new MrcLoader().open(dir.resolve("Custom_movie.mrc"), Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 5, 5, 2, 2, 2 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			// x = 2, y = 3 is the 9th line (frame 8) and, repeated, frame 23
			assertEquals(100 * 8 + 10 + 1, d.getInt(3, 2, 0, 1, 1));
			assertEquals(100 * 23 + 1, d.getInt(3, 2, 1, 0, 1));
			assertEquals(0, d.getInt(3, 1, 0, 1, 1), "x = 1 was never visited");
			assertEquals(List.of("scan_y", "scan_x", "visit", "ky", "kx"), n.axes().stream().map(a -> a.name()).toList());
		}
	}

	@Test
	void directElectronMovieIsATimeSeries() throws IOException {
		MrcWriter w = new MrcWriter();
		w.nz = 4;
		write("m_movie.mrc", w.build());
		Files.writeString(dir.resolve("m_info.txt"), "Frames Per Second = 100\nAutosave Movie Sum Count = 2\n"
				+ "Specimen Pixel Size X (nanometers) = 0.5\nSpecimen Pixel Size Y (nanometers) = 0.25\n"
				+ "Instrument Project Camera Length (centimeters) = 0\nInstrument Project TEMorSTEM Mode = 0\n");
		try (DataFile f = new MrcLoader().open(dir.resolve("m_movie.mrc"), Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 4, 3, 4 }, n.shape());
			MrcConformanceTest.assertAxis(n.axes().get(0), "time", "s", 4, 0.02, 0, true);
			MrcConformanceTest.assertAxis(n.axes().get(1), "y", "nm", 3, 0.25, 0, false);
			MrcConformanceTest.assertAxis(n.axes().get(2), "x", "nm", 4, 0.5, 0, false);
			assertEquals("image-stack", n.kind());
			assertEquals("TEM", n.metadata().get("acquisition.instrument.acquisition_mode"));
			assertEquals(null, n.metadata().get("acquisition.instrument.camera_length"), "0 cm means imaging, not a setting");
		}
	}

	@Test
	void navigationShapeOption() throws IOException {
		MrcWriter w = new MrcWriter();
		w.nz = 6;
		Path p = write("scan.mrc", w.build());
		try (DataFile f = new MrcLoader().open(p, Map.of("navigation_shape", "2,3"))) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 3, 3, 4 }, n.shape());
			assertEquals(100 * 4 + 12, Arrays2.readAll(n).getFloat(1, 1, 1, 2), 0);
		}
		try (DataFile f = new MrcLoader().open(p, Map.of("navigation_shape", List.of(6)))) {
			assertArrayEquals(new long[] { 6, 3, 4 }, f.signals().get(0).shape());
		}
		InvalidRequestException e = assertThrows(InvalidRequestException.class,
				() -> new MrcLoader().open(p, Map.of("navigation_shape", new int[] { 4, 2 })));
		assertTrue(e.getMessage().contains("multiplies to 8 but the file holds 6 frames"), e.getMessage());
	}

	@Test
	void truncatedDataFailsAtOpenWithTheOffset() throws IOException {
		MrcWriter w = new MrcWriter();
		byte[] b = w.build();
		Path p = write("short.mrc", java.util.Arrays.copyOf(b, b.length - 1));
		FormatException e = assertThrows(FormatException.class, () -> new MrcLoader().open(p, Map.of()));
		assertTrue(e.getMessage().startsWith(p + ": MRC data at 0x400: "), e.getMessage());
		// a header claiming 2^24 sections of 2^24 rows is rejected before anything is allocated
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1 << 24).putInt(8, 1 << 24);
		Path q = write("huge.mrc", b);
		assertThrows(FormatException.class, () -> new MrcLoader().open(q, Map.of()));
	}

	@Test
	void probeWithoutMapStampNeedsAnExactSize() throws IOException {
		MrcWriter w = new MrcWriter();
		w.mapStamp = false;
		byte[] b = w.build();
		MrcLoader loader = new MrcLoader();
		try (FileProbe p = FileProbe.of(write("old.mrc", b))) {
			assertEquals(FileLoader.SPECIFIC - 5, loader.probe(p));
		}
		try (FileProbe p = FileProbe.of(write("old.bin", b))) {
			assertEquals(FileLoader.GENERIC + 10, loader.probe(p));
		}
		try (FileProbe p = FileProbe.of(write("noise.bin", new byte[2048]))) {
			assertEquals(0, loader.probe(p));
		}
	}
}
