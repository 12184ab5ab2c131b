package org.ronchi.io.usid.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.internal.UsidLoader;
import org.ronchi.tests.support.Python;

/**
 * h5USID files as pycroscopy writes them when an ancillary is of an unusual type: a float16
 * Position_Values (as the file had) reads and calibrates; a Position_Values whose datatype cannot
 * be read (class 11, which no HDF5 defines) leaves the Main dataset shown as stored, with a warning, and
 * the file opens.
 */
class UsidOddAncillaryTest {
	@TempDir
	Path dir;

	/** A 2 x 3 scan (x fastest) of 4-point spectra; argv[2] "damage" breaks Position_Values' datatype. */
	private static final String SCRIPT = """
			import h5py, numpy as np, sys
			with h5py.File(sys.argv[1], 'w', libver='earliest') as f:
			    f.attrs['pyUSID_version'] = '0.0.10'
			    c = f.create_group('Measurement_000/Channel_000')
			    main = c.create_dataset('Raw_Data', data=np.arange(24, dtype='<f4').reshape(6, 4))
			    main.attrs['quantity'] = 'Current'
			    main.attrs['units'] = 'nA'
			    x, y = np.meshgrid(np.arange(3), np.arange(2))
			    pi = c.create_dataset('Position_Indices', data=np.stack([x.ravel(), y.ravel()], 1).astype('<u4'))
			    pv = c.create_dataset('Position_Values', data=(np.stack([x.ravel(), y.ravel()], 1) * 0.5).astype('<f2'))
			    si = c.create_dataset('Spectroscopic_Indices', data=np.arange(4, dtype='<u4').reshape(1, 4))
			    sv = c.create_dataset('Spectroscopic_Values', data=np.linspace(1, 2.5, 4).reshape(1, 4))
			    for a, labels, units in [(pi, ['X', 'Y'], ['um', 'um']), (pv, ['X', 'Y'], ['um', 'um']),
			                             (si, ['Bias'], ['V']), (sv, ['Bias'], ['V'])]:
			        a.attrs['labels'] = labels
			        a.attrs['units'] = units
			        main.attrs[a.name.split('/')[-1]] = a.ref
			if sys.argv[2] == 'damage':
			    half = h5py.h5t.py_create(np.dtype('<f2')).encode()[2:]  # the datatype message, after H5Tencode's prefix
			    b = bytearray(open(sys.argv[1], 'rb').read())
			    i = b.find(half)
			    assert i >= 0 and b.find(half, i + 1) < 0
			    b[i] = 0x1B  # class 11, version 1
			    open(sys.argv[1], 'wb').write(bytes(b))
			""";

	private Path write(String name, boolean damage) {
		Python.assumeModules("h5py", "numpy");
		Path f = dir.resolve(name);
		Python.check(SCRIPT, f.toString(), damage ? "damage" : "keep");
		return f;
	}

	@Test
	void halfFloatPositionValuesCalibrateTheScan() {
		Path f = write("half.h5", false);
		try (DataFile d = new UsidLoader().open(f, Map.of())) {
			ArrayNode main = d.signals().get(0);
			assertEquals(MainDataset.KIND, main.kind());
			ArrayNode ndim = main.ndimForm().array(true, false);
			assertEquals(24, ndim.size());
			// X (3 positions) has values 0, 0.5, 1.0, stored as float16
			org.ronchi.core.model.Axis x = ndim.axes().stream().filter(a -> a.name().equals("X")).findFirst().orElseThrow();
			assertEquals(3, x.size());
			assertEquals(0.5, x.scale(), 1e-12);
			assertTrue(d.warnings().isEmpty(), d.warnings().toString());
		}
	}

	@Test
	void anUnreadablePositionValuesLeavesTheMainFlatAndTheFileOpen() {
		Path f = write("damaged.h5", true);
		try (DataFile d = new UsidLoader().open(f, Map.of())) {
			assertEquals(1, d.signals().size());
			ArrayNode main = d.signals().get(0);
			assertArrayEquals(new long[] { 6, 4 }, main.shape());
			assertEquals(ArrayNode.KIND_ARRAY, main.kind());
			assertEquals(1, d.warnings().size(), d.warnings().toString());
			String w = d.warnings().get(0);
			assertTrue(w.contains("/Measurement_000/Channel_000/Raw_Data") && w.contains("Position_Values")
					&& w.contains("data class = 11"), w);
			ArrayNode pv = (ArrayNode) d.root().resolve("/Measurement_000/Channel_000/Position_Values");
			assertEquals(ArrayNode.KIND_UNREADABLE, pv.kind());
		}
	}
}
