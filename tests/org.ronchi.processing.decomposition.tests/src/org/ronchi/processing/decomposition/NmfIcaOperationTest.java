package org.ronchi.processing.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.decomposition.ops.IcaOperation;
import org.ronchi.processing.decomposition.ops.NmfOperation;
import org.ronchi.tests.support.Python;

/** decomposition.nmf against scikit-learn's NMF (same rank, init and iterations); decomposition.ica on two mixed sources. */
class NmfIcaOperationTest {

	@Test
	void nmfIsNoWorseThanScikitLearn() {
		Python.assumeModules("numpy", "sklearn");
		try (DataFile f = Matrices.open(NmfIcaOperationTest.class, Matrices.VELOX)) {
			Matrices.M m = Matrices.spectrumImage(f);
			for (int rank : new int[] { 2, 4 }) {
				int iterations = 100;
				RunResult r = m.run(new NmfOperation(), Map.of("output_dimension", rank, "iterations", iterations, "model", rank == 2));
				assertEquals(1 + 3 + iterations + (rank == 2 ? 1 : 0), r.plan().passes(), "statistics, SVD (3), one pass per iteration, model");
				double ours = Matrices.values(r.output("reconstruction_error"))[0];
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
				System.out.printf("NMF rank %d: ours %.6g, scikit-learn %.6g%n", rank, ours, theirs);
				assertTrue(ours <= theirs * (1 + 1e-6), "rank " + rank + ": ours " + ours + " vs scikit-learn " + theirs);
				double[] w = Matrices.values(r.output("loadings"));
				double[] h = Matrices.values(r.output("factors"));
				assertArrayEquals(new long[] { 16, 16, rank }, r.output("loadings").shape());
				assertArrayEquals(new long[] { rank, 4096 }, r.output("factors").shape());
				for (double v : w) {
					assertTrue(v >= 0, "W non-negative");
				}
				for (double v : h) {
					assertTrue(v >= 0, "H non-negative");
				}
				if (rank == 2) { // the model output is W H, and its distance from X is the reported error
					double[] model = Matrices.values(r.output("model"));
					double e2 = 0;
					for (int i = 0; i < model.length; i++) {
						double wh = 0;
						for (int a = 0; a < rank; a++) {
							wh += w[(i / 4096) * rank + a] * h[a * 4096 + i % 4096];
						}
						assertEquals(wh, model[i], 1e-5 * Math.max(1, Math.abs(wh)), "model = W H at " + i);
						e2 += Math.pow(m.data()[i] - wh, 2);
					}
					assertEquals(Math.sqrt(e2), ours, 1e-6 * ours, "the reported error is ||X - WH||");
				}
			}
		}
	}

	@Test
	void nmfRefusesNegativeData() {
		float[] x = new float[20 * 30];
		for (int i = 0; i < x.length; i++) {
			x[i] = i % 7 - 1;
		}
		ProcessingException e = org.junit.jupiter.api.Assertions.assertThrows(ProcessingException.class,
				() -> Matrices.inMemory(x, 20, 30).run(new NmfOperation(), Map.of()));
		assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
	}

	@Test
	void icaRecoversTwoMixedSources() {
		// a spectrum image whose spectra mix a sine and a sawtooth with random positive weights
		int n = 30 * 40;
		int m = 2000;
		double[] s1 = new double[m];
		double[] s2 = new double[m];
		for (int j = 0; j < m; j++) {
			double t = j / 100.0;
			s1[j] = Math.sin(2 * Math.PI * 0.7 * t);
			s2[j] = 2 * ((1.3 * t) % 1.0) - 1;
		}
		SplittableRandom r = new SplittableRandom(5);
		float[] x = new float[n * m];
		for (int i = 0; i < n; i++) {
			double a = r.nextDouble();
			double b = r.nextDouble();
			for (int j = 0; j < m; j++) {
				x[i * m + j] = (float) (a * s1[j] + b * s2[j]);
			}
		}
		RunResult res = Matrices.inMemory(x, n, m).run(new IcaOperation(), Map.of("components", 2, "max_iterations", 500, "tolerance", 1e-8));
		assertEquals(1, Matrices.values(res.output("converged"))[0], 0);
		double[] f = Matrices.values(res.output("factors"));
		double[] a = new double[m];
		double[] b = new double[m];
		for (int j = 0; j < m; j++) {
			a[j] = f[j];
			b[j] = f[m + j];
		}
		double best1 = Math.max(Math.abs(corr(a, s1)), Math.abs(corr(b, s1)));
		double best2 = Math.max(Math.abs(corr(a, s2)), Math.abs(corr(b, s2)));
		assertTrue(best1 > 0.99 && best2 > 0.99, "correlations " + best1 + ", " + best2);
	}

	static double corr(double[] a, double[] b) {
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
