package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.lazy.BoxRuns;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/** Chunked datasets: filters, chunks out of order and from several threads, edge chunks, deep B-trees, sparse data. */
class ChunkedTest {
	@TempDir
	Path dir;

	/** Writes every chunk of the dataset from formula, in a shuffled order, from four threads. */
	private static void writeShuffled(WDataset d, Formula formula, boolean clippedEdges) throws Exception {
		ChunkGrid grid = new ChunkGrid(d.shape(), d.chunkShape());
		List<Long> order = new ArrayList<>();
		for (long i = 0; i < grid.count(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(42));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (long i : order) {
				done.add(pool.submit(() -> {
					long[] start = grid.origin(i);
					int[] count = clippedEdges ? grid.clipped(start) : d.chunkShape();
					if (!clippedEdges) {
						// a full edge chunk: values past the dataset's end are written but never read
						ByteBuffer full = new Formula(formula.dtype(), Shapes.toLong(count)).bytes(new long[start.length], count);
						ByteBuffer inside = formula.bytes(start, grid.clipped(start));
						BoxRuns.of(Shapes.toLong(count), new long[start.length], grid.clipped(start)).copy(full, inside,
								formula.dtype().itemSize(), false);
						d.writeChunk(start, full);
					} else {
						d.writeChunk(start, formula.bytes(start, count));
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		} finally {
			pool.shutdown();
		}
	}

	@Test
	void filtersEdgesAndOrderReadBackInH5py() throws Exception {
		Path f = dir.resolve("chunked.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WDataset a = w.root().dataset("u16", DType.UINT16, new long[] { 37, 53 }, DatasetOptions.chunked(8, 16).shuffle().deflate(6));
			writeShuffled(a, new Formula(DType.UINT16, 37, 53), true);
			WDataset b = w.root().dataset("f64", DType.FLOAT64, new long[] { 5, 7, 9 }, DatasetOptions.chunked(2, 3, 4));
			writeShuffled(b, new Formula(DType.FLOAT64, 5, 7, 9), false);
			WDataset c = w.root().dataset("i32", DType.INT32, new long[] { 11, 13 }, DatasetOptions.chunked(4, 4).shuffle());
			writeShuffled(c, new Formula(DType.INT32, 11, 13), false);
			// 5000 chunks: a three-level chunk B-tree (64 chunks per leaf)
			WDataset deep = w.root().dataset("deep", DType.UINT32, new long[] { 5000 }, DatasetOptions.chunked(1).deflate(1));
			writeShuffled(deep, new Formula(DType.UINT32, 5000), true);
		}
		H5Tools.h5dump(f, "-H");
		String out = H5Tools.h5py(f, Formula.NUMPY + """
				for name, dtype in [('u16', 'u2'), ('f64', 'f8'), ('i32', 'i4'), ('deep', 'u4')]:
				    d = f[name]
				    assert d.dtype == np.dtype(dtype), (name, d.dtype)
				    np.testing.assert_array_equal(d[()], expected(d.shape), err_msg=name)
				    print(name, d.chunks, d.compression, d.compression_opts, d.shuffle, d.id.get_num_chunks())
				""");
		assertEquals("""
				u16 (8, 16) gzip 6 True 20
				f64 (2, 3, 4) None None False 27
				i32 (4, 4) None None True 12
				deep (1,) gzip 1 False 5000""", out);
	}

	@Test
	void sparseDatasetOverTwoGigaElements() {
		// 50000 x 50000 uint16: 2.5e9 elements (> 2^31), 5 GB declared; only three chunks written
		Path f = dir.resolve("sparse.h5");
		long[] shape = { 50_000, 50_000 };
		Formula formula = new Formula(DType.UINT16, shape);
		int[] chunk = { 1000, 1000 };
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WDataset d = w.root().dataset("frames", DType.UINT16, shape, DatasetOptions.chunked(chunk).shuffle().deflate(4));
			for (long[] at : new long[][] { { 49_000, 49_000 }, { 0, 0 }, { 17_000, 5_000 } }) {
				d.writeChunk(at, formula.bytes(at, chunk));
			}
		}
		assertTrue(f.toFile().length() < 1_000_000, "file of " + f.toFile().length() + " bytes");
		H5Tools.h5dump(f, "-H");
		String out = H5Tools.h5py(f, Formula.NUMPY + """
				d = f['frames']
				assert d.shape == (50000, 50000) and d.dtype == np.uint16
				e = expected((1000, 1000))
				w = np.array([131, 17])
				for y, x in [(49000, 49000), (0, 0), (17000, 5000)]:
				    want = (e + y * 131 + x * 17) % 65521
				    np.testing.assert_array_equal(d[y:y + 1000, x:x + 1000], want, err_msg=str((y, x)))
				assert not d[1000:2000, 0:1000].any() and not d[48999:49001, 48999:49001][0].any()
				print(d.id.get_num_chunks(), d[49999, 49999], (49999 * 131 + 49999 * 17) % 65521 % 65536)
				""");
		String[] parts = out.split(" ");
		assertEquals("3", parts[0]);
		assertEquals(parts[2], parts[1]);
	}

	@Test
	void badChunksAreRefusedWithoutSpoilingTheFile() {
		Path f = dir.resolve("bad.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WDataset d = w.root().dataset("d", DType.INT16, new long[] { 10, 10 }, DatasetOptions.chunked(4, 4).deflate(4));
			Formula formula = new Formula(DType.INT16, 10, 10);
			Hdf5WriteException e = assertThrows(Hdf5WriteException.class, () -> d.writeChunk(new long[] { 2, 0 }, formula.bytes(new long[] { 2, 0 }, new int[] { 4, 4 })));
			assertEquals("/d", e.where());
			assertTrue(e.problem().contains("not a chunk start"), e.problem());
			assertThrows(Hdf5WriteException.class, () -> d.writeChunk(new long[] { 0, 0 }, ByteBuffer.allocate(10)));
			assertThrows(Hdf5WriteException.class, () -> d.writeChunk(new long[] { 12, 0 }, ByteBuffer.allocate(32)));
			d.writeChunk(new long[] { 8, 8 }, formula.bytes(new long[] { 8, 8 }, new int[] { 2, 2 }));
			e = assertThrows(Hdf5WriteException.class, () -> d.writeChunk(new long[] { 8, 8 }, ByteBuffer.allocate(32)));
			assertTrue(e.problem().contains("already written"), e.problem());
			assertThrows(Hdf5WriteException.class, () -> w.root().dataset("s", DType.INT8, new long[0], DatasetOptions.chunked()));
			assertThrows(Hdf5WriteException.class, () -> w.root().dataset("c", DType.INT8, new long[] { 3 }, DatasetOptions.contiguous().deflate(1)));
		}
		assertTrue(Files.exists(f));
		String out = H5Tools.h5py(f, "print(f['d'][8:, 8:].tolist(), f['d'][0, 0])");
		assertEquals("[[1184, 1201], [1315, 1332]] 0", out);
	}
}
