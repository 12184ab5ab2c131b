package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/** Every numeric dataset of every real HDF5 file, compared with h5py: shape, dtype and sum. */
class Hdf5CrossCheckTest {

	private static final String SCRIPT = """
			import h5py, numpy as np, sys
			def visit(name, obj):
			    if isinstance(obj, h5py.Dataset) and obj.dtype.kind in 'biufc' and obj.dtype.names is None:
			        a = obj[()]
			        s = complex(np.sum(a.astype(np.complex128))) if obj.dtype.kind == 'c' else float(np.sum(a.astype(np.float64)))
			        print('/' + name, obj.shape, obj.dtype.name, s.real if isinstance(s, complex) else s, sep='\\t')
			with h5py.File(sys.argv[1], 'r') as f:
			    f.visititems(visit)
			""";

	@Test
	void everyNumericDatasetAgreesWithH5py() throws Exception {
		Python.assumeModules("h5py", "numpy");
		int compared = 0;
		for (Path p : Hdf5RealFilesTest.allHdf5()) {
			String out = Python.check(SCRIPT, p.toString());
			try (DataFile f = new Hdf5Loader().open(p, Map.of())) {
				for (String line : out.split("\n")) {
					if (line.isBlank()) {
						continue;
					}
					String[] c = line.split("\t");
					ArrayNode a = f.find(c[0]);
					assertNotNull(a, p + " " + c[0]);
					assertEquals(c[1], Shapes.format(a.shape()), p + " " + c[0]);
					assertEquals(c[2], a.dtype().numpyName(), p + " " + c[0]);
					Dataset d = DatasetUtils.sliceAndConvertLazyDataset(a.lazy());
					Object s = d.isComplex() ? d.sum() : d.cast(org.eclipse.january.dataset.DoubleDataset.class).sum();
					double sum = s instanceof Number n ? n.doubleValue() : ((org.apache.commons.math3.complex.Complex) s).getReal();
					double expected = Double.parseDouble(c[3]);
					assertEquals(expected, sum, Math.abs(expected) * 1e-5 + 1e-9, p + " " + c[0]);
					compared++;
				}
			}
		}
		assertTrue(compared > 30, "compared only " + compared + " datasets");
	}
}
