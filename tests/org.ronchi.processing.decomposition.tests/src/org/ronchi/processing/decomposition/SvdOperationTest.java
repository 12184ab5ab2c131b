package org.ronchi.processing.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.Engine;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.decomposition.ops.SvdOperation;
import org.ronchi.tests.support.Python;

/**
 * decomposition.svd against NumPy's full SVD of the same unfolded matrix (uncentred, HyperSpy's
 * default), on the real spectrum images read through their loaders, inline and on two threads.
 */
class SvdOperationTest {

	private static void assertMatches(double[] ref, RunResult r, double tol) {
		double[] s = Matrices.values(r.output("singular_values"));
		double[] ratio = Matrices.values(r.output("explained_variance_ratio"));
		for (int i = 0; i < 10; i++) {
			assertEquals(ref[i], s[i], tol * ref[i], "singular value " + i);
			assertEquals(ref[i] * ref[i] / ref[10], ratio[i], 1e-9, "explained variance ratio " + i);
		}
	}

	@Test
	void veloxSpectrumImageMatchesNumpy() {
		try (DataFile f = Matrices.open(SvdOperationTest.class, Matrices.VELOX)) {
			Matrices.M m = Matrices.spectrumImage(f);
			assertEquals(256, m.rows());
			RunResult r = m.run(new SvdOperation(), Map.of("output_dimension", 10));
			assertEquals(3, r.plan().passes(), "sketch-exact: the sketch, the projection, the loadings");
			assertMatches(Matrices.numpySingularValues(m, ""), r, 1e-5);
			// factors and loadings as HyperSpy gives them: V and U S with svd_flip's signs; X ≈ loadings · factorsᵀ
			Python.assumeModules("numpy");
			double[] factors = Matrices.values(r.output("factors"));
			double[] loadings = Matrices.values(r.output("loadings"));
			assertArrayEquals(new long[] { 10, 4096 }, r.output("factors").shape());
			assertArrayEquals(new long[] { 16, 16, 10 }, r.output("loadings").shape());
			String out = Python.check("""
					import sys, numpy as np
					x = np.fromfile(sys.argv[1], dtype='<f4').reshape(256, 4096).astype(np.float64)
					u, s, vt = np.linalg.svd(x, full_matrices=False)
					signs = np.sign(u[np.argmax(np.abs(u), axis=0), range(u.shape[1])])
					vt = vt * signs[:, None]
					u = u * signs
					f = np.fromfile(sys.argv[2], dtype='<f8').reshape(10, 4096)
					l = np.fromfile(sys.argv[3], dtype='<f8').reshape(256, 10)
					print(np.abs(f[:3] - vt[:3]).max(), np.abs(l[:, :3] - (u * s)[:, :3]).max() / s[0])
					""", m.raw().toString(), raw(factors), raw(loadings));
			double[] err = Matrices.parse(out);
			assertTrue(err[0] < 1e-6 && err[1] < 1e-6, "first 3 factors and loadings as NumPy's (svd_flip signs): " + out);
		}
	}

	@Test
	void poissonNormalisationMatchesNumpy() {
		try (DataFile f = Matrices.open(SvdOperationTest.class, Matrices.VELOX)) {
			Matrices.M m = Matrices.spectrumImage(f);
			double[] ref = Matrices.numpySingularValues(m, """
					a = x.sum(1)[:, None]; b = x.sum(0)[None, :]
					with np.errstate(divide='ignore', invalid='ignore'):
					    x = np.nan_to_num(x / (np.sqrt(a) * np.sqrt(b)))
					""");
			RunResult r = m.run(new SvdOperation(), Map.of("output_dimension", 10, "normalize_poissonian_noise", true));
			assertEquals(4, r.plan().passes(), "a statistics pass first");
			assertMatches(ref, r, 1e-5);
		}
	}

