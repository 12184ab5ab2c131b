package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

/** jhdf, the reader of this bundle, reads what the writer wrote: values, strings, records, chunks and references. */
class JhdfRoundTripTest {
	@TempDir
	Path dir;

	@Test
	void jhdfReadsWhatWasWritten() {
		Path f = dir.resolve("jhdf.h5");
		Datatype f64 = Datatype.of(DType.FLOAT64);
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root().group("g");
			WDataset frames = g.dataset("frames", DType.UINT16, new long[] { 9, 10, 11 }, DatasetOptions.chunked(2, 4, 11).shuffle().deflate(5));
			frames.writeFrom(new Formula(DType.UINT16, 9, 10, 11), null);
			WDataset names = g.dataset("names", Value.strings(new long[] { 2 }, "one", "twö"));
			ByteBuffer rec = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(2).putDouble(3)
					.putDouble(4).putDouble(5).putDouble(6).flip();
			g.dataset("points", Datatype.packed(List.of("qx", "qy", "intensity"), List.of(f64, f64, f64)), new long[] { 2 },
					DatasetOptions.contiguous()).write(rec);
			frames.attribute("n", 7).attribute("label", "frames").attribute("names", names).attribute("scale", new double[] { 0.5, 2 });
		}
		try (HdfFile h = new HdfFile(f)) {
			Dataset frames = h.getDatasetByPath("/g/frames");
			int[][][] data = (int[][][]) frames.getData();
			for (int i = 0; i < 9; i++) {
				for (int j = 0; j < 10; j++) {
					for (int k = 0; k < 11; k++) {
						assertEquals(Formula.value(new long[] { i, j, k }), data[i][j][k]);
					}
				}
			}
			int[][][] slab = (int[][][]) frames.getData(new long[] { 3, 5, 2 }, new int[] { 1, 2, 3 });
			assertEquals(Formula.value(new long[] { 3, 6, 4 }), slab[0][1][2]);
			assertEquals(7, ((Number) frames.getAttribute("n").getData()).intValue());
			assertEquals("frames", frames.getAttribute("label").getData());
			assertArrayEquals(new double[] { 0.5, 2 }, (double[]) frames.getAttribute("scale").getData());
			long address = (Long) frames.getAttribute("names").getData();
			// jhdf resolves a reference to a node without a path: compare addresses and content
			assertEquals(h.getDatasetByPath("/g/names").getAddress(), address);
			assertArrayEquals(new String[] { "one", "twö" }, (String[]) ((Dataset) h.getNodeByAddress(address)).getData());
			assertArrayEquals(new String[] { "one", "twö" }, (String[]) h.getDatasetByPath("/g/names").getData());
			@SuppressWarnings("unchecked")
			Map<String, Object> points = (Map<String, Object>) h.getDatasetByPath("/g/points").getData();
			assertArrayEquals(new double[] { 3, 6 }, (double[]) points.get("intensity"));
		}
	}

	@Test
	void jhdfWalksMultiLevelBTrees() {
		Path f = dir.resolve("deep.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup many = w.root().group("many");
			for (int i = 0; i < 300; i++) {
				many.dataset("d" + i, i);
			}
			// 4500 chunks: leaves of 64 under two levels of internal nodes
			w.root().dataset("deep", DType.INT32, new long[] { 9000 }, DatasetOptions.chunked(2).deflate(1))
					.writeFrom(new Formula(DType.INT32, 9000), Runnable::run);
		}
		try (HdfFile h = new HdfFile(f)) {
			assertEquals(300, ((io.jhdf.api.Group) h.getByPath("/many")).getChildren().size());
			assertEquals(299, ((Number) h.getDatasetByPath("/many/d299").getData()).intValue());
			int[] deep = (int[]) h.getDatasetByPath("/deep").getData();
			for (int i = 0; i < deep.length; i++) {
				assertEquals(Formula.value(new long[] { i }), deep[i]);
			}
		}
	}
}
