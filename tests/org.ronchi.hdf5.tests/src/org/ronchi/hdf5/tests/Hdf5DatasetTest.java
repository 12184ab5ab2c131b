package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Reference;
import org.ronchi.hdf5.Hdf5Dataset;
import org.ronchi.hdf5.Hdf5Exception;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;

/**
 * What format readers get below the core model: datasets as stored (element type, chunks, filters,
 * chunk bytes, record sequences) and object identities, on files the writer makes.
 */
class Hdf5DatasetTest {
	private static final Datatype.Compound RECORD = new Datatype.Compound(16, List.of(
			new Datatype.Member("qx", 0, new Datatype.FloatingPoint(8)),
			new Datatype.Member("h", 8, new Datatype.FixedPoint(2, false)),
			new Datatype.Member("k", 12, new Datatype.FixedPoint(4, true))));

	@TempDir
	Path dir;

	/** Column 0 of (rows, 2) uint16 holds 3 r, column 1 holds 3 r + 1; chunks of (5, 1). */
	private static short value(int row, int column) {
		return (short) (3 * row + column);
	}

	private Path write(boolean deflate) {
		Path f = dir.resolve(deflate ? "deflated.h5" : "raw.h5");
		int rows = 12;
		ByteBuffer all = ByteBuffer.allocate(rows * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int r = 0; r < rows; r++) {
			all.putShort(value(r, 0)).putShort(value(r, 1));
		}
		all.flip();
		Hdf5Writer.write(f, root -> {
			DatasetOptions o = deflate ? DatasetOptions.chunked(5, 1).deflate(4) : DatasetOptions.chunked(5, 1);
			WDataset columns = root.dataset("columns", DType.UINT16, new long[] { rows, 2 }, o);
			for (int r = 0; r < rows; r += 5) {
				for (int c = 0; c < 2; c++) {
					ByteBuffer chunk = ByteBuffer.allocate(5 * 2).order(ByteOrder.LITTLE_ENDIAN);
					for (int i = 0; i < 5; i++) {
						chunk.putShort(r + i < rows ? value(r + i, c) : 0);
					}
					columns.writeChunk(new long[] { r, c }, chunk.flip());
				}
			}
			root.dataset("plain", new double[] { 1, 2, 3 });
			root.dataset("complex", DType.COMPLEX64, new long[] { 2 }, DatasetOptions.contiguous()).write(ByteBuffer.allocate(16));
			List<Object> cells = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				cells.add(records(i));
			}
			root.dataset("cells", Value.sequences(RECORD, new long[] { 2, 3 }, cells));
		});
		return f;
	}

	/** Cell i: i records, qx = i + n / 4, h = 65535 - n (unsigned, beyond a short), k = -n. */
	private static ByteBuffer records(int i) {
		ByteBuffer b = ByteBuffer.allocate(i * RECORD.size()).order(ByteOrder.LITTLE_ENDIAN);
		for (int n = 0; n < i; n++) {
			b.putDouble(n * 16, i + n / 4.0).putShort(n * 16 + 8, (short) (65535 - n)).putInt(n * 16 + 12, -n);
		}
		return b;
	}

	@Test
	void chunksReadAsStoredWithAndWithoutFilters() {
		for (boolean deflate : new boolean[] { false, true }) {
			try (Hdf5File h = Hdf5File.open(write(deflate))) {
				Hdf5Dataset d = h.dataset("/columns");
				assertEquals("/columns", d.path());
				assertArrayEquals(new int[] { 5, 1 }, d.chunkShape());
				assertEquals(deflate, d.isFiltered());
				assertEquals(ByteOrder.LITTLE_ENDIAN, d.byteOrder());
				assertEquals(new Datatype.FixedPoint(2, false), d.type());
				for (int r = 0; r < 12; r += 5) {
					for (int c = 0; c < 2; c++) {
						ByteBuffer chunk = d.chunk(r, c).order(d.byteOrder());
						assertEquals(10, chunk.remaining(), "the whole chunk, also at the end");
						for (int i = 0; i < 5 && r + i < 12; i++) {
							assertEquals(value(r + i, c), chunk.getShort(chunk.position() + 2 * i), "row " + (r + i) + " column " + c);
						}
					}
				}
			}
		}
	}

	@Test
	void typesAsTheWriterDescribesThem() {
		try (Hdf5File h = Hdf5File.open(write(false))) {
			Hdf5Dataset plain = h.dataset("/plain");
			assertNull(plain.chunkShape());
			assertFalse(plain.isFiltered());
			assertEquals(new Datatype.FloatingPoint(8), plain.type());
			assertThrows(Hdf5Exception.class, () -> plain.chunk(0));
			assertEquals(Datatype.of(DType.COMPLEX64), h.dataset("/complex").type());
			assertEquals(new Datatype.VlenSequence(RECORD), h.dataset("/cells").type());
		}
	}

	@Test
	void recordSequencesComeCellByCellInCOrder() {
		try (Hdf5File h = Hdf5File.open(write(false))) {
			List<Map<String, Object>> cells = h.dataset("/cells").readRecordSequences();
			assertEquals(6, cells.size());
			for (int i = 0; i < 6; i++) {
				Map<String, Object> cell = cells.get(i);
				assertEquals(List.of("qx", "h", "k"), List.copyOf(cell.keySet()), "record order");
				for (int n = 0; n < i; n++) {
					assertEquals(i + n / 4.0, ((Number) java.lang.reflect.Array.get(cell.get("qx"), n)).doubleValue());
					assertEquals(65535 - n, ((Number) java.lang.reflect.Array.get(cell.get("h"), n)).longValue(), "unsigned kept");
					assertEquals(-n, ((Number) java.lang.reflect.Array.get(cell.get("k"), n)).longValue());
				}
			}
			Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> h.dataset("/plain").readRecordSequences());
			assertTrue(e.getMessage().contains("/plain: does not hold variable-length sequences of records"), e.getMessage());
		}
	}

	@Test
	void addressesIdentifyObjectsAcrossHardLinks() {
		Path f = dir.resolve("links.h5");
		Hdf5Writer.write(f, root -> {
			WGroup shared = root.group("a").group("meta");
			shared.dataset("x", 1);
			root.group("b").hardLink("meta", shared);
			root.group("c").group("meta").dataset("x", 1);
			root.attribute("ref", Value.refs(shared));
		});
		try (Hdf5File h = Hdf5File.open(f)) {
			long a = h.address("/a/meta");
			assertEquals(a, h.address("/b/meta"), "one object under two names");
			assertNotEquals(a, h.address("/c/meta"), "an equal but separate group");
			assertEquals(a, ((Reference) h.tree().attribute("ref")).address(), "what references hold");
			Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> h.address("/nothing"));
			assertTrue(e.getMessage().startsWith(f + ": /nothing: no such object"), e.getMessage());
			e = assertThrows(Hdf5Exception.class, () -> h.dataset("/a"));
			assertTrue(e.getMessage().endsWith("/a: is a group, not a dataset"), e.getMessage());
		}
	}

	/** The probe's head and size decide: the file is not read again to find the superblock. */
	@Test
	void forProbeJudgesFromWhatTheProbeRead() throws IOException {
		Path f = write(false);
		byte[] head = Arrays.copyOf(Files.readAllBytes(f), FileProbe.HEAD_SIZE);
		try (Hdf5File h = Hdf5File.forProbe(FileProbe.of(f, Files.size(f), head))) {
			assertNotNull(h);
			assertEquals(1, h.dataset("/columns").chunkShape()[1]);
		}
		assertNull(Hdf5File.forProbe(FileProbe.of(f, Files.size(f) - 1, head)), "a size short of the superblock's end: truncated");
		assertNull(Hdf5File.forProbe(FileProbe.of(f, Files.size(f), new byte[FileProbe.HEAD_SIZE])), "no signature in the head");
	}
}
