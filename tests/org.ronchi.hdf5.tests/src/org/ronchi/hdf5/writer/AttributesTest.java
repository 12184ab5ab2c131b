package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;

/** Attributes of every supported type, on a group and on a dataset, as h5py and h5dump read them. */
class AttributesTest {
	@TempDir
	Path dir;

	@Test
	void everyTypeReadsBackInH5py() {
		Path f = dir.resolve("attrs.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root().group("meta");
			WDataset d = g.dataset("d", new int[] { 1, 2, 3 });
			for (WNode n : List.of(g, d)) {
				n.attribute("i8", (byte) -5).attribute("i16", (short) -300).attribute("i32", -70000).attribute("i64", -(1L << 40));
				n.attribute("u8", Value.scalar(DType.UINT8, 200)).attribute("u16", Value.scalar(DType.UINT16, 60000));
				n.attribute("u32", Value.scalar(DType.UINT32, 4_000_000_000L)).attribute("u64", Value.scalar(DType.UINT64, -1L));
				n.attribute("f32", 1.5f).attribute("f64", Math.PI).attribute("bool", true).attribute("bools", new boolean[] { true, false });
				n.attribute("str", "héllo wörld").attribute("strs", new String[] { "a", "", "ünïcode" });
				n.attribute("strs2d", Value.strings(new long[] { 2, 2 }, "a", "bb", "ccc", "dddd"));
				n.attribute("fixed", Value.fixedStrings("abc")).attribute("fixeds", Value.fixedStrings("x", "yy", "zzz"));
				n.attribute("ints", new int[] { 1, -2, 3 }).attribute("floats", new float[] { 0.5f, -1 });
				n.attribute("doubles", new double[] { 1e-300, 2.5 }).attribute("longs", new long[] { Long.MIN_VALUE, 7 });
				n.attribute("shorts", new short[] { -1, 2 }).attribute("bytes", new byte[] { -128, 127 });
				n.attribute("u16s", Value.array(DType.UINT16, new int[] { 0, 65535 }));
				n.attribute("nd", Value.of(DatasetFactory.createFromObject(IntegerDataset.class, new int[] { 1, 2, 3, 4, 5, 6 }, 2, 3)));
				n.attribute("c128", Value.of((Dataset) DatasetFactory.createComplexDataset(ComplexDoubleDataset.class, new double[] { 1, 3 }, new double[] { 2, -4 })));
				n.attribute("c64", Value.of((Dataset) DatasetFactory.createComplexDataset(ComplexDoubleDataset.class, new double[] { 0.5 }, new double[] { -0.25 }), DType.COMPLEX64));
				n.attribute("ünï", "utf-8 name");
				n.attribute("empty", new double[0]);
				n.attribute("replaced", 1).attribute("replaced", "second");
			}
		}
		H5Tools.h5dump(f); // the whole file, data included
		String out = H5Tools.h5py(f, """
				for p in ['/meta', '/meta/d']:
				    a = f[p].attrs
				    def check(name, value, dtype):
				        v = a[name]
				        assert np.asarray(v).dtype == np.dtype(dtype), (p, name, np.asarray(v).dtype)
				        np.testing.assert_array_equal(v, value, err_msg=p + '@' + name)
				    check('i8', -5, 'i1'); check('i16', -300, 'i2'); check('i32', -70000, 'i4'); check('i64', -(1 << 40), 'i8')
				    check('u8', 200, 'u1'); check('u16', 60000, 'u2'); check('u32', 4000000000, 'u4'); check('u64', 2**64 - 1, 'u8')
				    check('f32', 1.5, 'f4'); check('f64', np.pi, 'f8'); check('bool', True, '?'); check('bools', [True, False], '?')
				    assert a['str'] == 'héllo wörld' and isinstance(a['str'], str), repr(a['str'])
				    assert list(a['strs']) == ['a', '', 'ünïcode'], a['strs']
				    assert a['strs2d'].shape == (2, 2) and a['strs2d'][1, 0] == 'ccc', a['strs2d']
				    assert a['fixed'] == b'abc', a['fixed']
				    assert list(a['fixeds']) == [b'x', b'yy', b'zzz'], a['fixeds']
				    check('ints', [1, -2, 3], 'i4'); check('floats', [0.5, -1], 'f4'); check('doubles', [1e-300, 2.5], 'f8')
				    check('longs', [-2**63, 7], 'i8'); check('shorts', [-1, 2], 'i2'); check('bytes', [-128, 127], 'i1')
				    check('u16s', [0, 65535], 'u2')
				    check('nd', np.arange(1, 7).reshape(2, 3), 'i4')
				    check('c128', [1 + 2j, 3 - 4j], 'c16'); check('c64', [0.5 - 0.25j], 'c8')
				    assert a['ünï'] == 'utf-8 name'
				    assert a['empty'].shape == (0,)
				    assert a['replaced'] == 'second'
				    print(p, len(a))
				""");
		assertEquals("/meta 30\n/meta/d 30", out);
	}

	@Test
	void oversizedAttributeIsRefused() {
		try (Hdf5Writer w = Hdf5Writer.create(dir.resolve("big.h5"))) {
			Hdf5WriteException e = org.junit.jupiter.api.Assertions.assertThrows(Hdf5WriteException.class,
					() -> w.root().attribute("big", new double[10000]));
			assertEquals("/@big", e.where());
			w.root().attribute("ok", new double[8000]); // 64000 bytes still fit
		}
		H5Tools.h5dump(dir.resolve("big.h5"), "-H");
	}
}
