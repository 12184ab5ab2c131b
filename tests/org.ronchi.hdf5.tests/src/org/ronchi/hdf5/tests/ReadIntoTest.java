package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * Raw reads ({@code ArraySource.readInto}) of HDF5 data equal the decoded reads re-encoded: contiguous
 * and chunked (edge chunks, deflate, unallocated chunks), little- and big-endian, on random boxes.
 */
class ReadIntoTest {

	/** Compares readInto with read()+encode on random boxes, into a direct buffer at a non-zero position. */
	static void check(ArraySource s, long seed) {
		long[] shape = s.shape();
		SplittableRandom r = new SplittableRandom(seed);
		for (int k = 0; k < 40; k++) {
			long[] start = new long[shape.length];
			int[] count = new int[shape.length];
			for (int d = 0; d < shape.length; d++) {
				start[d] = r.nextLong(shape[d]);
				count[d] = 1 + (int) r.nextLong(shape[d] - start[d]);
			}
			if (k == 0) {
				java.util.Arrays.fill(start, 0);
				count = Shapes.toInt(shape);
			}
			int bytes = (int) (Shapes.size(count) * s.dtype().itemSize());
			ByteBuffer expected = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
			Dataset d = Buffers.contiguous(s.dtype(), s.read(start, count));
			Buffers.encode(s.dtype(), d, 0, d.getSize(), expected);
			ByteBuffer got = ByteBuffer.allocateDirect(bytes + 16).order(ByteOrder.BIG_ENDIAN);
			got.position(8);
			s.readInto(start, count, got);
			assertEquals(8 + bytes, got.position(), "position advanced by the bytes read");
			assertEquals(ByteOrder.LITTLE_ENDIAN, got.order());
			byte[] a = new byte[bytes];
			got.get(8, a);
			assertArrayEquals(expected.array(), a, "box " + java.util.Arrays.toString(start) + " " + java.util.Arrays.toString(count));
		}
	}

	@Test
	void contiguousAndChunkedBothByteOrders() {
		Python.assumeModules("h5py", "numpy");
		Path f = TestData.tempDir("readinto").resolve("orders.h5");
		Python.check("""
				import sys, h5py, numpy as np
				rng = np.random.default_rng(5)
				with h5py.File(sys.argv[1], 'w') as h:
				    a = rng.integers(0, 65535, size=(5, 7, 6, 9)).astype('<u2')
				    h['le_contiguous'] = a
				    h['be_contiguous'] = a.astype('>u2')
				    h.create_dataset('le_chunked', data=a, chunks=(2, 3, 6, 4), compression='gzip')
				    h.create_dataset('be_chunked', data=a.astype('>i4'), chunks=(3, 2, 4, 9))
				    h.create_dataset('f8_chunked', data=rng.random((4, 5, 3)).astype('>f8'), chunks=(3, 3, 3))
				    h.create_dataset('sparse', shape=(6, 6), dtype='<f4', chunks=(3, 3))[0:3, 0:3] = 1.5
				    h['c8'] = (rng.random((3, 4)) + 1j * rng.random((3, 4))).astype('>c8')
				print('ok')
				""", f.toString());
		try (Hdf5File h = Hdf5File.open(f)) {
			int seed = 0;
			for (String name : new String[] { "le_contiguous", "be_contiguous", "le_chunked", "be_chunked", "f8_chunked", "sparse", "c8" }) {
				check(h.array("/" + name).source(), seed++);
			}
		}
	}

	@Test
	void realFourDimensionalFiles() {
		try (Hdf5File h = Hdf5File.open(TestData.real("emd_ncem/prismatic/Si100_4D.emd"))) {
			ArrayNode a = h.array("/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube");
			check(a.source(), 1);
			ByteBuffer b = ByteBuffer.allocate(4 * 11 * 11 * 64);
			a.source().readInto(new long[4], new int[] { 11, 11, 8, 8 }, b);
			assertEquals(1.06142345e-07f, b.getFloat(0), 1e-14f, "first value (MANIFEST)");
			double sum = 0;
			for (int i = 0; i < 11 * 11 * 64; i++) {
				sum += b.getFloat(4 * i);
			}
			assertEquals(110.6683919, sum, 1e-4, "sum (MANIFEST)");
		}
		try (Hdf5File h = Hdf5File.open(TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5"))) {
			ArrayNode a = h.array("/datacube_root/datacube/data");
			check(a.source(), 2);
			ByteBuffer b = ByteBuffer.allocate(4 * 120).order(ByteOrder.LITTLE_ENDIAN);
			a.source().readInto(new long[4], new int[] { 2, 3, 4, 5 }, b);
			assertEquals(472.5212f, b.getFloat(0), 1e-3f, "first value (MANIFEST)");
		}
	}
}
