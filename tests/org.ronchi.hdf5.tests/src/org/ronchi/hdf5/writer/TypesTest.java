package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.LongDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;

/** Dataset element types and shapes: records, complex, bool, strings, scalars, empty data, big groups. */
class TypesTest {
	@TempDir
	Path dir;

	@Test
	void datasetTypesReadBackInH5py() {
		Path f = dir.resolve("types.h5");
		Datatype f64 = Datatype.of(DType.FLOAT64);
		Datatype.Compound point = Datatype.packed(List.of("qx", "qy", "intensity"), List.of(f64, f64, f64));
		ByteBuffer points = ByteBuffer.allocate(5 * 24).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 5; i++) {
			points.putDouble(i).putDouble(-i).putDouble(i * 10.5);
		}
		points.flip();
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root();
			g.dataset("points", point, new long[] { 5 }, DatasetOptions.contiguous()).write(points.duplicate());
			g.dataset("points_chunked", point, new long[] { 5 }, DatasetOptions.chunked(2).shuffle().deflate(4)).write(points.duplicate());
			// a record with a gap and an int member, offsets chosen by hand
			Datatype.Compound padded = new Datatype.Compound(16, List.of(new Datatype.Member("id", 0, Datatype.of(DType.UINT16)),
					new Datatype.Member("x", 8, f64)));
			ByteBuffer rec = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
			rec.putShort(0, (short) 65000).putDouble(8, 1.25).putShort(16, (short) 7).putDouble(24, -2);
			g.dataset("padded", padded, new long[] { 2 }, DatasetOptions.contiguous()).write(rec);
			Dataset z = DatasetFactory.createComplexDataset(ComplexFloatDataset.class, new float[] { 1, 2, 3, 4, 5, 6 }, new float[] { -1, 0, 1, 2, 3, 4 });
			g.dataset("c64", DType.COMPLEX64, new long[] { 2, 3 }, DatasetOptions.chunked(1, 3).deflate(1)).write(z.reshape(2, 3));
			g.dataset("c128", DType.COMPLEX128, new long[] { 6 }, DatasetOptions.contiguous()).write(z.cast(org.eclipse.january.dataset.ComplexDoubleDataset.class));
			g.dataset("bool", DType.BOOL, new long[] { 4 }, DatasetOptions.chunked(3)).write(DatasetFactory.createFromObject(new boolean[] { true, false, false, true }));
			g.dataset("u64", DType.UINT64, new long[] { 2 }, DatasetOptions.contiguous()).write(DatasetFactory.createFromObject(LongDataset.class, new long[] { -1, 5 }));
			g.dataset("rgba", DType.RGBA8, new long[] { 1 }, DatasetOptions.contiguous()).write(ByteBuffer.wrap(new byte[] { 1, 2, 3, (byte) 255 }));
			g.dataset("names", Value.strings(new long[] { 3 }, "α", "beta", ""));
			g.dataset("names2d", Value.strings(new long[] { 2, 1 }, "x", "yz"));
			g.dataset("title", "scalar string");
			g.dataset("fixed", Value.fixedStrings("ab", "cde"));
			g.dataset("scalar", 42.5).attribute("units", "eV");
			g.dataset("empty", DType.FLOAT32, new long[] { 0, 5 }, DatasetOptions.contiguous());
			g.dataset("empty_chunked", DType.FLOAT32, new long[] { 0, 5 }, DatasetOptions.chunked(4, 5).deflate(4));
			g.dataset("unwritten", DType.INT16, new long[] { 3, 3 }, DatasetOptions.contiguous());
		}
		H5Tools.h5dump(f);
		String out = H5Tools.h5py(f, """
				p = f['points'][()]
				assert f['points'].dtype.names == ('qx', 'qy', 'intensity'), f['points'].dtype
				np.testing.assert_array_equal(p['intensity'], np.arange(5) * 10.5)
				np.testing.assert_array_equal(f['points_chunked'][()], p)
				q = f['padded'][()]
				assert f['padded'].dtype.itemsize == 16 and f['padded'].dtype.fields['x'][1] == 8
				assert q['id'].tolist() == [65000, 7] and q['x'].tolist() == [1.25, -2]
				assert f['c64'].dtype == np.complex64 and f['c128'].dtype == np.complex128
				np.testing.assert_array_equal(f['c64'][()], (np.arange(1, 7) + 1j * np.arange(-1, 5)).reshape(2, 3))
				np.testing.assert_array_equal(f['c128'][()], np.arange(1, 7) + 1j * np.arange(-1, 5))
				assert f['bool'].dtype == np.bool_ and f['bool'][()].tolist() == [True, False, False, True]
				assert f['u64'][()].tolist() == [2**64 - 1, 5]
				assert f['rgba'][0].tolist() == (1, 2, 3, 255), f['rgba'][0]
				assert f['names'].asstr()[()].tolist() == ['α', 'beta', '']
				assert f['names2d'].asstr()[()].tolist() == [['x'], ['yz']]
				assert f['title'].shape == () and f['title'].asstr()[()] == 'scalar string'
				assert f['fixed'][()].tolist() == [b'ab', b'cde']
				assert f['scalar'].shape == () and f['scalar'][()] == 42.5 and f['scalar'].attrs['units'] == 'eV'
				assert f['empty'].shape == (0, 5) and f['empty_chunked'].shape == (0, 5) and f['empty_chunked'].chunks == (1, 5)
				assert f['unwritten'][()].tolist() == [[0] * 3] * 3
				print(len(f))
				""");
		assertEquals("16", out);
	}

	@Test
	void largeGroupNeedsSeveralBTreeLevels() {
		// 40 symbol table nodes of 8 entries: more than one B-tree node of 32 children
		Path f = dir.resolve("group.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root().group("many");
			for (int i = 319; i >= 0; i--) {
				if (i % 2 == 0) {
					g.group(String.format("item_%03d", i)).attribute("i", i);
				} else {
					g.dataset(String.format("item_%03d", i), i);
				}
			}
			g.group("Ünïcode ✓").group("nested").group("deeper");
		}
		H5Tools.h5dump(f, "-H");
		String out = H5Tools.h5py(f, """
				g = f['many']
				names = list(g)
				assert names == sorted(names, key=lambda s: s.encode()), names[:5]
				assert len(names) == 321
				for i in range(320):
				    o = g['item_%03d' % i]
				    assert (o.attrs['i'] if i % 2 == 0 else o[()]) == i, i
				print(f['many/Ünïcode ✓/nested/deeper'].name)
				""");
		assertEquals("/many/Ünïcode ✓/nested/deeper", out);
	}
}
