package org.ronchi.io.velox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.velox.internal.VeloxException;
import org.ronchi.io.velox.internal.VeloxLoader;
import org.ronchi.tests.support.TestData;

/**
 * Velox files written here with known content, for the features the real files lack: image stacks
 * with their (rows, cols, frames) layout, DPC and odd-sized FFTs, two-detector spectrum images with
 * frames, version-11 display titles, EELS, pruned and damaged files.
 */
class VeloxSyntheticTest {
	static final List<String> DETECTORS = List.of("HAADF", "SuperXG21", "SuperXG22");

	static Path write(String name, java.util.function.Consumer<WGroup> body) {
		Path p = TestData.tempDir("velox-synthetic").resolve(name);
		Hdf5Writer.write(p, body);
		return p;
	}

	static String imageJson(double pixel, String unit) {
		return VeloxWriter.metadataJson("HAADF", 0, pixel, unit, 20, 12, 0.25, DETECTORS);
	}

	@Test
	void imageStackIsFramesRowsColumns() {
		int rows = 5, cols = 7, frames = 3;
		IntegerDataset stored = DatasetFactory.zeros(IntegerDataset.class, rows, cols, frames);
		for (int y = 0; y < rows; y++) {
			for (int x = 0; x < cols; x++) {
				for (int f = 0; f < frames; f++) {
					stored.set(1000 * f + 10 * y + x, y, x, f);
				}
			}
		}
		Path p = write("stack.emd", root -> {
			VeloxWriter.version(root, 8);
			VeloxWriter.image(root, "a1", DType.UINT16, stored, imageJson(2e-10, "m"));
			VeloxWriter.block(root, "Operations", "StemInputOperation", "op1", "{\"dataPath\": \"/Data/Image/a1\", \"detector\": \"DF4\"}");
		});
		try (DataFile f = new VeloxLoader().open(p, Map.of())) {
			ArrayNode n = f.signals().get(0);
			assertEquals("DF4", n.title()); // the operation names it, not the metadata's HAADF
			assertEquals("image-stack", n.kind());
			assertArrayEquals(new long[] { frames, rows, cols }, n.shape());
			Dataset all = Arrays2.readAll(n);
			for (int f2 = 0; f2 < frames; f2++) {
				for (int y = 0; y < rows; y++) {
					for (int x = 0; x < cols; x++) {
						assertEquals(1000 * f2 + 10 * y + x, all.getInt(f2, y, x));
					}
				}
			}
			Dataset box = n.source().read(new long[] { 1, 2, 3 }, new int[] { 2, 3, 4 });
			assertEquals(1000 + 20 + 3, box.getInt(0, 0, 0));
			assertEquals(2000 + 40 + 6, box.getInt(1, 2, 3));
			assertEquals(0.2, n.axes().get(2).scale(), 1e-12); // 2 Å pixels in nm
			assertEquals("Time", n.axes().get(0).name());
			assertTrue(n.axes().get(0).navigate());
		}
	}

	@Test
	void dpcAndFftImagesAreComplex() {
		float[] reIm = new float[2 * 3 * 5];
		for (int i = 0; i < reIm.length; i++) {
			reIm[i] = i * (i % 2 == 0 ? 1 : -1);
		}
		Path p = write("complex.emd", root -> {
			VeloxWriter.version(root, 9);
			String q = imageJson(1e6, "1/m");
			VeloxWriter.complexImage(root, "b1", "", reIm, 3, 5, q);
			VeloxWriter.complexImage(root, "b2", "", reIm, 3, 5, q);
			VeloxWriter.complexImage(root, "b3", "HalfOdd", reIm, 3, 5, q);
			VeloxWriter.block(root, "Operations", "DpcOperation", "o1", "{\"dataPath\": \"/Data/Image/b1\"}");
			VeloxWriter.block(root, "Operations", "SurfaceReconstructionOperation", "o2",
					"{\"dataPath\": \"/Data/Image/b2\", \"integrationMode\": \"true\", \"enableFilter\": \"true\"}");
		});
		try (DataFile f = new VeloxLoader().open(p, Map.of())) {
			assertEquals(List.of("DPC", "Filtered iDPC", "Half FFT"), f.signals().stream().map(ArrayNode::title).toList());
			for (ArrayNode n : f.signals()) {
				assertEquals(DType.COMPLEX64, n.dtype());
				assertEquals("complex-image", n.kind());
				assertArrayEquals(new long[] { 3, 5 }, n.shape());
				float[] d = ((ComplexFloatDataset) Arrays2.readAll(n)).getData();
				assertArrayEquals(reIm, d);
				assertEquals("1 / nm", n.axes().get(0).units());
				assertEquals(1e-3, n.axes().get(0).scale(), 1e-15);
			}
			assertEquals("DPC", f.signals().get(0).metadata().get("signal.type"));
			assertEquals("FFT", f.signals().get(2).metadata().get("signal.type"));
		}
	}

