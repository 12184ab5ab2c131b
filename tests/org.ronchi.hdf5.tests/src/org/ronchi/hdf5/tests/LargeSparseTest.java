package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.eclipse.january.dataset.SliceND;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.tests.support.TestData;

/**
 * A 4-D dataset of 2^32 elements (256^4 uint8, 4 GiB declared) of which three frames are written, so
 * the file is tiny. January 2.3.2's {@code LazyDataset.getSize()} overflows for it; slicing one frame
 * through {@code ArrayNode.lazy()} must still work, and so must the ArraySource reads.
 */
class LargeSparseTest {
	private static final long[][] WRITTEN = { { 0, 0 }, { 200, 13 }, { 255, 255 } };

	private static byte value(long i, long j, int y, int x) {
		return (byte) (i * 7 + j * 3 + y * 5 + x);
	}

	private static Path write() {
		Path f = TestData.tempDir("sparse4d").resolve("cube.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WDataset d = w.root().dataset("cube", DType.UINT8, new long[] { 256, 256, 256, 256 }, DatasetOptions.chunked(1, 1, 256, 256).deflate(4));
			for (long[] ij : WRITTEN) {
				ByteBuffer frame = ByteBuffer.allocate(256 * 256);
				for (int y = 0; y < 256; y++) {
					for (int x = 0; x < 256; x++) {
						frame.put(value(ij[0], ij[1], y, x));
					}
				}
				d.writeChunk(new long[] { ij[0], ij[1], 0, 0 }, frame.flip());
			}
		}
		assertTrue(f.toFile().length() < 1_000_000, "file of " + f.toFile().length() + " bytes");
		return f;
	}

	private static boolean written(long i, long j) {
		for (long[] ij : WRITTEN) {
			if (ij[0] == i && ij[1] == j) {
				return true;
			}
		}
		return false;
	}

	private static void assertFrame(long i, long j, Dataset d, String how) {
		assertArrayEquals(new int[] { 1, 1, 256, 256 }, d.getShapeRef(), how);
		short[] v = ((ShortDataset) d).getData(); // uint8 widens to int16
		for (int y = 0; y < 256; y++) {
			for (int x = 0; x < 256; x++) {
				int expected = written(i, j) ? value(i, j, y, x) & 0xff : 0;
				assertEquals(expected, v[y * 256 + x], how + " frame " + i + "," + j + " at " + y + "," + x);
			}
		}
	}

	@Test
	void framesOfTwoToThe32ElementsThroughLazyAndSource() throws Exception {
		Path f = write();
		try (Hdf5File h = Hdf5File.open(f)) {
			ArrayNode a = h.array("/cube");
			assertEquals(1L << 32, Shapes.size(a.shape()));
			assertEquals(1L << 32, a.size());
			ILazyDataset lazy = a.lazy();
			for (long[] ij : new long[][] { { 200, 13 }, { 0, 0 }, { 255, 255 }, { 17, 99 } }) {
				SliceND s = new SliceND(lazy.getShape());
				s.setSlice(0, (int) ij[0], (int) ij[0] + 1, 1);
				s.setSlice(1, (int) ij[1], (int) ij[1] + 1, 1);
				Dataset viaLazy = DatasetUtils.convertToDataset(lazy.getSlice(s));
				assertFrame(ij[0], ij[1], contiguous(viaLazy), "lazy().getSlice");
				Dataset viaSource = a.source().read(new long[] { ij[0], ij[1], 0, 0 }, new int[] { 1, 1, 256, 256 });
				assertFrame(ij[0], ij[1], viaSource, "source().read");
				ByteBuffer raw = ByteBuffer.allocate(256 * 256);
				a.source().readInto(new long[] { ij[0], ij[1], 0, 0 }, new int[] { 1, 1, 256, 256 }, raw);
				for (int k = 0; k < raw.capacity(); k++) {
					int expected = written(ij[0], ij[1]) ? value(ij[0], ij[1], k / 256, k % 256) & 0xff : 0;
					assertEquals(expected, raw.get(k) & 0xff, "readInto frame " + ij[0] + "," + ij[1] + " at " + k);
				}
			}
			// a box over written and unwritten frames, with steps, through the lazy dataset
			SliceND s = new SliceND(lazy.getShape());
			s.setSlice(0, 199, 202, 1);
			s.setSlice(1, 12, 15, 1);
			s.setSlice(2, 10, 250, 7);
			s.setSlice(3, 255, 0, -3);
			Dataset box = DatasetUtils.convertToDataset(lazy.getSlice(s));
			assertArrayEquals(new int[] { 3, 3, 35, 85 }, box.getShapeRef());
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					boolean w = i == 1 && j == 1;
					int y = 10 + 7 * 4;
					int x = 255 - 3 * 5;
					assertEquals(w ? value(200, 13, y, x) & 0xff : 0, box.getInt(i, j, 4, 5), "box " + i + "," + j);
				}
			}
		}
	}

	/** @return d, or a contiguous copy if it is a strided view */
	private static Dataset contiguous(Dataset d) {
		return d.getStrides() == null && d.getOffset() == 0 ? d : d.clone();
	}
}
