package org.ronchi.processing.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.Python;

/** Truncated SVD against NumPy's full SVD of the same unfolded matrix (uncentred, HyperSpy's default). */
class TruncatedSvdTest {

	private static double[] numpySingularValues(Matrices.M m, String prep) {
		Python.assumeModules("numpy");
		String out = Python.check("""
				import sys, numpy as np
				x = np.fromfile(sys.argv[1], dtype='<f4').reshape(int(sys.argv[2]), int(sys.argv[3])).astype(np.float64)
				""" + prep + """
				s = np.linalg.svd(x, compute_uv=False)
				print(' '.join(repr(float(v)) for v in s[:10]))
				print(repr(float((s**2).sum())))
				""", m.raw().toString(), String.valueOf(m.rows()), String.valueOf(m.columns()));
		String[] lines = out.split("\n");
		double[] s = Matrices.parse(lines[0]);
		double[] r = new double[s.length + 1];
		System.arraycopy(s, 0, r, 0, s.length);
		r[s.length] = Double.parseDouble(lines[1]);
		return r;
	}

	private static void assertMatches(double[] ref, SvdResult r, double tol) {
		for (int i = 0; i < 10; i++) {
			assertEquals(ref[i], r.singularValues()[i], tol * ref[i], "singular value " + i + " (" + r.method() + ")");
			assertEquals(ref[i] * ref[i] / ref[10], r.explainedVarianceRatio()[i], 1e-9, "explained variance ratio " + i);
		}
	}

	@Test
	void veloxSpectrumImageMatchesNumpy() {
		Matrices.M m = Matrices.spectrumImage("velox_emd/rsciio/Test SI 16x16 215 kx.emd");
		assertEquals(256, m.rows());
		SvdResult r = TruncatedSvd.compute(m.blocks(37), Preprocessing.none(), TruncatedSvd.Options.of(10));
		assertEquals("sketch-exact", r.method());
		assertMatches(numpySingularValues(m, ""), r, 1e-5);
		// Poisson normalisation as HyperSpy's normalize_poissonian_noise (counts: non-negative)
		double[] refP = numpySingularValues(m, """
				a = x.sum(1)[:, None]; b = x.sum(0)[None, :]
				with np.errstate(divide='ignore', invalid='ignore'):
				    x = np.nan_to_num(x / (np.sqrt(a) * np.sqrt(b)))
				""");
		SvdResult p = TruncatedSvd.compute(m.blocks(7), new Preprocessing(Preprocessing.Centre.NONE, true, null, null),
				TruncatedSvd.Options.of(10));
		assertMatches(refP, p, 1e-5);
	}

	@Test
	void tiaSpectrumImageMatchesNumpyByEveryMethod() {
		Matrices.M m = Matrices.spectrumImage("ser_emi/rsciio_old/16x16-spectrum_image-5x5x1024.emi");
		assertEquals(25, m.rows());
		double[] ref = numpySingularValues(m, "");
		for (TruncatedSvd.Method method : new TruncatedSvd.Method[] { TruncatedSvd.Method.AUTO, TruncatedSvd.Method.GRAM }) {
			SvdResult r = TruncatedSvd.compute(m.blocks(4), Preprocessing.none(), TruncatedSvd.Options.of(10).method(method));
			assertMatches(ref, r, 1e-5);
		}
		// centred on navigation (the mean spectrum removed)
		double[] refC = numpySingularValues(m, "x = x - x.mean(0)[None, :]\n");
		SvdResult c = TruncatedSvd.compute(m.blocks(3), new Preprocessing(Preprocessing.Centre.NAVIGATION, false, null, null),
				TruncatedSvd.Options.of(10).method(TruncatedSvd.Method.GRAM));
		assertMatches(refC, c, 1e-5);
	}

	@Test
	void randomizedFindsALowRankMatrixAndReconstructsIt() {
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
		Matrices.M mat = new Matrices.M(x, n, m);
		SvdResult res = TruncatedSvd.compute(mat.blocks(64), Preprocessing.none(), TruncatedSvd.Options.of(rank));
		assertEquals("randomized", res.method());
		assertEquals(7, res.passes(), "2 + 2q passes with q = 2, and one for the loadings' scales and the total");
		double[] ref = numpySingularValues(mat, "");
		for (int i = 0; i < rank; i++) {
			assertEquals(ref[i], res.singularValues()[i], 1e-6 * ref[0], "singular value " + i);
		}
		double err = 0;
		double norm = 0;
		double[] row = new double[m];
		double[] l = new double[rank];
		for (int i = 0; i < n; i++) {
			System.arraycopy(res.loadings(), i * rank, l, 0, rank);
			Reconstruction.row(l, res.factors(), m, rank, rank, null, row);
			for (int j = 0; j < m; j++) {
				err += Math.pow(row[j] - x[i * m + j], 2);
				norm += (double) x[i * m + j] * x[i * m + j];
			}
		}
		assertTrue(Math.sqrt(err / norm) < 1e-4, "relative reconstruction error " + Math.sqrt(err / norm));
	}

	@Test
	void masksLeaveNaNsWhereHyperSpyDoes() {
		Matrices.M m = Matrices.spectrumImage("ser_emi/rsciio_old/16x16-spectrum_image-5x5x1024.emi");
		boolean[] nav = new boolean[25];
		nav[3] = true;
		boolean[] sig = new boolean[1024];
		sig[0] = sig[1] = true;
		SvdResult r = TruncatedSvd.compute(m.blocks(5), new Preprocessing(Preprocessing.Centre.NONE, false, nav, sig),
				TruncatedSvd.Options.of(3));
		assertTrue(Double.isNaN(r.loadings()[3 * 3]));
		assertTrue(Double.isNaN(r.factors()[0]));
		assertTrue(!Double.isNaN(r.factors()[2 * 3]));
		double[] ref = numpySingularValues(m, "x = np.delete(np.delete(x, [3], 0), [0, 1], 1)\n");
		for (int i = 0; i < 3; i++) {
			assertEquals(ref[i], r.singularValues()[i], 1e-5 * ref[i]);
		}
	}
}
