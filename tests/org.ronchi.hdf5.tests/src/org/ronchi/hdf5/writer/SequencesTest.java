package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;

/** Variable-length sequences (class 9, type 0): N-D datasets of vlen records and of numbers, read by h5py and h5dump. */
class SequencesTest {
	private static final Datatype F64 = Datatype.of(DType.FLOAT64);
	private static final Datatype.Compound POINT = Datatype.packed(List.of("qx", "qy", "intensity"), List.of(F64, F64, Datatype.of(DType.FLOAT32)));

	/** Cell i holds i points (qx = i, qy = -k, intensity = 10 i + k), C order. */
	private static ByteBuffer points(int i, int n) {
		ByteBuffer b = ByteBuffer.allocate(n * POINT.size()).order(ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < n; k++) {
			b.putDouble(i).putDouble(-k).putFloat(10 * i + k);
		}
		return b.flip();
	}

	@Test
	void ndDatasetOfRecordSequencesReadsInH5py() {
		Path f = dir.resolve("seq.h5");
		List<Object> cells = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			cells.add(points(i, i));
		}
		// one item bigger than a heap collection (1 MiB) and many items: several collections
		List<Object> many = new ArrayList<>();
		many.add(points(0, 50_000));
		for (int i = 1; i < 70_000; i++) {
			many.add(points(i, 1));
		}
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root();
			g.dataset("cells", Value.sequences(POINT, new long[] { 2, 3 }, cells)).attribute("emd_group_type", 3);
			g.dataset("floats", Value.sequences(F64, List.of(DatasetFactory.createFromObject(new double[] { 1.5, 2.5 }),
					DatasetFactory.createFromObject(new double[0]), ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, 7))));
			g.dataset("many", Value.sequences(POINT, many));
			g.attribute("seq_attr", Value.sequences(Datatype.of(DType.INT16), List.of(DatasetFactory.createFromObject(new int[] { 1, -2, 3 }))));
		}
		String dump = H5Tools.h5dump(f, "-H");
		assertTrue(dump.contains("H5T_VLEN { H5T_COMPOUND {"), dump);
		// h5py 3.7 cannot read an empty sequence of records, not even from a file it wrote itself
		// ("Cannot create cython.array from NULL pointer"), so the empty cell is checked in h5dump
		String dumped = H5Tools.h5dump(f, "-d", "/cells");
		assertTrue(dumped.contains("(0,0): (),"), dumped);
		String out = H5Tools.h5py(f, """
				d = f['cells']
				assert d.shape == (2, 3) and d.dtype.kind == 'O', (d.shape, d.dtype)
				base = h5py.check_vlen_dtype(d.dtype)
				assert base.names == ('qx', 'qy', 'intensity') and base['intensity'] == np.float32, base
				for i in range(1, 6):
				    c = d[i // 3, i % 3]
				    assert c.shape == (i,), (i, c.shape)
				    assert (c['qx'] == i).all() and c['qy'].tolist() == [-k for k in range(i)]
				    assert c['intensity'].tolist() == [10 * i + k for k in range(i)]
				assert d.attrs['emd_group_type'] == 3
				fl = f['floats'][()]
				assert [x.tolist() for x in fl] == [[1.5, 2.5], [], [7.0]], fl
				m = f['many']
				assert m.shape == (70000,) and m[0].shape == (50000,) and m[0]['qy'][-1] == -49999
				assert m[69999].tolist() == [(69999, 0, 699990)], m[69999]
				assert f.attrs['seq_attr'][0].tolist() == [1, -2, 3], f.attrs['seq_attr']
				print('ok')
				""");
		assertEquals("ok", out.strip());
	}

	@Test
	void rejectsItemsThatDoNotFitTheBase() {
		assertThrows(IllegalArgumentException.class, () -> Value.sequences(POINT, List.of(ByteBuffer.allocate(7))));
		assertThrows(IllegalArgumentException.class, () -> Value.sequences(POINT, List.of(DatasetFactory.createFromObject(new double[1]))));
		assertThrows(IllegalArgumentException.class, () -> new Datatype.VlenSequence(Datatype.VLEN_STRING));
		assertThrows(IllegalArgumentException.class, () -> Value.sequences(F64, new long[] { 3 }, List.of(ByteBuffer.allocate(8))));
		assertThrows(IllegalArgumentException.class, () -> Datatype.packed(List.of("s"), List.of(new Datatype.VlenSequence(F64))));
	}

	@TempDir
	Path dir;
}
