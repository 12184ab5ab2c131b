package org.ronchi.io.merlin.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.merlin.MerlinException;
import org.ronchi.io.merlin.internal.MerlinLoader;

/** Every pixel mode, layout and file arrangement, written by {@link MibWriter} and read back. */
class MerlinSyntheticTest {
	@TempDir
	Path dir;

	static Stream<Arguments> modes() {
		return Stream.of(
				// rows, columns, quad, depth, raw, dtype shown
				Arguments.of(24, 40, false, 1, false, DType.UINT8), Arguments.of(24, 40, false, 6, false, DType.UINT8),
				Arguments.of(24, 40, false, 12, false, DType.UINT16), Arguments.of(24, 40, false, 24, false, DType.UINT32),
				Arguments.of(64, 64, true, 12, false, DType.UINT16), Arguments.of(16, 64, false, 1, true, DType.UINT8),
				Arguments.of(16, 64, false, 6, true, DType.UINT8), Arguments.of(16, 64, false, 12, true, DType.UINT16),
				Arguments.of(16, 64, false, 24, true, DType.UINT32), Arguments.of(128, 128, true, 1, true, DType.UINT8),
				Arguments.of(32, 32, true, 6, true, DType.UINT8), Arguments.of(32, 32, true, 12, true, DType.UINT16),
				Arguments.of(32, 32, true, 24, true, DType.UINT32));
	}

	@ParameterizedTest
	@MethodSource("modes")
	void everyModeReadsBackItsValues(int rows, int columns, boolean quad, int depth, boolean raw, DType dtype) throws IOException {
		MibWriter w = new MibWriter(rows, columns, quad, depth, raw);
		Path f = dir.resolve("m.mib");
		w.write(f, 0, 5, 1);
		try (DataFile df = new MerlinLoader().open(f, Map.of("flip", "none"))) {
			ArrayNode n = df.signals().get(0);
			assertEquals(dtype, n.dtype());
			assertArrayEquals(new long[] { 5, rows, columns }, n.shape());
			Dataset d = n.source().read(new long[] { 0, 0, 0 }, new int[] { 5, rows, columns });
			for (int k = 0; k < 5; k++) {
				int[] expected = w.frame(k);
				for (int i = 0; i < expected.length; i++) {
					assertEquals(expected[i], d.getLong(k, i / columns, i % columns), "frame " + k + " pixel " + i);
				}
			}
		}
		// by default as RosettaSciIO shows frames: rows reversed
		try (DataFile df = new MerlinLoader().open(f, Map.of())) {
			Dataset d = df.signals().get(0).source().read(new long[] { 3, 0, 0 }, new int[] { 1, 1, columns });
			int[] expected = w.frame(3);
			for (int c = 0; c < columns; c++) {
				assertEquals(expected[(rows - 1) * columns + c], d.getLong(0, 0, c));
			}
		}
	}

	@Test
	void scanFromTheHdrAndFromTheTimeStamps() throws IOException {
		MibWriter w = new MibWriter(8, 8, false, 12, false);
		w.write(dir.resolve("a.mib"), 0, 12, 1);
		MibWriter.hdr(dir.resolve("a.hdr"), 12, 4, "");
		try (DataFile df = new MerlinLoader().open(dir.resolve("a.mib"), Map.of())) {
			assertArrayEquals(new long[] { 3, 4, 8, 8 }, df.signals().get(0).shape());
			assertFalse(df.warnings().stream().anyMatch(s -> s.contains("guess")), df.warnings().toString());
		}
		MibWriter.hdr(dir.resolve("a.hdr"), 12, 1, "ScanX:\t6\nScanY:\t2\n");
		try (DataFile df = new MerlinLoader().open(dir.resolve("a.hdr"), Map.of())) {
			assertArrayEquals(new long[] { 2, 6, 8, 8 }, df.signals().get(0).shape());
		}
		// no .hdr: the flyback after every 3 frames gives the rows, said to be a guess
		MibWriter t = new MibWriter(8, 8, false, 12, false);
		t.rowLength = 3;
		t.write(dir.resolve("b.mib"), 0, 12, 1);
		try (DataFile df = new MerlinLoader().open(dir.resolve("b.mib"), Map.of())) {
			assertArrayEquals(new long[] { 4, 3, 8, 8 }, df.signals().get(0).shape());
			assertTrue(df.warnings().stream().anyMatch(s -> s.contains("guess") && s.contains("flyback")), df.warnings().toString());
		}
		// evenly spaced frames and no .hdr: Scan's guess (a square)
		w.write(dir.resolve("c.mib"), 0, 16, 1);
		try (DataFile df = new MerlinLoader().open(dir.resolve("c.mib"), Map.of())) {
			assertArrayEquals(new long[] { 4, 4, 8, 8 }, df.signals().get(0).shape());
		}
	}

