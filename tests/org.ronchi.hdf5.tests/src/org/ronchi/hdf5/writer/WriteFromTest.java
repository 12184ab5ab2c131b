package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;

/** Streaming a whole ArraySource: chunked in parallel, and contiguous in slabs. */
class WriteFromTest {
	@TempDir
	Path dir;

	@Test
	void sourcesStreamIntoBothLayouts() throws Exception {
		Path f = dir.resolve("stream.h5");
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root();
			g.dataset("chunked", DType.UINT16, new long[] { 20, 30, 40 }, DatasetOptions.chunked(7, 8, 9).shuffle().deflate(4))
					.writeFrom(new Formula(DType.UINT16, 20, 30, 40), pool);
			// 12 MB: two slabs of at most 8 MiB, written in place
			g.dataset("contiguous", DType.FLOAT32, new long[] { 300, 200, 50 }, DatasetOptions.contiguous())
					.writeFrom(new Formula(DType.FLOAT32, 300, 200, 50), pool);
			// converted: int32 source into a float64 dataset, one slab per element of the last dimension
			g.dataset("converted", DType.FLOAT64, new long[] { 4, 3 }, DatasetOptions.contiguous())
					.writeFrom(new Formula(DType.INT32, 4, 3), null);
			g.dataset("scalar", DType.INT64, new long[0], DatasetOptions.contiguous()).writeFrom(new Formula(DType.INT64), null);
		} finally {
			pool.shutdown();
		}
		H5Tools.h5dump(f, "-H");
		String out = H5Tools.h5py(f, Formula.NUMPY + """
				for name in ['chunked', 'contiguous', 'converted']:
				    d = f[name]
				    np.testing.assert_array_equal(d[()], expected(d.shape), err_msg=name)
				print(f['chunked'].id.get_num_chunks(), f['contiguous'].dtype, f['converted'].dtype, f['scalar'][()])
				""");
		assertEquals("60 float32 float64 0", out);
	}
}
