package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.core.npy.NpyWriter;
import org.ronchi.core.model.DType;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

class NpyTest {

	@ParameterizedTest
	@EnumSource(value = DType.class, names = { "INT8", "UINT8", "INT16", "UINT16", "INT32", "UINT32", "INT64",
			"FLOAT32", "FLOAT64", "COMPLEX64", "COMPLEX128" })
	void roundTripsEveryNumericType(DType t) throws Exception {
		Dataset d = DatasetFactory.createRange(IntegerDataset.class, 24).reshape(2, 3, 4).cast(t.januaryClass());
		Path out = TestData.tempDir("npy").resolve("a.npy");
		NpyWriter.write(out, t, d);
		NpyReader.Npy back = NpyReader.read(out);
		assertEquals(t, back.dtype());
		assertArrayEquals(new int[] { 2, 3, 4 }, back.data().getShape());
		Object sum = back.data().sum();
		double real = sum instanceof Number n ? n.doubleValue() : ((org.apache.commons.math3.complex.Complex) sum).getReal();
		assertEquals(276.0, real, 0.0);
		try (var s = Files.list(out.getParent())) {
			assertEquals(1, s.count(), "no temp file left behind");
		}
	}

	@Test
	void unsignedValuesAboveSignedRangeSurvive() {
		Dataset d = DatasetFactory.createFromObject(IntegerDataset.class, (Object) new int[] { 0, 40000, 65535 });
		Path out = TestData.tempDir("npy").resolve("u.npy");
		NpyWriter.write(out, DType.UINT16, d);
		assertEquals(65535, NpyReader.read(out).data().getInt(2));
	}

	@Test
	void numpyReadsWhatWeWrite() {
		Python.assumeModules("numpy");
		Dataset d = DatasetFactory.createRange(IntegerDataset.class, 6).reshape(3, 2).cast(DType.UINT16.januaryClass());
		Path out = TestData.tempDir("npy").resolve("b.npy");
		NpyWriter.write(out, DType.UINT16, d);
		String r = Python.check("import numpy as np, sys\na = np.load(sys.argv[1])\nprint(a.dtype, a.shape, int(a.sum()), a[2, 1])", out.toString());
		assertEquals("uint16 (3, 2) 15 5", r);
		assertFalse(out.getFileName().toString().startsWith("."));
	}
}
