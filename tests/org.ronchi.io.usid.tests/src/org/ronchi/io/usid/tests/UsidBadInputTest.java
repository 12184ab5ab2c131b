package org.ronchi.io.usid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.UsidException;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.usid.internal.UsidLoader;
import org.ronchi.tests.support.TestData;

/**
 * Broken USID structures, written with the raw HDF5 writer (or patched afterwards): each open fails
 * with a {@link UsidException} naming the file, the object path and the rule broken.
 */
class UsidBadInputTest {
	static final String RAW = "/Measurement_000/Channel_000/Raw_Data";

	@TempDir
	Path dir;

	/** A 6 x 4 Main dataset; posRows / specCols let the ancillaries disagree with it. */
	static void write(Path f, int posRows, int posValRows, int specCols, String[] posLabels) {
		Hdf5Writer.write(f, root -> {
			WGroup ch = root.group("Measurement_000").group("Channel_000");
			WDataset raw = ch.dataset("Raw_Data", DType.FLOAT32, new long[] { 6, 4 }, DatasetOptions.contiguous());
			raw.write(org.eclipse.january.dataset.DatasetFactory.createRange(org.eclipse.january.dataset.FloatDataset.class, 24).reshape(6, 4));
			WDataset pi = ch.dataset("Position_Indices", Value.of(ramp(posRows, 1), DType.UINT32));
			WDataset pv = ch.dataset("Position_Values", Value.of(ramp(posValRows, 1), DType.FLOAT32));
			WDataset si = ch.dataset("Spectroscopic_Indices", Value.of(ramp(1, specCols), DType.UINT32));
			WDataset sv = ch.dataset("Spectroscopic_Values", Value.of(ramp(1, specCols), DType.FLOAT32));
			for (WDataset a : new WDataset[] { pi, pv }) {
				a.attribute("labels", Value.strings(new long[] { posLabels.length }, posLabels)).attribute("units", Value.strings(
						new long[] { posLabels.length }, Arrays.stream(posLabels).map(l -> "nm").toArray(String[]::new)));
			}
			for (WDataset a : new WDataset[] { si, sv }) {
				a.attribute("labels", Value.strings(new long[] { 1 }, "Bias")).attribute("units", Value.strings(new long[] { 1 }, "V"));
			}
			raw.attribute("quantity", "Current").attribute("units", "nA");
			raw.attribute("Position_Indices", pi).attribute("Position_Values", pv);
			raw.attribute("Spectroscopic_Indices", si).attribute("Spectroscopic_Values", sv);
			ch.dataset("decoy", new int[] { 1 });
		});
	}

	private static org.eclipse.january.dataset.Dataset ramp(int rows, int cols) {
		return org.eclipse.january.dataset.DatasetFactory.createRange(org.eclipse.january.dataset.LongDataset.class, rows * cols).reshape(rows,
				cols);
	}

	private UsidException openFails(Path f) {
		UsidException e = assertThrows(UsidException.class, () -> new UsidLoader().open(f, Map.of()).close());
		assertEquals(f, e.file());
		assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
		return e;
	}

	@Test
	void wellFormedFileOpens() {
		Path f = dir.resolve("good.h5");
		write(f, 6, 6, 4, new String[] { "X" });
		try (DataFile d = new UsidLoader().open(f, Map.of())) {
			assertEquals(1, d.signals().size());
			assertEquals("X", d.signals().get(0).axes().get(0).name());
		}
	}

	@Test
	void ancillaryShapesThatDisagreeWithTheMainDataset() {
		Path f = dir.resolve("rows.h5");
		write(f, 5, 5, 4, new String[] { "X" });
		UsidException e = openFails(f);
		assertTrue(e.getMessage().contains(RAW + ": not a USID Main dataset: position ancillaries have 5 rows but the Main dataset has 6"),
				e.getMessage());
		Path g = dir.resolve("pair.h5");
		write(g, 6, 3, 4, new String[] { "X" });
		assertTrue(openFails(g).getMessage().contains("position indices [6, 1] and values [3, 1] differ in shape"));
		Path h = dir.resolve("cols.h5");
		write(h, 6, 6, 3, new String[] { "X" });
		assertTrue(openFails(h).getMessage().contains("spectroscopic ancillaries have 3 columns but the Main dataset has 4"));
	}

	@Test
	void labelsThatDoNotMatchTheDimensions() {
		Path f = dir.resolve("labels.h5");
		write(f, 6, 6, 4, new String[] { "X", "Y" });
		UsidException e = openFails(f);
		assertTrue(e.getMessage().contains("/Measurement_000/Channel_000/Position_Indices: attribute 'labels' has 2 entries for 1 dimensions"),
				e.getMessage());
	}