	@Test
	void tiaSpectrumImageMatchesNumpyByEveryExactMethod() {
		try (DataFile f = Matrices.open(SvdOperationTest.class, Matrices.TIA)) {
			Matrices.M m = Matrices.spectrumImage(f);
			assertEquals(25, m.rows());
			double[] ref = Matrices.numpySingularValues(m, "");
			for (String method : new String[] { "auto", "gram", "sketch-exact" }) {
				assertMatches(ref, m.run(new SvdOperation(), Map.of("output_dimension", 10, "method", method)), 1e-5);
			}
			double[] refC = Matrices.numpySingularValues(m, "x = x - x.mean(0)[None, :]\n");
			RunResult c = m.run(new SvdOperation(), Map.of("output_dimension", 10, "method", "gram", "centre", "navigation"));
			assertMatches(refC, c, 1e-5);
			double[] mean = Matrices.values(c.output("mean"));
			double expect = 0;
			for (int i = 0; i < 25; i++) {
				expect += m.data()[i * 1024 + 500] / 25.0;
			}
			assertEquals(expect, mean[500], 1e-9 * Math.abs(expect) + 1e-12, "the mean spectrum");
			double[] refS = Matrices.numpySingularValues(m, "x = x - x.mean(1)[:, None]\n");
			assertMatches(refS, m.run(new SvdOperation(), Map.of("output_dimension", 10, "centre", "signal")), 1e-5);
		}
	}

	@Test
	void masksLeaveNaNsWhereHyperSpyDoes() {
		try (DataFile f = Matrices.open(SvdOperationTest.class, Matrices.TIA)) {
			Matrices.M m = Matrices.spectrumImage(f);
			org.eclipse.january.dataset.DoubleDataset nav = org.eclipse.january.dataset.DatasetFactory
					.zeros(org.eclipse.january.dataset.DoubleDataset.class, 5, 5);
			nav.set(1, 0, 3);
			org.eclipse.january.dataset.DoubleDataset sig = org.eclipse.january.dataset.DatasetFactory
					.zeros(org.eclipse.january.dataset.DoubleDataset.class, 1024);
			sig.set(1, 0);
			sig.set(1, 1);
			RunResult r = m.run(new SvdOperation(), Map.of("output_dimension", 3, "navigation_mask", nav, "signal_mask", sig));
			double[] loadings = Matrices.values(r.output("loadings"));
			double[] factors = Matrices.values(r.output("factors"));
			assertTrue(Double.isNaN(loadings[3 * 3]), "masked position");
			assertTrue(Double.isNaN(factors[0]) && Double.isNaN(factors[1]) && !Double.isNaN(factors[2]), "masked signal values");
			double[] ref = Matrices.numpySingularValues(m, "x = np.delete(np.delete(x, [3], 0), [0, 1], 1)\n");
			double[] s = Matrices.values(r.output("singular_values"));
			for (int i = 0; i < 3; i++) {
				assertEquals(ref[i], s[i], 1e-5 * ref[i]);
			}
			ParameterException bad = assertThrows(ParameterException.class, () -> m.run(new SvdOperation(),
					Map.of("navigation_mask", org.eclipse.january.dataset.DatasetFactory.zeros(org.eclipse.january.dataset.DoubleDataset.class, 4, 4))));
			assertTrue(bad.getMessage().contains("navigation_mask"), bad.getMessage());
		}
	}

