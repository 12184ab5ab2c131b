package org.ronchi.io.emd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.io.emd.EmdException;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.emd.internal.Emd1Loader;
import org.ronchi.io.emd.internal.NcemLoader;
import org.ronchi.tests.support.TestData;

/** Broken EMD structures: each fails with an EmdException (or a warning where HyperSpy carries on). */
class EmdBadInputTest {
	@TempDir
	Path dir;

	private Path emd1(String name, Consumer<WGroup> tree) {
		Path f = dir.resolve(name);
		Hdf5Writer.write(f, root -> {
			root.attribute("emd_group_type", "file").attribute("version_major", 1L).attribute("version_minor", 0L);
			tree.accept(root.group("r").attribute("emd_group_type", "root"));
		});
		return f;
	}

	private EmdException emd1Fails(Path f) {
		EmdException e = assertThrows(EmdException.class, () -> new Emd1Loader().open(f, Map.of()).close());
		assertEquals(f, e.file());
		return e;
	}

	@Test
	void unknownGroupType() {
		Path f = emd1("type.emd", r -> r.group("x").attribute("emd_group_type", "hologram"));
		EmdException e = emd1Fails(f);
		assertTrue(e.getMessage().endsWith("/r/x: unsupported emd_group_type: hologram"), e.getMessage());
	}

	@Test
	void arrayWithoutDataOrDims() {
		Path f = emd1("nodata.emd", r -> r.group("a").attribute("emd_group_type", "array"));
		assertTrue(emd1Fails(f).getMessage().contains("/r/a: an EMD array group holds a dataset named 'data'"));
		Path g = emd1("nodim.emd", r -> {
			WGroup a = r.group("a").attribute("emd_group_type", "array");
			a.dataset("data", new double[] { 1, 2, 3 });
		});
		assertTrue(emd1Fails(g).getMessage().contains("/r/a: dim vector 'dim0' of a rank-1 array is missing"));
	}

	@Test
	void slicelabelsThatDoNotFit() {
		Path f = emd1("labels.emd", r -> {
			WGroup a = r.group("a").attribute("emd_group_type", "array");
			a.dataset("data", new double[] { 1, 2, 3 });
			a.dataset("dim0", org.ronchi.hdf5.writer.Value.strings(new long[] { 2 }, "a", "b")).attribute("name", "_labels_");
		});
		assertTrue(emd1Fails(f).getMessage().contains("/r/a/dim0: 2 slice labels for 3 slices"));
	}

	@Test
	void unknownMetadataType() {
		Path f = emd1("md.emd", r -> {
			WGroup m = r.group("metadatabundle").attribute("emd_group_type", "metadatabundle").group("m").attribute("emd_group_type", "metadata");
			m.dataset("k", 1.0).attribute("type", "quaternion");
		});
		assertTrue(emd1Fails(f).getMessage().contains("/r/metadatabundle/m/k: unsupported metadata value type: quaternion"));
	}

	@Test
	void pointListFieldsOfDifferentLengths() {
		Path f = emd1("pl.emd", r -> {
			WGroup p = r.group("p").attribute("emd_group_type", "pointlist");
			p.dataset("a", new double[] { 1, 2 });
			p.dataset("b", new double[] { 1, 2, 3 });
		});
		assertTrue(emd1Fails(f).getMessage().contains("/r/p/b: field has 3 points, the others 2"));
	}

	@Test
	void ncemMissingDimIsAWarningAsHyperSpyWouldCarryOn() {
		Path f = dir.resolve("nodim.emd");
		Hdf5Writer.write(f, root -> {
			WGroup g = root.group("data_group").attribute("emd_group_type", 1);
			g.dataset("data", new int[] { 1, 2, 3 });
		});
		try (DataFile d = new NcemLoader().open(f, Map.of())) {
			assertEquals(1, d.signals().size());
			assertTrue(d.warnings().get(0).contains("/data_group: dim1 is missing"), d.warnings().toString());
		}
	}

	@Test
	void ncemDimThatIsNotAVector() {
		Path f = dir.resolve("dim2d.emd");
		Hdf5Writer.write(f, root -> {
			WGroup g = root.group("g").attribute("emd_group_type", 1);
			g.dataset("data", new int[] { 1, 2, 3 });
			g.dataset("dim1", org.eclipse.january.dataset.DatasetFactory.zeros(org.eclipse.january.dataset.DoubleDataset.class, 2, 2));
		});
		EmdException e = assertThrows(EmdException.class, () -> new NcemLoader().open(f, Map.of()).close());
		assertTrue(e.getMessage().contains("/g/dim1: a dim vector is 1-D, this one has shape [2, 2]"), e.getMessage());
	}

	@Test
	void ncemWithoutDataGroups() {
		Path f = dir.resolve("empty.emd");
		Hdf5Writer.write(f, root -> root.attribute("version_major", 0L));
		assertThrows(UnsupportedFormatException.class, () -> new NcemLoader().open(f, Map.of()).close());
		assertThrows(EmdException.class, () -> new Emd1Loader().open(f, Map.of()).close());
	}

	@Test
	void truncatedFilesNameTheFile() throws IOException {
		for (String rel : new String[] { "emd_ncem/prismatic/Si100_3D.emd", Emd1ConformanceTest.FILE }) {
			byte[] good = Files.readAllBytes(TestData.real(rel));
			Path f = dir.resolve("cut_" + Path.of(rel).getFileName());
			Files.write(f, Arrays.copyOf(good, good.length - 1000));
			RonchiException e = assertThrows(RonchiException.class, () -> (rel.endsWith(".h5") ? new Emd1Loader() : new NcemLoader())
					.open(f, Map.of()).close());
			assertEquals(f, e.file());
			assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		}
	}
}