	@Test
	void referencePointingNowhere() throws IOException {
		Path f = dir.resolve("dangling.h5");
		write(f, 6, 6, 4, new String[] { "X" });
		long target;
		try (Hdf5File h = Hdf5File.open(f)) {
			target = h.address("/Measurement_000/Channel_000/Spectroscopic_Values");
		}
		byte[] b = Files.readAllBytes(f);
		int at = patchAfter(b, "Spectroscopic_Values", target, 0x7fff_0000L);
		assertTrue(at > 0, "reference found in the attribute");
		Files.write(f, b);
		UsidException e = openFails(f);
		assertTrue(e.getMessage().contains(RAW + ": not a USID Main dataset: attribute 'Spectroscopic_Values' points nowhere"), e.getMessage());
		// lenient: skipped with a warning, and then no Main dataset is left
		UnsupportedFormatException none = assertThrows(UnsupportedFormatException.class,
				() -> new UsidLoader().open(f, Map.of("lenient", true)).close());
		assertTrue(none.getMessage().contains("points nowhere"), none.getMessage());
	}

	/** Replaces the first 8-byte little-endian {@code value} within 200 bytes after the attribute name. */
	static int patchAfter(byte[] b, String name, long value, long replacement) {
		byte[] n = name.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + n.length < b.length; i++) {
			if (Arrays.equals(b, i, i + n.length, n, 0, n.length)) {
				ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
				for (int j = i + n.length; j < Math.min(b.length - 8, i + 200); j++) {
					if (bb.getLong(j) == value) {
						bb.putLong(j, replacement);
						return j;
					}
				}
			}
		}
		return -1;
	}

	@Test
	void truncatedRealFileNamesTheFile() throws IOException {
		byte[] good = Files.readAllBytes(TestData.real("usid/pyUSID/AFM_Force_Curve.h5"));
		Path f = dir.resolve("cut.h5");
		Files.write(f, Arrays.copyOf(good, good.length / 2));
		RonchiException e = assertThrows(RonchiException.class, () -> new UsidLoader().open(f, Map.of()).close());
		assertEquals(f, e.file());
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void compoundMainDatasetIsSkippedWithAWarning() {
		Path f = dir.resolve("compound.h5");
		write(f, 6, 6, 4, new String[] { "X" });
		Path g = dir.resolve("fit.h5");
		Hdf5Writer.write(g, root -> {
			WGroup ch = root.group("Measurement_000").group("Channel_000");
			org.ronchi.hdf5.writer.Datatype rec = org.ronchi.hdf5.writer.Datatype.packed(java.util.List.of("Amplitude [V]", "R2 Criterion"),
					java.util.List.of(new org.ronchi.hdf5.writer.Datatype.FloatingPoint(4), new org.ronchi.hdf5.writer.Datatype.FloatingPoint(4)));
			WDataset fit = ch.dataset("Fit", rec, new long[] { 6, 1 }, DatasetOptions.contiguous());
			fit.write(ByteBuffer.allocate(48));
			WDataset pi = ch.dataset("Position_Indices", Value.of(ramp(6, 1), DType.UINT32));
			WDataset pv = ch.dataset("Position_Values", Value.of(ramp(6, 1), DType.FLOAT32));
			WDataset si = ch.dataset("Spectroscopic_Indices", Value.of(ramp(1, 1), DType.UINT32));
			WDataset sv = ch.dataset("Spectroscopic_Values", Value.of(ramp(1, 1), DType.FLOAT32));
			fit.attribute("quantity", "SHO parameters").attribute("units", "compound");
			fit.attribute("Position_Indices", pi).attribute("Position_Values", pv).attribute("Spectroscopic_Indices", si)
					.attribute("Spectroscopic_Values", sv);
			WDataset raw = ch.dataset("Raw_Data", DType.FLOAT32, new long[] { 6, 1 }, DatasetOptions.contiguous());
			raw.write(ByteBuffer.allocate(24));
			raw.attribute("quantity", "Current").attribute("units", "nA").attribute("Position_Indices", pi).attribute("Position_Values", pv)
					.attribute("Spectroscopic_Indices", si).attribute("Spectroscopic_Values", sv);
		});
		try (DataFile d = new UsidLoader().open(g, Map.of())) {
			assertEquals(1, d.signals().size());
			assertEquals("Raw_Data", d.signals().get(0).name());
			assertTrue(d.warnings().get(0).contains("/Measurement_000/Channel_000/Fit: Main dataset of object records"), d.warnings().toString());
		}
	}

	@Test
	void plainHdf5IsNotUsid() {
		Path f = dir.resolve("plain.h5");
		Hdf5Writer.write(f, root -> root.dataset("x", new int[] { 1, 2 }));
		assertThrows(UnsupportedFormatException.class, () -> new UsidLoader().open(f, Map.of()).close());
	}
}
