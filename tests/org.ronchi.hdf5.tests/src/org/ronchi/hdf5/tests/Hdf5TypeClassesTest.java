package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.npy.NpyWriter;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.tests.support.Python;

/**
 * The HDF5 datatype classes h5py reads, on a file h5py writes here: every dataset's shape, dtype and
 * values agree with what h5py reads (h5py prints them; half floats are compared as float64).
 */
class Hdf5TypeClassesTest {
	@TempDir
	static Path dir;
	static Path file;

	/** Writes the datasets, then prints "path<TAB>shape<TAB>numpy dtype<TAB>values" as h5py reads them. */
	private static final String SCRIPT = """
			import h5py, numpy as np, sys
			with h5py.File(sys.argv[1], 'w') as f:
			    f['half'] = np.linspace(-2, 2, 6, dtype='<f2')
			    f['half_be'] = np.linspace(-2, 2, 6).astype('>f2')
			    f.create_dataset('half_chunked', data=np.arange(20, dtype='<f2').reshape(4, 5) / 8, chunks=(3, 2), compression='gzip')
			    f['half_scalar'] = np.float16(0.333)
			    # a 16-bit bit field, through the low-level API: numpy has no dtype for it
			    d = h5py.h5d.create(f.id, b'bitfield', h5py.h5t.STD_B16BE.copy(), h5py.h5s.create_simple((4,)))
			    d.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([1, 2, 4, 0x8001], dtype='<u2'), mtype=h5py.h5t.STD_B16LE)
			    colours = h5py.enum_dtype({'RED': 0, 'GREEN': 1, 'BLUE': 42}, basetype='>i2')
			    f.create_dataset('enum', data=np.array([0, 1, 42, 1], dtype='>i2'), dtype=colours)
			    f['opaque'] = np.array([b'ab\\x00c', b'defg', b'\\xff\\x00\\x01\\x02'], dtype='V4')
			    a = f.create_dataset('fixed_array', (4,), dtype=np.dtype(('<f4', (2, 3))))
			    a[...] = np.arange(24, dtype='<f4').reshape(4, 2, 3)
			    c = f.create_dataset('fixed_array_chunked', (5,), dtype=np.dtype(('>i4', (3,))), chunks=(2,), compression='gzip', shuffle=True)
			    c[...] = np.arange(15).reshape(5, 3)
			    f['be_i8'] = np.arange(-3, 3, dtype='>i8')
			    f['be_u4'] = np.arange(6, dtype='>u4') * 1000000
			    f['be_f8'] = np.linspace(0, 1, 5, dtype='>f8')
			    f.create_dataset('be_f4_chunked', data=np.arange(24, dtype='>f4').reshape(4, 6), chunks=(3, 4), compression='gzip', shuffle=True)
			    f['be_c16'] = (np.arange(4) - 1j * np.arange(4)).astype('>c16')
			    f['bool'] = np.array([True, False, True])
			def show(name, obj):
			    if not isinstance(obj, h5py.Dataset):
			        return
			    a = obj[()]
			    if obj.dtype.kind == 'V' and obj.dtype.names is None and obj.dtype.subdtype is None:
			        a = np.frombuffer(a.tobytes(), dtype='u1').reshape(a.shape + (obj.dtype.itemsize,))
			    a = np.asarray(a)
			    dtype = a.dtype.newbyteorder('=').name if a.dtype.kind != 'b' else 'bool'
			    vals = ' '.join(repr(complex(v)) if a.dtype.kind == 'c' else repr(float(v)) for v in a.ravel())
			    print('/' + name, '(' + ', '.join(str(n) for n in a.shape) + (',' if a.ndim == 1 else '') + ')', dtype, vals, sep='\\t')
			with h5py.File(sys.argv[1], 'r') as f:
			    f.visititems(show)
			""";
	static String h5py;

	@BeforeAll
	static void write() {
		Python.assumeModules("h5py", "numpy");
		file = dir.resolve("classes.h5");
		h5py = Python.check(SCRIPT, file.toString());
	}

