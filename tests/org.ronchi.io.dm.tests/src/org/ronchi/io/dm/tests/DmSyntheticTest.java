package org.ronchi.io.dm.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ronchi.io.dm.tests.DmWriter.array;
import static org.ronchi.io.dm.tests.DmWriter.f64;
import static org.ronchi.io.dm.tests.DmWriter.group;
import static org.ronchi.io.dm.tests.DmWriter.image;
import static org.ronchi.io.dm.tests.DmWriter.list;
import static org.ronchi.io.dm.tests.DmWriter.structArray;
import static org.ronchi.io.dm.tests.DmWriter.text;
import static org.ronchi.io.dm.tests.DmWriter.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.Slice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.dm.DmFormatException;
import org.ronchi.io.dm.internal.DmLoader;
import org.ronchi.io.dm.tests.DmWriter.Group;
import org.ronchi.io.dm.tests.DmWriter.Tag;
import org.ronchi.io.dm.tests.DmWriter.Value;
import org.ronchi.tests.support.TestData;

/** Files written by {@link DmWriter}: every stored type in both versions and byte orders, layouts, FFTs, errors. */
class DmSyntheticTest {
	private final Path dir = TestData.tempDir("dm-synthetic");

	@AfterEach
	void cleanUp() throws IOException {
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				Files.delete(p);
			}
		}
		Files.delete(dir);
	}

	private Path write(String name, int version, ByteOrder order, Tag... images) throws IOException {
		return write(name, version, order, List.of(), images);
	}

	private Path write(String name, int version, ByteOrder order, List<Tag> extra, Tag... images) throws IOException {
		List<Tag> top = new ArrayList<>(extra);
		top.add(list("ImageList", images));
		Path f = dir.resolve(name);
		DmWriter.write(f, version, order, new Group("", top));
		return f;
	}

	/** Six values per type: 1..5 and one that tests sign, width or byte order. */
	static double value(int code, int i) {
		if (i < 5) {
			return i + 1;
		}
		return switch (code) {
		case 6, 23 -> 255;
		case 10 -> 65535;
		case 11 -> 4294967295.0;
		case 2, 3, 12, 13 -> -2.5;
		case 14 -> 1;
		default -> -7;
		};
	}

	static Value data(int code, int n) {
		return switch (code) {
		case 1 -> array("Data", 2, 2, n, (b, i) -> b.putShort((short) value(code, i)));
		case 2 -> array("Data", 6, 4, n, (b, i) -> b.putFloat((float) value(code, i)));
		case 3 -> structArray("Data", 6, 2, 4, n, (b, i) -> b.putFloat((float) value(code, i)).putFloat(0));
		case 6 -> array("Data", 10, 1, n, (b, i) -> b.put((byte) value(code, i)));
		case 7 -> array("Data", 3, 4, n, (b, i) -> b.putInt((int) value(code, i)));
		case 9 -> array("Data", 9, 1, n, (b, i) -> b.put((byte) value(code, i)));
		case 10 -> array("Data", 4, 2, n, (b, i) -> b.putShort((short) value(code, i)));
		case 11 -> array("Data", 5, 4, n, (b, i) -> b.putInt((int) (long) value(code, i)));
		case 12 -> array("Data", 7, 8, n, (b, i) -> b.putDouble(value(code, i)));
		case 13 -> structArray("Data", 7, 2, 8, n, (b, i) -> b.putDouble(value(code, i)).putDouble(0));
		case 14 -> array("Data", 8, 1, n, (b, i) -> b.put((byte) 1));
		case 23 -> array("Data", 3, 4, n, (b, i) -> {
			int v = (int) value(code, i);
			b.putInt(v | v << 8 | v << 16); // B, G, R from the low byte; A = 0
		});
		default -> throw new IllegalArgumentException("" + code);
		};
	}

	static List<Arguments> typeCases() {
		List<Arguments> out = new ArrayList<>();
		for (int code : new int[] { 1, 2, 3, 6, 7, 9, 10, 11, 12, 13, 14, 23 }) {
			out.add(Arguments.of(code, 3, ByteOrder.BIG_ENDIAN));
			out.add(Arguments.of(code, 4, ByteOrder.LITTLE_ENDIAN));
			out.add(Arguments.of(code, 4, ByteOrder.BIG_ENDIAN));
		}
		return out;
	}

	@ParameterizedTest(name = "type {0}, DM{1}, {2}")
	@MethodSource("typeCases")
	void everyStoredTypeInBothVersionsAndByteOrders(int code, int version, ByteOrder order) throws IOException {
		Path f = write("t.dm" + version, version, order, image("t", code, new long[] { 3, 2 }, null, null, data(code, 6)));
		try (DataFile file = Values.open(f)) {
			ArrayNode s = file.signals().get(0);
			assertArrayEquals(new long[] { 2, 3 }, s.shape());
			Dataset d = Values.readAll(s);
			for (int i = 0; i < 6; i++) {
				double v = value(code, i);
				double[] want = switch (s.dtype()) {
				case RGBA8 -> new double[] { v, v, v, 0 };
				case COMPLEX64, COMPLEX128 -> new double[] { v, 0 };
				case BOOL -> new double[] { 1 };
				default -> new double[] { v };
				};
				assertArrayEquals(want, Values.element(d, i), "element " + i);
			}
		}
	}

	@Test
	void spectrumImageMovesTheSpectrumLast() throws IOException {
		// DM dimensions x = 3, y = 2, E = 5; stored C order (E, y, x); value 100 e + 10 y + x
		Value data = array("Data", 6, 4, 30, (b, i) -> b.putFloat(100 * (i / 6) + 10 * (i / 3 % 2) + i % 3));
		Path f = write("si.dm4", 4, ByteOrder.LITTLE_ENDIAN, image("SI", 2, new long[] { 3, 2, 5 },
				new double[][] { { 0, 2 }, { 1, 2 }, { -50, 0.5 } }, new String[] { "nm", "nm", "eV" }, data,
				group("Meta Data", text("Format", "Spectrum image"), text("Signal", "EELS"))));
		try (DataFile file = Values.open(f)) {
			ArrayNode s = file.signals().get(0);
			assertArrayEquals(new long[] { 2, 3, 5 }, s.shape());
			assertEquals(List.of("y", "x", "Energy loss"), s.axes().stream().map(Axis::name).toList());
			assertEquals(List.of(true, true, false), s.axes().stream().map(Axis::navigate).toList());
			assertEquals(25.0, s.axes().get(2).offset(), 1e-6);
			assertEquals(-2.0, s.axes().get(0).offset(), 1e-6);
			assertEquals("spectrum-image", s.kind());
			Dataset d = Values.readAll(s);
			for (int y = 0; y < 2; y++) {
				for (int x = 0; x < 3; x++) {
					for (int e = 0; e < 5; e++) {
						assertEquals(100 * e + 10 * y + x, d.getDouble(y, x, e));
					}
				}
			}
			Dataset box = s.source().read(new long[] { 1, 1, 2 }, new int[] { 1, 2, 3 });
			assertEquals(211.0, box.getDouble(0, 0, 0)); // y 1, x 1, e 2
			assertEquals(411.0, box.getDouble(0, 0, 2));
			assertEquals(312.0, box.getDouble(0, 1, 1));
		}
	}

	@Test
	void sizeOneAxesAreDroppedAsHyperSpySqueezes() throws IOException {
		Value data = array("Data", 6, 4, 4, (b, i) -> b.putFloat(i));
		Path f = write("s.dm3", 3, ByteOrder.LITTLE_ENDIAN, image("spectrum", 2, new long[] { 4, 1 },
				new double[][] { { 0, 0.5 }, { 0, 1 } }, new String[] { "eV", "" }, data,
				group("Meta Data", text("Format", "Spectrum"), text("Signal", "EELS"))));
		try (DataFile file = Values.open(f)) {
			ArrayNode s = file.signals().get(0);
			assertArrayEquals(new long[] { 4 }, s.shape());
			assertEquals("Energy loss", s.axes().get(0).name());
			assertEquals(3.0, Values.readAll(s).getDouble(3));
		}
	}

	@Test
	void fourDimensionalStemIsReadLazilyBeyondTwoGigaElements() throws Exception {
		long bytes = 1L << 32; // 256^4 uint8: 4 GiB left as a hole, so the file is sparse
		Value data = DmWriter.hole("Data", new long[] { 20, 10, bytes }, bytes);
		Path f = write("4d.dm4", 4, ByteOrder.LITTLE_ENDIAN, image("4D", 6, new long[] { 256, 256, 256, 256 },
				new double[][] { { 128, 0.1 }, { 128, 0.1 }, { 0, 2 }, { 0, 2 } }, new String[] { "1/nm", "1/nm", "nm", "nm" },
				data));
		long t0 = System.nanoTime();
		try (DataFile file = Values.open(f)) {
			assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "opening must not touch the data");
			ArrayNode s = file.signals().get(0);
			assertArrayEquals(new long[] { 256, 256, 256, 256 }, s.shape());
			assertEquals(1L << 32, s.size());
			assertEquals(List.of(true, true, false, false), s.axes().stream().map(Axis::navigate).toList());
			assertEquals("diffraction", s.kind());
			long offset = (Long) s.attribute("dm_data_offset");
			try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
				for (int ky = 0; ky < 3; ky++) { // frame (ry 255, rx 254), pixels ky 10..12, kx 20..22 = 1..9
					byte[] row = { (byte) (3 * ky + 1), (byte) (3 * ky + 2), (byte) (3 * ky + 3) };
					ch.write(ByteBuffer.wrap(row), offset + (255L * 256 + 254) * 65536 + (10 + ky) * 256L + 20);
				}
				ch.write(ByteBuffer.wrap(new byte[] { (byte) 200 }), offset + bytes - 1);
			}
			Dataset frame = s.source().read(new long[] { 255, 254, 10, 20 }, new int[] { 1, 1, 3, 3 });
			for (int i = 0; i < 9; i++) {
				assertEquals(i + 1, frame.getElementDoubleAbs(i));
			}
			assertEquals(200, s.source().read(new long[] { 255, 255, 255, 255 }, new int[] { 1, 1, 1, 1 }).getElementDoubleAbs(0));
			var lazyFrame = s.lazy().getSlice(new Slice(255, 256), new Slice(254, 255), new Slice(10, 13), new Slice(20, 23));
			assertEquals(9, lazyFrame.getInt(0, 0, 2, 2), "January's lazy slicing of a 2^32-element array");
			Dataset virtual = s.source().read(new long[] { 254, 253, 11, 21 }, new int[] { 2, 2, 1, 1 });
			assertEquals(5, virtual.getDouble(1, 1, 0, 0));
			assertEquals(0, virtual.getDouble(0, 0, 0, 0));
			assertThrows(RonchiException.class, () -> s.source().read(new long[] { 0, 0, 0, 0 }, new int[] { 256, 256, 256, 256 }));
		}
	}

	@Test
	void packedHalfFftsAreUnpackedAsRosettaSciIODoes() throws IOException {
		for (int code : new int[] { 27, 28 }) {
			// nx = 6, ny = 3: rows of 4 packed values p[y][k] = (10 y + k + 1) + i (100 y + k)
			Value data = code == 27
					? structArray("Data", 6, 2, 4, 12, (b, i) -> b.putFloat(10 * (i / 4) + i % 4 + 1).putFloat(100 * (i / 4) + i % 4))
					: structArray("Data", 7, 2, 8, 12, (b, i) -> b.putDouble(10 * (i / 4) + i % 4 + 1).putDouble(100 * (i / 4) + i % 4));
			Path f = write("fft" + code + ".dm4", 4, ByteOrder.LITTLE_ENDIAN, image("FFT", code, new long[] { 6, 3 }, null, null, data));
			try (DataFile file = Values.open(f)) {
				ArrayNode s = file.signals().get(0);
				assertEquals(code == 27 ? DType.COMPLEX64 : DType.COMPLEX128, s.dtype());
				assertArrayEquals(new long[] { 3, 6 }, s.shape());
				assertEquals("complex-image", s.kind());
				Dataset d = Values.readAll(s);
				for (int y = 0; y < 3; y++) {
					// [p3, p2, p1, p0, conj(p1), conj(p2)]
					int[] k = { 3, 2, 1, 0, 1, 2 };
					for (int x = 0; x < 6; x++) {
						double re = 10 * y + k[x] + 1;
						double im = (x < 4 ? 1 : -1) * (100 * y + k[x]);
						assertArrayEquals(new double[] { re, im }, Values.element(d, 6 * y + x), "type " + code + " [" + y + "][" + x + "]");
					}
				}
				Dataset box = s.source().read(new long[] { 1, 3 }, new int[] { 2, 2 });
				assertArrayEquals(new double[] { 11, 100 }, Values.element(box, 0));
				assertArrayEquals(new double[] { 12, -101 }, Values.element(box, 1));
				assertArrayEquals(new double[] { 22, -201 }, Values.element(box, 3));
			}
		}
	}

	@Test
	void packedSquareFftIsUnpackedToAConjugateSymmetricImage() throws IOException {
		int n = 2; // a 4 x 4 image from 16 floats t = 1..16
		Value data = array("Data", 6, 4, 16, (b, i) -> b.putFloat(i + 1));
		Path f = write("fft5.dm3", 3, ByteOrder.BIG_ENDIAN, image("FFT", 5, new long[] { 4, 4 }, null, null, data));
		try (DataFile file = Values.open(f)) {
			ArrayNode s = file.signals().get(0);
			assertEquals(DType.COMPLEX64, s.dtype());
			Dataset d = Values.readAll(s);
			double[][][] a = new double[4][4][];
			for (int i = 0; i < 16; i++) {
				a[i / 4][i % 4] = Values.element(d, i);
			}
			for (int i = 0; i < 4; i++) {
				for (int j = 0; j < 4; j++) {
					double[] mirror = a[(4 - i) % 4][(4 - j) % 4];
					assertArrayEquals(new double[] { mirror[0], -mirror[1] }, a[i][j], 1e-12, "conjugate symmetry at " + i + "," + j);
				}
			}
			double[] t = new double[17];
			for (int i = 1; i <= 16; i++) {
				t[i - 1] = i;
			}
			assertArrayEquals(new double[] { t[0], 0 }, a[n][0]);
			assertArrayEquals(new double[] { t[1], 0 }, a[0][0]);
			assertArrayEquals(new double[] { t[2 * n * n], 0 }, a[n][n]);
			assertArrayEquals(new double[] { t[2 * n * n + 1], 0 }, a[0][n]);
			assertArrayEquals(new double[] { t[2], t[3] }, a[0][n + 1]);
			assertArrayEquals(new double[] { t[2 * n], t[2 * n + 1] }, a[n + 1][0]);
			assertArrayEquals(new double[] { t[2 * n * n + 2], t[2 * n * n + 3] }, a[n][n + 1]);
			assertArrayEquals(new double[] { t[2 * n * n + 2 * n], t[2 * n * n + 2 * n + 1] }, a[n + 1][n]);
			assertArrayEquals(new double[] { t[2 * n * n + 2 * n + 2], t[2 * n * n + 2 * n + 3] }, a[n + 1][n + 1]);
		}
	}

	@Test
	void thumbnailsAreSkippedAndSignalsKeepFileOrder() throws IOException {
		Group thumbnail = image("Image Of HAADF", 23, new long[] { 2, 2 }, null, null, data(23, 4));
		Group first = image("HAADF", 1, new long[] { 2, 2 }, null, null, data(1, 4));
		Group plot = image("HAADF", 2, new long[] { 6 }, null, null, data(2, 6));
		Tag thumbnails = list("Thumbnails", group("", u32("ImageIndex", 0)));
		Path f = write("multi.dm3", 3, ByteOrder.LITTLE_ENDIAN, List.of(thumbnails), thumbnail, first, plot);
		try (DataFile file = Values.open(f)) {
			assertEquals(2, file.signals().size());
			assertEquals(List.of("HAADF", "HAADF (2)"), file.signals().stream().map(ArrayNode::name).toList());
			assertEquals("image", file.signals().get(0).kind());
			assertEquals("spectrum", file.signals().get(1).kind());
			assertSame(file.signals().get(1), file.find("/HAADF (2)"));
			assertEquals(Set.of("2"), ((MetadataTree) file.signals().get(1).originalMetadata().child("ImageList")).keys());
			assertEquals(3, ((MetadataTree) file.originalMetadata().child("ImageList")).size());
			assertEquals("HAADF", file.signals().get(1).metadata().get("general.title"));
		}
	}

	@Test
	void stackBuilderStacksUseTheirSourceTags() throws IOException {
		Tag source = group("source", group("Tags at creation",
				group("Microscope Info", f64("Voltage", 200000), text("Illumination Mode", "STEM"), f64("STEM Camera Length", 15),
						f64("Indicated Magnification", 200000)),
				group("DataBar", text("Acquisition Date", "5/17/2015"), text("Acquisition Time", "5:00:16 PM")),
				group("Session Info", text("Microscope", "JEM-ARM200F"), text("Specimen", "DWNC"), text("Operator", ""))));
		Path f = write("stack.dm3", 3, ByteOrder.LITTLE_ENDIAN, image("stackbuilder_test", 1, new long[] { 2, 2, 3 }, null, null, data(1, 12), source));
		try (DataFile file = Values.open(f)) {
			ArrayNode s = file.signals().get(0);
			assertEquals("image-stack", s.kind());
			MetadataTree m = s.metadata();
			assertEquals(200.0, Values.number(m, "acquisition.instrument.beam_energy", "kV"));
			assertEquals("STEM", m.get("acquisition.instrument.acquisition_mode"));
			assertEquals(15.0, Values.number(m, "acquisition.instrument.camera_length", "mm"));
			assertEquals(200000.0, Values.number(m, "acquisition.instrument.magnification", ""));
			assertEquals("JEM-ARM200F", m.get("acquisition.instrument.microscope"));
			assertEquals("DWNC", m.get("sample.description"));
			assertNull(m.get("general.authors"));
			assertEquals("2015-05-17T17:00:16", m.get("general.date_time"));
		}
	}

	@Test
	void temDiffractionTakesTheCameraLengthFromTheIndicatedMagnification() throws IOException {
		Tag diffraction = group("Microscope Info", text("Illumination Mode", "TEM"), text("Imaging Mode", "DIFFRACTION"),
				f64("Indicated Magnification", 320), f64("STEM Camera Length", 0));
		Tag imaging = group("Microscope Info", text("Illumination Mode", "TEM"), text("Imaging Mode", "IMAGING"),
				f64("Indicated Magnification", 51), f64("STEM Camera Length", 100));
		Path f = write("tem.dm4", 4, ByteOrder.LITTLE_ENDIAN, image("dp", 7, new long[] { 2, 2 }, null, null, data(7, 4), diffraction),
				image("img", 7, new long[] { 2, 2 }, null, null, data(7, 4), imaging));
		try (DataFile file = Values.open(f)) {
			MetadataTree dp = file.signals().get(0).metadata();
			assertEquals("diffraction", file.signals().get(0).kind());
			assertEquals(320.0, Values.number(dp, "acquisition.instrument.camera_length", "mm"));
			assertNull(dp.get("acquisition.instrument.magnification"));
			MetadataTree img = file.signals().get(1).metadata();
			assertEquals("image", file.signals().get(1).kind());
			assertEquals(51.0, Values.number(img, "acquisition.instrument.magnification", ""));
			assertNull(img.get("acquisition.instrument.camera_length"), "STEM Camera Length is stale in TEM");
		}
	}

	@Test
	void theOsClockDisambiguatesTheDataBarDate() throws IOException {
		double fileTime = Instant.parse("2020-11-04T13:41:01Z").getEpochSecond() * 1e7 + 116444736000000000.0;
		Tag bar = group("DataBar", text("Acquisition Date", "04/11/2020"), text("Acquisition Time", "14:41:01"),
				f64("Acquisition Time (OS)", fileTime));
		Path f = write("date.dm3", 3, ByteOrder.LITTLE_ENDIAN, image("d", 7, new long[] { 2 }, null, null, data(7, 2), bar));
		try (DataFile file = Values.open(f)) {
			assertEquals("2020-11-04T14:41:01", file.signals().get(0).metadata().get("general.date_time"));
		}
	}

	@Test
	void probeRecognisesDmByContent() throws IOException {
		FileLoader loader = new DmLoader();
		Path dm = write("x.dm4", 4, ByteOrder.LITTLE_ENDIAN, image("x", 7, new long[] { 2 }, null, null, data(7, 2)));
		Path renamed = dir.resolve("x.bin");
		Files.copy(dm, renamed);
		Path text = dir.resolve("text.dm3");
		Files.writeString(text, "this is not a DigitalMicrograph file at all, only text pretending to be one");
		try (FileProbe p1 = FileProbe.of(dm); FileProbe p2 = FileProbe.of(renamed); FileProbe p3 = FileProbe.of(text)) {
			assertEquals(FileLoader.SPECIFIC, loader.probe(p1));
			assertEquals(FileLoader.SPECIFIC, loader.probe(p2), "content decides, not the name");
			assertEquals(0, loader.probe(p3));
		}
		byte[] head = Files.readAllBytes(dm);
		for (int n = 0; n < 40; n++) {
			loader.probe(FileProbe.of(dm, head.length, java.util.Arrays.copyOf(head, n))); // must not throw
		}
		head[3] = 5;
		assertEquals(0, loader.probe(FileProbe.of(dm, head.length, head)));
	}

	@Test
	void badFilesGiveOneLineErrorsWithPlaceAndOffset() throws IOException {
		String shortData = message(write("short.dm4", 4, ByteOrder.LITTLE_ENDIAN,
				image("s", 1, new long[] { 4, 4 }, null, null, data(1, 4))));
		assertTrue(shortData.contains("ImageList/0/ImageData") && shortData.contains("needs 32"), shortData);

		String type4 = message(write("type4.dm3", 3, ByteOrder.LITTLE_ENDIAN, image("s", 4, new long[] { 2 }, null, null, data(1, 2))));
		assertTrue(type4.contains("unsupported image data type: 4"), type4);

		Path good = write("good.dm3", 3, ByteOrder.LITTLE_ENDIAN, image("s", 7, new long[] { 64 }, null, null, data(7, 64)));
		byte[] bytes = Files.readAllBytes(good);
		Path truncated = dir.resolve("truncated.dm3");
		Files.write(truncated, java.util.Arrays.copyOf(bytes, indexOf(bytes, "Data%%%%".getBytes()) + 100));
		String cut = message(truncated);
		assertTrue(cut.contains("tag 'ImageList/0/ImageData/Data' value (int32[64]) at 0x") && cut.contains("remain"), cut);

		byte[] version = bytes.clone();
		version[3] = 5;
		Path v5 = dir.resolve("v5.dm3");
		Files.write(v5, version);
		assertTrue(message(v5).contains("unsupported DM version: 5"));

		byte[] delimiter = bytes.clone();
		int at = indexOf(delimiter, "%%%%".getBytes());
		delimiter[at + 1] = '#';
		Path bad = dir.resolve("delimiter.dm3");
		Files.write(bad, delimiter);
		assertTrue(message(bad).contains("expected the delimiter '%%%%'"), message(bad));

		Path dm4 = write("size.dm4", 4, ByteOrder.LITTLE_ENDIAN, image("s", 7, new long[] { 2 }, null, null, data(7, 2)));
		byte[] sized = Files.readAllBytes(dm4);
		int name = indexOf(sized, "DataType".getBytes());
		sized[name + 8 + 7] += 1; // the DM4 size field after the tag name
		Path badSize = dir.resolve("badsize.dm4");
		Files.write(badSize, sized);
		assertTrue(message(badSize).contains("size field says"), message(badSize));
	}

	@Test
	void readingAfterCloseIsAClearError() throws IOException {
		Path f = write("c.dm3", 3, ByteOrder.LITTLE_ENDIAN, image("c", 7, new long[] { 2 }, null, null, data(7, 2)));
		DataFile file = Values.open(f);
		ArrayNode s = file.signals().get(0);
		file.close();
		RonchiException e = assertThrows(RonchiException.class, () -> Values.readAll(s));
		assertTrue(e.getMessage().contains("closed"), e.getMessage());
	}

	private static String message(Path f) {
		DmFormatException e = assertThrows(DmFormatException.class, () -> Values.open(f).close());
		String m = e.getMessage();
		assertTrue(m.startsWith(f.toString()), m);
		assertEquals(1, m.lines().count(), m);
		return m;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found: " + new String(needle));
	}
}