	@Test
	void randomizedFindsALowRankMatrixAndItsModel() {
		int n = 700;
		int m = 1500;
		int rank = 6;
		SplittableRandom r = new SplittableRandom(3);
		double[][] a = new double[rank][n];
		double[][] b = new double[rank][m];
		for (int c = 0; c < rank; c++) {
			for (int i = 0; i < n; i++) {
				a[c][i] = r.nextDouble() * Math.pow(0.5, c);
			}
			for (int j = 0; j < m; j++) {
				b[c][j] = r.nextDouble();
			}
		}
		float[] x = new float[n * m];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				double s = 1e-4 * (r.nextDouble() - 0.5);
				for (int c = 0; c < rank; c++) {
					s += a[c][i] * b[c][j];
				}
				x[i * m + j] = (float) s;
			}
		}
		Matrices.M mat = Matrices.inMemory(x, n, m);
		RunResult res = mat.run(new SvdOperation(), Map.of("output_dimension", rank, "model_components", rank));
		assertEquals(7, res.plan().passes(), "randomized: 2 + 2q passes with q = 2, and the loadings pass");
		double[] ref = Matrices.numpySingularValues(mat, "");
		double[] s = Matrices.values(res.output("singular_values"));
		for (int i = 0; i < rank; i++) {
			assertEquals(ref[i], s[i], 1e-6 * ref[0], "singular value " + i);
		}
		double[] model = Matrices.values(res.output("model"));
		double err = 0;
		double norm = 0;
		for (int i = 0; i < x.length; i++) {
			err += Math.pow(model[i] - x[i], 2);
			norm += (double) x[i] * x[i];
		}
		assertTrue(Math.sqrt(err / norm) < 1e-4, "relative error of the model from 6 components " + Math.sqrt(err / norm));
	}

	@Test
	void resultsFileOpensInH5pyWithHyperSpysLayout() {
		java.nio.file.Path results = org.ronchi.tests.support.TestData.tempDir("svd").resolve("si_results.h5");
		org.ronchi.processing.results.ResultsStores stores = org.ronchi.processing.results.ResultsStores.of(org.ronchi.tests.support.Services
				.all(SvdOperationTest.class, org.ronchi.processing.results.ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore"));
		try (DataFile f = Matrices.open(SvdOperationTest.class, Matrices.VELOX); Engine e = new Engine(Engine.Config.defaults(), stores)) {
			Matrices.M m = Matrices.spectrumImage(f);
			try (RunResult r = e.run(RunRequest.of(new SvdOperation(), m.node()).params(Map.of("output_dimension", 5, "model_components", 2))
					.source(f.path(), m.node().path()).results(results))) {
				Python.assumeModules("h5py", "numpy");
				String out = Python.check("""
						import sys, h5py, numpy as np
						g = h5py.File(sys.argv[1], 'r')[sys.argv[2]]
						assert g.attrs['ronchi_operation'] == 'decomposition.svd', dict(g.attrs)
						s = g['singular_values/data'][...]
						f = g['factors/data'][...]
						l = g['loadings/data'][...]
						model = g['model/data'][...]
						assert f.shape == (5, 4096) and l.shape == (16, 16, 5) and model.shape == (16, 16, 4096), (f.shape, l.shape, model.shape)
						assert np.allclose(f @ f.T, np.eye(5), atol=1e-9), 'orthonormal factors'
						rebuilt = np.tensordot(l[..., :2], f[:2], axes=1)
						assert np.allclose(model, rebuilt, rtol=1e-5, atol=1e-3 * np.abs(rebuilt).max()), 'model = loadings . factors'
						assert g['loadings/dim2'].attrs['name'] == 'component'
						print(' '.join(repr(float(v)) for v in s))
						""", results.toString(), r.group());
				assertArrayEquals(Matrices.values(r.output("singular_values")), Matrices.parse(out), 0, "h5py reads what was computed");
			}
		}
	}

	@Test
	void aTestRunOfOnePositionSaysItCannotDecompose() {
		try (DataFile f = Matrices.open(SvdOperationTest.class, Matrices.TIA); Engine e = Engine.inline()) {
			Matrices.M m = Matrices.spectrumImage(f);
			DecompositionException x = assertThrows(DecompositionException.class,
					() -> e.test(RunRequest.of(new SvdOperation(), m.node()).params(Map.of("output_dimension", 1)), 2, 2));
			assertTrue(x.getMessage().contains("needs every position"), x.getMessage());
		}
	}

	private static String raw(double[] v) {
		try {
			java.nio.file.Path p = java.nio.file.Files.createTempFile("ronchi-values", ".f64");
			java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
			b.asDoubleBuffer().put(v);
			java.nio.file.Files.write(p, b.array());
			p.toFile().deleteOnExit();
			return p.toString();
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
	}
}
