package org.ronchi.io.emd.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.Emd1Writer;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.internal.Emd1Loader;
import org.ronchi.tests.support.Python;

/**
 * PointListArrays written back as emdfile writes them: a 2-D dataset "data" of variable-length
 * sequences of the record type. Round trip through Ronchi's EMD 1.0 reader, cell by cell, and the
 * layout as h5py sees it.
 */
class Emd1PointListArrayWriterTest {
	@TempDir
	Path dir;

	@Test
	void fixturePointListArrayRoundTripsCellByCell() {
		Path fixture = Fixtures.emd1(dir);
		Path out = dir.resolve("again.emd");
		try (DataFile in = new Emd1Loader().open(fixture, Map.of())) {
			assertEquals(List.of(), Emd1Writer.write(in, out));
		}
		assertSameCells(fixture, out, "braggpeaks", 2, 3);
		String r = Fixtures.h5py(out, """
				g = f['experiment/braggpeaks']
				d = g['data']
				base = h5py.check_vlen_dtype(d.dtype)
				print(g.attrs['emd_group_type'], g.attrs['python_class'], d.shape, base.names, base['qx'], len(d.attrs))
				o = h5py.File(sys.argv[2], 'r')['experiment/braggpeaks/data']
				for i in range(2):
				    for j in range(3):
				        if i + j:  # h5py 3.7 cannot read an empty sequence of records, not even its own
				            np.testing.assert_array_equal(d[i, j], o[i, j])
				print(d[1, 2]['qx'].tolist(), d[1, 2]['intensity'].tolist())
				""".replace("sys.argv[2]", "'" + fixture + "'"));
		assertEquals("pointlistarray PointListArray (2, 3) ('qx', 'qy', 'intensity') float64 0\n[10.0, 11.0, 12.0] [1.5, 1.5, 1.5]", r.strip());
	}

	@Test
	void recordTypesAreKeptExactly() {
		// unsigned and narrow fields, a gap in the record: jhdf decodes uint16 widened, the writer must not
		Python.assumeModules("h5py", "numpy");
		Path fixture = dir.resolve("typed.emd");
		Python.check(Fixtures.script("emd1_fixture.py").replace("f.close()", """
				pla2 = node(root, 'lattice', 'pointlistarray', 'PointListArray')
				dt2 = np.dtype({'names': ['qx', 'h', 'k', 'I'], 'formats': ['<f4', '<u2', '<i8', '<u1'], 'offsets': [0, 4, 8, 16], 'itemsize': 24})
				d2 = pla2.create_dataset('data', (3, 1), h5py.vlen_dtype(dt2))
				for i in range(3):
				    a = np.zeros(2 * i + 1, dt2)
				    a['qx'] = np.arange(2 * i + 1) / 4
				    a['h'] = 65535 - i
				    a['k'] = -(2 ** 40) * i
				    a['I'] = 200 + i
				    d2[i, 0] = a
				f.close()
				"""), fixture.toString());
		Path out = dir.resolve("typed_again.emd");
		try (DataFile in = new Emd1Loader().open(fixture, Map.of())) {
			assertEquals(List.of(), Emd1Writer.write(in, out));
		}
		assertSameCells(fixture, out, "lattice", 3, 1);
		String r = Fixtures.h5py(out, """
				d = f['experiment/lattice/data']
				o = h5py.File(sys.argv[2], 'r')['experiment/lattice/data']
				assert h5py.check_vlen_dtype(d.dtype) == h5py.check_vlen_dtype(o.dtype), (d.dtype, o.dtype)
				for i in range(3):
				    np.testing.assert_array_equal(d[i, 0], o[i, 0])
				print(d[2, 0]['h'].tolist(), d[2, 0]['k'][0], d[2, 0]['I'][0], h5py.check_vlen_dtype(d.dtype).itemsize)
				""".replace("sys.argv[2]", "'" + fixture + "'"));
		assertEquals("[65533, 65533, 65533, 65533, 65533] -2199023255552 202 24", r.strip());
	}

	/** Every cell of the named PointListArray reads the same in both files, through EmdFiles. */
	private static void assertSameCells(Path a, Path b, String name, int rows, int cols) {
		try (EmdFiles.Opened oa = EmdFiles.open(a); EmdFiles.Opened ob = EmdFiles.open(b)) {
			EmdPointListArray pa = pla(oa, name);
			EmdPointListArray pb = pla(ob, name);
			assertArrayEquals(new long[] { rows, cols }, pb.shape());
			for (int i = 0; i < rows; i++) {
				for (int j = 0; j < cols; j++) {
					Map<String, Object> ca = pa.pointList(i, j);
					Map<String, Object> cb = pb.pointList(i, j);
					assertEquals(List.copyOf(ca.keySet()), List.copyOf(cb.keySet()), "fields in record order");
					for (String k : ca.keySet()) {
						assertEquals(ca.get(k).getClass(), cb.get(k).getClass(), k);
						assertEquals(Array.getLength(ca.get(k)), Array.getLength(cb.get(k)), "(" + i + ", " + j + ") " + k);
						for (int p = 0; p < Array.getLength(ca.get(k)); p++) {
							assertEquals(Array.get(ca.get(k), p), Array.get(cb.get(k), p), "(" + i + ", " + j + ") " + k + "[" + p + "]");
						}
					}
				}
			}
		}
	}

	private static EmdPointListArray pla(EmdFiles.Opened o, String name) {
		for (EmdNode n : o.trees().get(0).children()) {
			if (n.name().equals(name)) {
				return assertInstanceOf(EmdPointListArray.class, n);
			}
		}
		throw new AssertionError("no " + name + " in " + o.trees().get(0).children());
	}
}
