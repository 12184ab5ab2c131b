package org.ronchi.io.dm.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.Slice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.TestData;

/**
 * RosettaSciIO's DM data-type files (MANIFEST "dm/rsciio/{1D,2D,3D}/test-N", oracle
 * {@code test_digitalmicrograph.py::test_data_and_axes}): written by DigitalMicrograph with
 * {@code NewImage("test", N, ...)}; data 1D [1, 2], 2D [[1, 2], [3, 4]], 3D arange(1, 9) as (2, 2, 2) with
 * one navigation axis; RGBA R = G = B = value, A = 0; complex real = value, imag = 0; scales 1, no units.
 */
class DmDataTypesTest {
	private static final Pattern NAME = Pattern.compile("test-(\\d+)\\.dm[34]");

	static List<Path> files() {
		return TestData.realFiles("dm/rsciio", ".dm3", ".dm4").stream()
				.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList();
	}

	@Test
	void everyTypeInEveryRankAndVersionIsPresent() {
		// 14 DM3 types + 16 DM4 types (27 and 28 are DM4 only), in 1D, 2D and 3D
		assertEquals(90, files().size());
	}

	static DType expected(int code) {
		return switch (code) {
		case 1 -> DType.INT16;
		case 2 -> DType.FLOAT32;
		case 3, 5, 27 -> DType.COMPLEX64;
		case 6 -> DType.UINT8;
		case 7 -> DType.INT32;
		case 8, 23 -> DType.RGBA8;
		case 9 -> DType.INT8;
		case 10 -> DType.UINT16;
		case 11 -> DType.UINT32;
		case 12 -> DType.FLOAT64;
		case 13, 28 -> DType.COMPLEX128;
		case 14 -> DType.BOOL;
		default -> throw new AssertionError("no expectation for type " + code);
		};
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void dataTypeShapeValuesAndAxes(Path file) {
		Matcher m = NAME.matcher(file.getFileName().toString());
		assertTrue(m.matches());
		int code = Integer.parseInt(m.group(1));
		String rank = file.getParent().getFileName().toString();
		long[] shape = switch (rank) {
		case "1D" -> new long[] { 2 };
		case "2D" -> new long[] { 2, 2 };
		default -> new long[] { 2, 2, 2 };
		};
		try (DataFile f = Values.open(file)) {
			assertEquals("DigitalMicrograph", f.format());
			assertEquals(file.toString().endsWith("4") ? "4" : "3", f.formatVersion());
			assertEquals(1, f.signals().size(), "the thumbnail (ImageList/0) must be skipped");
			ArrayNode s = f.signals().get(0);
			assertEquals("test", s.title());
			assertEquals("1", s.attribute("dm_image_index"));
			assertEquals(expected(code), s.dtype());
			assertArrayEquals(shape, s.shape());
			for (int i = 0; i < shape.length; i++) {
				Axis a = s.axes().get(i);
				assertEquals(1.0, a.scale());
				assertEquals(0.0, a.offset());
				assertEquals("", a.units());
				assertEquals(rank.equals("3D") && i == 0, a.navigate(), "navigate of axis " + i);
			}
			assertEquals(List.of("z", "y", "x").subList(3 - shape.length, 3), s.axes().stream().map(Axis::name).toList());
			Dataset d = Values.readAll(s);
			assertArrayEquals(shape, org.ronchi.core.lazy.Shapes.toLong(d.getShape()));
			for (int i = 0; i < d.getSize(); i++) {
				double v = i + 1;
				double[] e = Values.element(d, i);
				double[] want = switch (s.dtype()) {
				case RGBA8 -> new double[] { v, v, v, 0 };
				case COMPLEX64, COMPLEX128 -> new double[] { v, 0 };
				case BOOL -> new double[] { 1 };
				default -> new double[] { v };
				};
				assertArrayEquals(want, e, file + " element " + i);
			}
			MetadataTree images = (MetadataTree) f.originalMetadata().child("ImageList");
			assertEquals(2, images.size(), "the file-level tree keeps every image, the thumbnail too");
			assertEquals(1, ((MetadataTree) s.originalMetadata().child("ImageList")).size());
		}
	}

	@Test
	void lazySlicesReadOnlyWhatIsAsked() throws Exception {
		try (DataFile f = Values.open(TestData.real("dm/rsciio/3D/test-7.dm4"))) {
			ArrayNode s = f.signals().get(0);
			IDataset frame = s.lazy().getSlice(new int[] { 1, 0, 0 }, new int[] { 2, 2, 2 }, null);
			assertArrayEquals(new int[] { 1, 2, 2 }, frame.getShape());
			assertEquals(5, frame.getInt(0, 0, 0));
			assertEquals(8, frame.getInt(0, 1, 1));
			IDataset column = s.lazy().getSlice(new int[] { 0, 1, 1 }, new int[] { 2, 2, 2 }, null);
			assertEquals(4, column.getInt(0, 0, 0));
			assertEquals(8, column.getInt(1, 0, 0));
			IDataset reversed = s.lazy().getSlice(new Slice(1, null, -1), new Slice(0, 1), new Slice(null, null, -1));
			assertEquals(6, reversed.getInt(0, 0, 0));
			assertEquals(1, reversed.getInt(1, 0, 1));
		}
	}
}