	@Test
	void numberedFilesAreOneAcquisitionInSequenceOrder() throws IOException {
		MibWriter w = new MibWriter(8, 16, false, 6, false);
		// names sort otherwise than the sequence: scan_10 holds the first frames
		w.write(dir.resolve("scan_10.mib"), 0, 4, 1);
		w.write(dir.resolve("scan_2.mib"), 4, 4, 5);
		w.write(dir.resolve("scan_30.mib"), 8, 3, 9);
		w.write(dir.resolve("scan_4.mib"), 0, 2, 1); // another acquisition named alike
		MibWriter.hdr(dir.resolve("scan.hdr"), 11, 1, "");
		for (String opened : List.of("scan_2.mib", "scan_30.mib", "scan.hdr")) {
			try (DataFile df = new MerlinLoader().open(dir.resolve(opened), Map.of("flip", "none"))) {
				ArrayNode n = df.signals().get(0);
				assertArrayEquals(new long[] { 11, 8, 16 }, n.shape(), opened);
				assertEquals(List.of("scan_10.mib", "scan_2.mib", "scan_30.mib"), n.originalMetadata().get("files"), opened);
				Dataset d = n.source().read(new long[] { 0, 0, 0 }, new int[] { 11, 8, 16 });
				for (int k = 0; k < 11; k++) {
					assertEquals(w.frame(k)[37], d.getInt(k, 37 / 16, 37 % 16), opened + " frame " + k);
				}
			}
		}
		try (DataFile df = new MerlinLoader().open(dir.resolve("scan_4.mib"), Map.of())) {
			assertArrayEquals(new long[] { 2, 8, 16 }, df.signals().get(0).shape());
		}
	}

	@Test
	void truncatedLastFrameIsOneLineNamingTheFrame() throws IOException {
		MibWriter w = new MibWriter(8, 8, false, 12, false);
		Path f = dir.resolve("cut.mib");
		w.write(f, 0, 3, 1);
		try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
			ch.truncate(Files.size(f) - 10);
		}
		MerlinException e = assertThrows(MerlinException.class, () -> new MerlinLoader().open(f, Map.of()));
		assertTrue(e.getMessage().contains("cut.mib") && e.getMessage().contains("frame 2") && e.getMessage().contains("last_frame=2"), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
		try (DataFile df = new MerlinLoader().open(f, Map.of("last_frame", 2))) {
			assertArrayEquals(new long[] { 2, 8, 8 }, df.signals().get(0).shape());
		}
	}

	@Test
	void headerFieldsOutOfRangeAreNamed() throws IOException {
		byte[] good = new MibWriter(8, 8, false, 12, false).header(1, 0);
		assertHeaderError(good, ",0008,0008,", ",0000,0008,", "width");
		assertHeaderError(good, ",U16,", ",F32,", "unsupported pixel type: F32");
		assertHeaderError(good, "ns,12,", "ns,13,", "counter depth 13");
		assertHeaderError(good, "MQ1,000001,00384", "MQ1,000001,0x384", "header size");
		assertHeaderError(good, "MQ1,", "MQ2,", "does not start with MQ1");
	}

	private void assertHeaderError(byte[] header, String from, String to, String expected) throws IOException {
		String text = new String(header, StandardCharsets.ISO_8859_1);
		assertTrue(text.contains(from), text);
		byte[] changed = text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
		Path f = dir.resolve("bad.mib");
		byte[] file = new byte[384 + 128];
		System.arraycopy(changed, 0, file, 0, 384);
		Files.write(f, file);
		MerlinException e = assertThrows(MerlinException.class, () -> new MerlinLoader().open(f, Map.of()));
		assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("bad.mib") && e.getMessage().contains("frame header 0"), e.getMessage());
	}

	@Test
	void framesThatChangeSizeAreRefused() throws IOException {
		Path f = dir.resolve("mixed.mib");
		MibWriter a = new MibWriter(8, 8, false, 12, false);
		MibWriter b = new MibWriter(8, 8, false, 6, false);
		a.write(f, 0, 2, 1);
		byte[] more = new byte[384 + 64];
		System.arraycopy(b.header(3, 0), 0, more, 0, 384);
		Files.write(f, concat(Files.readAllBytes(f), more, new byte[2 * (384 + 128) - more.length]));
		MerlinException e = assertThrows(MerlinException.class, () -> new MerlinLoader().open(f, Map.of()));
		assertTrue(e.getMessage().contains("frame header 3"), e.getMessage());
	}

	@Test
	void missingFilesAreNamed() throws IOException {
		MibWriter.hdr(dir.resolve("lonely.hdr"), 4, 1, "");
		MerlinException e = assertThrows(MerlinException.class, () -> new MerlinLoader().open(dir.resolve("lonely.hdr"), Map.of()));
		assertTrue(e.getMessage().contains("lonely.hdr") && e.getMessage().contains("lonely.mib"), e.getMessage());
		new MibWriter(8, 8, false, 12, false).write(dir.resolve("x.mib"), 0, 2, 1);
		InvalidRequestException i = assertThrows(InvalidRequestException.class,
				() -> new MerlinLoader().open(dir.resolve("x.mib"), Map.of("hdr_file", dir.resolve("nowhere.hdr").toString())));
		assertTrue(i.getMessage().contains("hdr_file") && i.getMessage().contains("nowhere.hdr"), i.getMessage());
		// a broken .hdr found beside the data is only a warning: the frames describe themselves
		Files.writeString(dir.resolve("x.hdr"), "not a Merlin header");
		try (DataFile df = new MerlinLoader().open(dir.resolve("x.mib"), Map.of())) {
			assertArrayEquals(new long[] { 2, 8, 8 }, df.signals().get(0).shape());
			assertTrue(df.warnings().stream().anyMatch(s -> s.contains(".hdr") && s.contains("HDR,")), df.warnings().toString());
		}
	}

	private static byte[] concat(byte[]... parts) {
		int n = 0;
		for (byte[] p : parts) {
			n += p.length;
		}
		byte[] out = new byte[n];
		int at = 0;
		for (byte[] p : parts) {
			System.arraycopy(p, 0, out, at, p.length);
			at += p.length;
		}
		return out;
	}
}