	@Test
	void twoDetectorSpectrumImageOfVersion11() {
		Random rnd = new Random(7);
		int ny = 3, nx = 5, channels = 64, frames = 2;
		int[] a = Streams.encode(Streams.randomCounts(rnd, frames, ny, nx, channels, 12), rnd);
		int[] b = Streams.encode(Streams.randomCounts(rnd, frames, ny, nx, channels, 12), rnd);
		Path p = write("si11.emd", root -> {
			VeloxWriter.version(root, 11);
			String haadf = imageJson(1e-9, "m");
			VeloxWriter.image(root, "i2", DType.UINT16, DatasetFactory.ones(IntegerDataset.class, ny, nx, frames), haadf);
			VeloxWriter.image(root, "i1", DType.FLOAT32, DatasetFactory.zeros(org.eclipse.january.dataset.FloatDataset.class, ny, nx, 1),
					VeloxWriter.metadataJson("SuperXG2", null, 1e-9, "m", 20, 12, 0.25, DETECTORS));
			VeloxWriter.spectrum(root, "s1", new long[channels], VeloxWriter.metadataJson("SuperXG21", 1, 1e-9, "m", 20, 12, 0.25, DETECTORS));
			VeloxWriter.spectrum(root, "s2", new long[channels], VeloxWriter.metadataJson("SuperXG22", 2, 1e-9, "m", 20, 12, 0.25, DETECTORS));
			VeloxWriter.stream(root, "t1", a, channels, frames, VeloxWriter.metadataJson("SuperXG21", 1, 1e-9, "m", 20, 12, 0.25, DETECTORS));
			VeloxWriter.stream(root, "t2", b, channels, frames, VeloxWriter.metadataJson("SuperXG22", 2, 1e-9, "m", 20, 12, 0.25, DETECTORS));
			VeloxWriter.spectrumImage(root, "si", frames, haadf);
			VeloxWriter.block(root, "Displays", "ImageDisplay", "d1", "{\"data\": \"/SharedProperties/ImageSeriesDataReference/r1\", \"id\": \"Fe\", \"title\": \"Fe\"}");
			VeloxWriter.block(root, "Displays", "ImageDisplay", "d2", "{\"data\": \"/SharedProperties/ImageSeriesDataReference/r2\", \"id\": \"HAADF\", \"title\": \"HAADF\"}");
			VeloxWriter.block(root, "SharedProperties", "ImageSeriesDataReference", "r1", "{\"dataPath\": \"/Data/Image/i1\", \"frameIndex\": 0}");
			VeloxWriter.block(root, "SharedProperties", "ImageSeriesDataReference", "r2", "{\"dataPath\": \"/Data/Image/i2\"}");
			VeloxWriter.block(root, "SharedProperties", "EDSSpectrumQuantificationSettings", "q1", "{\"elementSelection\": [26, 8]}");
		});
		long[] ra = Streams.reference(a, ny, nx, channels, 0, frames, true, 1);
		long[] rb = Streams.reference(b, ny, nx, channels, 0, frames, true, 1);
		try (DataFile f = new VeloxLoader().open(p, Map.of())) {
			assertEquals(List.of("EDS SuperXG21", "EDS SuperXG22", "Fe", "HAADF", "EDS"), f.signals().stream().map(ArrayNode::title).toList());
			ArrayNode si = f.signals().get(4);
			assertArrayEquals(new long[] { ny, nx, channels }, si.shape());
			Dataset d = Arrays2.readAll(si);
			for (int i = 0; i < ra.length; i++) {
				assertEquals(ra[i] + rb[i], d.getElementLongAbs(i));
			}
			assertEquals(List.of("Fe", "O"), si.metadata().get("sample.elements"));
			assertEquals("SuperXG2", si.metadata().get("acquisition.detector.name"), "summed segments");
			assertEquals(-0.25, si.axes().get(2).offset(), 1e-12);
			assertEquals(0.01, si.axes().get(2).scale(), 1e-12);
			assertArrayEquals(new long[] { ny, nx }, f.signals().get(3).shape(), "first frame only in spectrum-image files");
		}
		try (DataFile f = new VeloxLoader().open(p, Map.of("sum_EDS_detectors", false, "sum_frames", false, "select_type", "spectrum_image"))) {
			assertEquals(List.of("EDS SuperXG21", "EDS SuperXG22"), f.signals().stream().map(ArrayNode::title).toList());
			long[] ref = Streams.reference(a, ny, nx, channels, 0, frames, false, 1);
			Dataset d = Arrays2.readAll(f.signals().get(0));
			assertArrayEquals(new int[] { frames, ny, nx, channels }, d.getShapeRef());
			for (int i = 0; i < ref.length; i++) {
				assertEquals(ref[i], d.getElementLongAbs(i));
			}
			assertEquals("SuperXG21", f.signals().get(0).metadata().get("acquisition.detector.name"));
		}
	}

