package org.ronchi.processing.decomposition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.Python;

/** NMF against scikit-learn's (same rank, init and iterations); ICA on two mixed synthetic sources. */
class NmfIcaTest {

	@Test
	void nmfIsNoWorseThanScikitLearn() {
		Python.assumeModules("numpy", "sklearn");
		Matrices.M m = Matrices.spectrumImage("velox_emd/rsciio/Test SI 16x16 215 kx.emd");
		for (int rank : new int[] { 2, 4 }) {
			int iterations = 100;
			Nmf.Result ours = Nmf.compute(m.blocks(6), rank, iterations);
			String out = Python.check("""
					import sys, warnings, numpy as np
					from sklearn.decomposition import NMF
					warnings.simplefilter('ignore')
					x = np.fromfile(sys.argv[1], dtype='<f4').reshape(int(sys.argv[2]), int(sys.argv[3])).astype(np.float64)
					nmf = NMF(n_components=int(sys.argv[4]), init='nndsvda', solver='cd', max_iter=int(sys.argv[5]), tol=0, random_state=0)
					w = nmf.fit_transform(x)
					print(repr(float(np.linalg.norm(x - w @ nmf.components_))))
					""", m.raw().toString(), String.valueOf(m.rows()), String.valueOf(m.columns()), String.valueOf(rank),
					String.valueOf(iterations));
			double theirs = Double.parseDouble(out.trim());
			System.out.printf("NMF rank %d: ours %.6g, scikit-learn %.6g%n", rank, ours.error(), theirs);
			assertTrue(ours.error() <= theirs * (1 + 1e-6), "rank " + rank + ": ours " + ours.error() + " vs scikit-learn " + theirs);
			for (double v : ours.w()) {
				assertTrue(v >= 0);
			}
		}
	}

	@Test
	void icaRecoversTwoMixedSources() {
		int n = 2000;
		double[] s1 = new double[n];
		double[] s2 = new double[n];
		double[] x = new double[2 * n];
		for (int i = 0; i < n; i++) {
			double t = i / 100.0;
			s1[i] = Math.sin(2 * Math.PI * 0.7 * t);
			s2[i] = 2 * ((1.3 * t) % 1.0) - 1; // sawtooth
			x[2 * i] = 0.6 * s1[i] + 0.4 * s2[i];
			x[2 * i + 1] = 0.45 * s1[i] - 0.8 * s2[i];
		}
		FastIca.Result r = FastIca.separate(x, n, 2, 0, 200, 1e-6);
		assertTrue(r.converged());
		double[] a = new double[n];
		double[] b = new double[n];
		for (int i = 0; i < n; i++) {
			a[i] = r.sources()[2 * i];
			b[i] = r.sources()[2 * i + 1];
		}
		double best1 = Math.max(Math.abs(corr(a, s1)), Math.abs(corr(b, s1)));
		double best2 = Math.max(Math.abs(corr(a, s2)), Math.abs(corr(b, s2)));
		assertTrue(best1 > 0.99 && best2 > 0.99, "correlations " + best1 + ", " + best2);
	}

	private static double corr(double[] a, double[] b) {
		double ma = 0;
		double mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= a.length;
		double sab = 0;
		double saa = 0;
		double sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
