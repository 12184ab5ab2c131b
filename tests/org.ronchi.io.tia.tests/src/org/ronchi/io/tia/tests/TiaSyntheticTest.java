package org.ronchi.io.tia.tests;

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
import java.util.Map;

import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tia.internal.TiaLoader;
import org.ronchi.tests.support.TestData;

/** Synthetic SER/EMI files for what the real samples do not cover (they are all version 0x0210). */
class TiaSyntheticTest {
	private final Path dir = TestData.tempDir("tia");

	private DataFile open(String name, byte[] content) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, content);
		return new TiaLoader().open(p, Map.of());
	}

	@Test
	void newSeriesWith64BitOffsetsIsASpectrumImage() throws IOException {
		SerWriter w = new SerWriter();
		w.dim(3, 0, 2e-9, 0, "Position", "meters").dim(4, 1e-9, -1e-9, 1, "Position", "meters");
		w.total = 12;
		w.valid = 12;
		w.sizeX = 8;
		w.calX = new double[] { -5, 0.5, 0 };
		try (DataFile f = open("new_1.ser", w.build())) {
			assertEquals("0x0220", f.formatVersion());
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 4, 3, 8 }, n.shape());
			assertEquals(DType.FLOAT32, n.dtype());
			TiaConformanceTest.assertAxis(n.axes().get(0), "y", "nm", 4, -1.0, true);
			TiaConformanceTest.assertAxis(n.axes().get(1), "x", "nm", 3, 2.0, true);
			TiaConformanceTest.assertAxis(n.axes().get(2), "Energy", "eV", 8, 0.5, false);
			assertEquals(2.0, n.axes().get(0).offset(), 1e-9, "offset - element * delta");
			assertEquals(-5.0, n.axes().get(2).offset(), 1e-12);
			assertEquals("spectrum-image", n.kind());
			Dataset d = Arrays2.readAll(n);
			for (int j = 0; j < 4; j++) {
				for (int i = 0; i < 3; i++) {
					for (int c = 0; c < 8; c++) {
						assertEquals((j * 3 + i) * 1000 + c, d.getFloat(j, i, c), 0);
					}
				}
			}
			// no .emi: the date is the first tag's time, in UTC
			assertEquals("2016-02-21T16:53:06Z", n.metadata().get("general.date_time"));
		}
	}

	@Test
	void mapOfImagesStoppedEarlyReadsMissingElementsAsNaN() throws IOException {
		SerWriter w = new SerWriter();
		w.version = 0x0210;
		w.spectra = false;
		w.tagType = 0x4152;
		w.dataType = 8;
		w.dim(2, 0, 1e-9, 0, "Position", "meters").dim(3, 0, 1e-9, 0, "Position", "meters");
		w.total = 6;
		w.valid = 4;
		w.sizeX = 3;
		w.sizeY = 2;
		w.calX = new double[] { 0, 1e-10, 0 };
		w.calY = new double[] { 0, 2e-10, 0 };
		try (DataFile f = open("map_1.ser", w.build())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 3, 2, 2, 3 }, n.shape());
			assertEquals("diffraction", n.kind(), "images at scan positions");
			TiaConformanceTest.assertAxis(n.axes().get(2), "y", "nm", 2, 0.2, false);
			TiaConformanceTest.assertAxis(n.axes().get(3), "x", "nm", 3, 0.1, false);
			Dataset d = Arrays2.readAll(n);
			for (int e = 0; e < 6; e++) {
				for (int oy = 0; oy < 2; oy++) {
					for (int ox = 0; ox < 3; ox++) {
						double v = d.getDouble(e / 2, e % 2, oy, ox);
						if (e < 4) {
							// output row oy is stored as row 1 - oy (TIA writes the bottom row first)
							assertEquals(e * 1000 + (1 - oy) * 3 + ox, v, 0);
						} else {
							assertTrue(Double.isNaN(v));
						}
					}
				}
			}
			Dataset row = n.source().read(new long[] { 1, 0, 1, 1 }, new int[] { 1, 2, 1, 2 });
			assertEquals(2 * 1000 + 1, row.getDouble(0, 0, 0, 0), 0);
			assertEquals(3 * 1000 + 2, row.getDouble(0, 1, 0, 1), 0);
		}
	}

	@Test
	void seriesStoppedEarlyIsCutToItsValidElements() throws IOException {
		SerWriter w = new SerWriter();
		w.version = 0x0210;
		w.spectra = false;
		w.tagType = 0x4152;
		w.dataType = 2;
		w.dim(5, 0, 1, 0, "Number", "");
		w.total = 5;
		w.valid = 3;
		w.sizeX = 4;
		w.sizeY = 4;
		try (DataFile f = open("stack_1.ser", w.build())) {
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 3, 4, 4 }, n.shape());
			assertEquals("image-stack", n.kind());
			assertEquals(DType.UINT16, n.dtype());
			assertEquals(2 * 1000 + 15, Arrays2.readAll(n).getInt(2, 0, 3));
		}
		w.valid = 1;
		try (DataFile f = open("one_1.ser", w.build())) {
			assertArrayEquals(new long[] { 4, 4 }, f.signals().get(0).shape());
		}
	}

	@Test
	void everyValueType() throws IOException {
		DType[] expected = { DType.UINT8, DType.UINT16, DType.UINT32, DType.INT8, DType.INT16, DType.INT32, DType.FLOAT32,
				DType.FLOAT64, DType.COMPLEX64, DType.COMPLEX128 };
		for (int code = 1; code <= 10; code++) {
			SerWriter w = new SerWriter();
			w.dataType = code;
			w.dim(1, 0, 1, 0, "Position", "meters");
			w.total = 1;
			w.valid = 1;
			w.sizeX = 5;
			w.values = (e, i) -> i + 1;
			try (DataFile f = open("type" + code + "_1.ser", w.build())) {
				ArrayNode n = f.signals().get(0);
				assertEquals(expected[code - 1], n.dtype(), "code " + code);
				Dataset d = Arrays2.readAll(n);
				assertEquals(4 + 1, d.getDouble(0, 4), 0, "code " + code);
				if (code == 10) {
					assertEquals(-5, ((ComplexDoubleDataset) d).getImag(0, 4), 0);
				}
			}
		}
	}

	@Test
	void unknownCodesAreTypedErrors() throws IOException {
		SerWriter w = new SerWriter();
		w.dataType = 11;
		w.dim(1, 0, 1, 0, "Position", "meters");
		w.total = 1;
		w.valid = 1;
		w.sizeX = 2;
		byte[] bytes = w.build();
		UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> open("t11_1.ser", bytes));
		assertTrue(e.getMessage().contains("unsupported SER data type: 11"), e.getMessage());
		w.dataType = 7;
		byte[] v = w.build();
		ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).putShort(4, (short) 0x0230);
		e = assertThrows(UnsupportedFormatException.class, () -> open("v230_1.ser", v));
		assertTrue(e.getMessage().contains("unsupported SER series version: 0x0230"), e.getMessage());
	}

	@Test
	void corruptFilesFailWithFileStructureAndOffset() throws IOException {
		SerWriter w = new SerWriter();
		w.dim(2, 0, 1e-9, 0, "Position", "meters").dim(2, 0, 1e-9, 0, "Position", "meters");
		w.total = 4;
		w.valid = 4;
		w.sizeX = 16;
		byte[] good = w.build();
		byte[] truncated = java.util.Arrays.copyOf(good, good.length - 40);
		// opening reads only element 0; the cut-off last element fails when it is read, with its offset
		try (DataFile f = open("cut_1.ser", truncated)) {
			ArrayNode n = f.signals().get(0);
			FormatException e = assertThrows(FormatException.class, () -> Arrays2.readAll(n));
			assertTrue(e.getMessage().startsWith(dir.resolve("cut_1.ser").toString()), e.getMessage());
			assertTrue(e.getMessage().contains("SER data element 3 at 0x"), e.getMessage());
			assertEquals(1, e.getMessage().lines().count());
		}
		byte[] badDims = good.clone();
		// Dim-2 size 2 -> 3: the dimension array no longer matches the 4 elements
		ByteBuffer.wrap(badDims).order(ByteOrder.LITTLE_ENDIAN).putInt(34 + 28 + 8 + 4 + 6, 3);
		FormatException e = assertThrows(FormatException.class, () -> open("dims_1.ser", badDims));
		assertTrue(e.getMessage().contains("multiply to 6"), e.getMessage());
		byte[] huge = good.clone();
		// TotalNumberElements forged to 2^31-1: the offset arrays cannot fit, checked before any allocation
		ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(14, Integer.MAX_VALUE).putInt(18, Integer.MAX_VALUE);
		e = assertThrows(FormatException.class, () -> open("huge_1.ser", huge));
		assertTrue(e.getMessage().contains("SER offset array at 0x"), e.getMessage());
	}

	@Test
	void emiOrdersItsSerFilesByNumberAndSurvivesBadXml() throws IOException {
		SerWriter w = new SerWriter();
		w.dim(1, 0, 1, 0, "Position", "meters");
		w.total = 1;
		w.valid = 1;
		w.sizeX = 4;
		for (int k : new int[] { 1, 2, 10 }) {
			int kk = k;
			w.values = (e, i) -> kk;
			Files.write(dir.resolve("acq_" + k + ".ser"), w.build());
		}
		String xml1 = "<ObjectInfo><AcquireDate>Mon Feb  1 09:05:00 2016</AcquireDate><ExperimentalDescription><Root>"
				+ "<Data><Label>Mode</Label><Value>TEM uP SA Zoom Image</Value><Unit></Unit></Data>"
				+ "<Data><Label>High tension</Label><Value>80</Value><Unit>kV</Unit></Data></Root></ExperimentalDescription></ObjectInfo>";
		String xml2 = "<ObjectInfo><Broken></ObjectInfo>";
		byte[] emi = ("JK\0\2 binary part " + xml1 + " more binary " + xml2).getBytes(StandardCharsets.ISO_8859_1);
		try (DataFile f = open("acq.emi", emi)) {
			assertEquals(3, f.signals().size());
			assertEquals("acq_1", f.signals().get(0).title());
			assertEquals("acq_2", f.signals().get(1).title());
			assertEquals("acq_10", f.signals().get(2).title());
			assertEquals(10, Arrays2.readAll(f.signals().get(2)).getInt(0, 0));
			ArrayNode first = f.signals().get(0);
			assertEquals("TEM", first.metadata().get("acquisition.instrument.acquisition_mode"));
			assertEquals(80.0, TiaConformanceTest.q(first, "acquisition.instrument.beam_energy", "kV"), 0);
			// 09:05:00 local, tag time 2016-02-21T16:53:06Z: not the same day, so no offset is claimed
			assertEquals("2016-02-01T09:05:00", first.metadata().get("general.date_time"));
			assertTrue(f.warnings().stream().anyMatch(s -> s.contains("block 2 is not well-formed")), f.warnings().toString());
			assertTrue(f.warnings().stream().anyMatch(s -> s.contains("no metadata block for acq_10.ser")), f.warnings().toString());
		}
		UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> open("lonely.emi", emi));
		assertTrue(e.getMessage().contains("no lonely_N.ser"), e.getMessage());
	}
}