	@Test
	void everyDatasetReadsAsH5pyReadsIt() throws Exception {
		int compared = 0;
		try (Hdf5File f = Hdf5File.open(file)) {
			for (String line : h5py.split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				String[] c = line.split("\t");
				ArrayNode a = f.array(c[0]);
				assertEquals(ArrayNode.KIND_ARRAY, a.kind(), c[0]);
				assertEquals(c[1], org.ronchi.core.lazy.Shapes.format(a.shape()), c[0]);
				assertEquals(c[2], a.dtype().numpyName(), c[0]);
				Dataset d = DatasetUtils.sliceAndConvertLazyDataset(a.lazy());
				String[] expected = c.length > 3 ? c[3].split(" ") : new String[0];
				assertEquals(expected.length, d.getSize(), c[0]);
				Dataset flat = d.flatten();
				for (int i = 0; i < expected.length; i++) {
					if (d.isComplex()) {
						String e = expected[i].replaceAll("[()]", "");
						// complex elements are interleaved real, imaginary in the backing array
						assertEquals(complexPart(e, true), flat.getElementDoubleAbs(2 * i), 0, c[0] + "[" + i + "]");
						assertEquals(complexPart(e, false), flat.getElementDoubleAbs(2 * i + 1), 0, c[0] + "[" + i + "]");
					} else {
						assertEquals(Double.parseDouble(expected[i]), flat.getElementDoubleAbs(i), 0, c[0] + "[" + i + "]");
					}
				}
				compared++;
			}
		}
		assertEquals(15, compared, h5py);
	}

	private static double complexPart(String repr, boolean real) {
		// Python's repr of a complex: "1-2j", "-0j", "(3+0j)" with parentheses removed
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([-+]?[0-9.e+-]*?)([-+][0-9.e+-]*)j$|^([-+]?[0-9.e+-]*)j$").matcher(repr);
		assertTrue(m.matches(), repr);
		if (m.group(3) != null) {
			return real ? 0 : Double.parseDouble(m.group(3));
		}
		return Double.parseDouble(real ? m.group(1) : m.group(2));
	}

	@Test
	void halfFloatsAreFloat32InMemoryAndHalfOnExport() throws Exception {
		Path npy = dir.resolve("half.npy");
		try (Hdf5File f = Hdf5File.open(file)) {
			ArrayNode a = f.array("/half_chunked");
			assertEquals(DType.FLOAT16, a.dtype());
			Dataset d = DatasetUtils.sliceAndConvertLazyDataset(a.lazy());
			assertEquals(org.eclipse.january.dataset.FloatDataset.class, d.getClass());
			NpyWriter.write(npy, a.dtype(), d);
		}
		String out = Python.check("""
				import numpy as np, h5py, sys
				a = np.load(sys.argv[1])
				b = h5py.File(sys.argv[2], 'r')['half_chunked'][()]
				assert a.dtype == np.float16, a.dtype
				np.testing.assert_array_equal(a, b)
				print('ok')
				""", npy.toString(), file.toString());
		assertEquals("ok", out.strip());
	}

	@Test
	void enumNamesAreAnAttribute() {
		try (Hdf5File f = Hdf5File.open(file)) {
			ArrayNode a = f.array("/enum");
			assertEquals(DType.INT16, a.dtype());
			assertEquals("RED=0, GREEN=1, BLUE=42", a.attribute("enum names"));
		}
	}

	@Test
	void arrayElementsAddTrailingDimensionsAndChunksAlign() {
		try (Hdf5File f = Hdf5File.open(file)) {
			ArrayNode a = f.array("/fixed_array_chunked");
			assertArrayEquals(new long[] { 5, 3 }, a.shape());
			assertArrayEquals(new int[] { 2, 3 }, a.source().chunkShape());
			// a box that crosses a chunk boundary and takes part of the element's own dimension
			Dataset d = a.source().read(new long[] { 1, 1 }, new int[] { 3, 2 });
			double[] expected = { 4, 5, 7, 8, 10, 11 };
			assertArrayEquals(expected, ((DoubleDataset) d.cast(DoubleDataset.class)).getData(), 0);
		}
	}
}