	@Test
	void eelsSpectrumImageFollowsRosettaSciIO() {
		Path p = write("eels.emd", root -> {
			VeloxWriter.version(root, 13);
			IntegerDataset cube = DatasetFactory.zeros(IntegerDataset.class, 4, 6, 2); // stored (x, energy, y)
			for (int i = 0; i < cube.getSize(); i++) {
				cube.setAbs(i, i);
			}
			WGroup g = VeloxWriter.sub(VeloxWriter.sub(VeloxWriter.sub(root, "Data"), "EelsSpectrumImage"), "e1");
			g.dataset("Data", DType.INT32, new long[] { 4, 6, 2 }, DatasetOptions.chunked(4, 6, 2)).write(cube);
			VeloxWriter.json(g, "AcquisitionMetadata", "{\"Data\": {\"offset\": \"-10.5\", \"dispersion\": \"0.25\"}}");
			VeloxWriter.spectrumImage(root, "si", 1, imageJson(3e-9, "m"));
		});
		try (DataFile f = new VeloxLoader().open(p, Map.of())) {
			assertEquals(List.of("EELS"), f.signals().stream().map(ArrayNode::title).toList());
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("pruned")), f.warnings().toString());
			ArrayNode n = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 4, 6 }, n.shape());
			Dataset d = Arrays2.readAll(n);
			assertEquals(2 * 6 * 2 + 3 * 2 + 1, d.getInt(1, 2, 3)); // stored [x=2, e=3, y=1]
			assertEquals("Energy loss", n.axes().get(2).name());
			assertEquals(-10.5, n.axes().get(2).offset(), 1e-12);
			assertEquals(0.25, n.axes().get(2).scale(), 1e-12);
			assertEquals(3.0, n.axes().get(1).scale(), 1e-9);
			assertEquals("EELS", n.metadata().get("signal.type"));
		}
	}

	@Test
	void oddFilesOpenWithWarnings() {
		Path noVersion = write("noversion.emd", root -> {
			VeloxWriter.image(root, "c1", DType.UINT16, DatasetFactory.ones(IntegerDataset.class, 2, 3, 1), "{not json");
			VeloxWriter.block(root, "Operations", "StemInputOperation", "o", "{\"dataPath\": \"/Data/Image/c1\", \"detector\": \"BF\"}");
		});
		try (FileProbe probe = FileProbe.of(noVersion)) {
			assertEquals(FileLoader.SPECIFIC, new VeloxLoader().probe(probe), "recognised by its layout");
		}
		try (DataFile f = new VeloxLoader().open(noVersion, Map.of())) {
			assertEquals("", f.formatVersion());
			assertEquals("BF", f.signals().get(0).title());
			assertEquals(6, Arrays2.sum(Arrays2.readAll(f.signals().get(0))));
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("not valid JSON")), f.warnings().toString());
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("no /Version")), f.warnings().toString());
		}
		Path future = write("v14.emd", root -> {
			VeloxWriter.version(root, 14);
			VeloxWriter.image(root, "c1", DType.UINT16, DatasetFactory.ones(IntegerDataset.class, 2, 3, 1), imageJson(1e-9, "m"));
		});
		try (DataFile f = new VeloxLoader().open(future, Map.of())) {
			assertEquals("14", f.formatVersion());
			assertTrue(f.warnings().stream().anyMatch(w -> w.contains("version 14")), f.warnings().toString());
		}
		Path berkeley = write("berkeley.emd", root -> {
			WGroup data = VeloxWriter.sub(root, "Data");
			WGroup kind = data.group("Image").attribute("emd_group_type", 1);
			VeloxWriter.sub(kind, "x").dataset("Data", DatasetFactory.ones(IntegerDataset.class, 2, 2));
			root.group("Operations");
		});
		try (FileProbe probe = FileProbe.of(berkeley)) {
			assertEquals(0, new VeloxLoader().probe(probe));
		}
	}

	@Test
	void forgedSizesFailBeforeAllocating() {
		Path p = write("forged.emd", root -> {
			VeloxWriter.version(root, 11);
			WGroup g = VeloxWriter.sub(VeloxWriter.sub(VeloxWriter.sub(root, "Data"), "Image"), "f1");
			g.dataset("Data", DType.UINT16, new long[] { 100_000, 100_000, 1 }, DatasetOptions.chunked(16, 16, 1));
			VeloxWriter.metadata(g, 1, imageJson(1e-9, "m"));
		});
		VeloxException e = assertThrows(VeloxException.class, () -> new VeloxLoader().open(p, Map.of()));
		assertTrue(e.getMessage().contains("claims 20000000000 bytes"), e.getMessage());
	}
}
