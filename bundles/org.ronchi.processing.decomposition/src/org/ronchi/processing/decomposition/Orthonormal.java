package org.ronchi.processing.decomposition;

import java.util.SplittableRandom;

/**
 * Orthonormal bases of the columns of tall, thin matrices (n × l, column-major as l arrays of n): classical
 * Gram–Schmidt applied twice (CGS2), orthogonal to working precision for any full-rank input; a column
 * that vanishes (rank deficiency) is replaced by a random one orthogonalised against the others, so the
 * basis stays orthonormal. Written here because commons-math3's QR only forms the full n × n Q.
 */
public final class Orthonormal {
	private Orthonormal() {
	}

	/** Makes the columns q[0..l-1] (each of length n) orthonormal in place, in order. */
	public static void orthonormalise(double[][] q, long seed) {
		int l = q.length;
		SplittableRandom random = new SplittableRandom(seed);
		for (int j = 0; j < l; j++) {
			double before = norm(q[j]);
			for (int pass = 0; pass < 2; pass++) {
				for (int i = 0; i < j; i++) {
					double d = dot(q[i], q[j]);
					axpy(-d, q[i], q[j]);
				}
			}
			double after = norm(q[j]);
			if (!(after > 1e-10 * Math.max(before, Double.MIN_NORMAL))) {
				for (int t = 0; t < q[j].length; t++) {
					q[j][t] = random.nextDouble() - 0.5;
				}
				j--; // orthogonalise the replacement
				continue;
			}
			double s = 1 / after;
			for (int t = 0; t < q[j].length; t++) {
				q[j][t] *= s;
			}
		}
	}

	/** @return a standard normal deviate (Box–Muller): the test matrices and random starts here */
	public static double gaussian(SplittableRandom r) {
		double u1 = r.nextDouble();
		double u2 = r.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}

	public static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	public static double norm(double[] a) {
		return Math.sqrt(dot(a, a));
	}

	public static void axpy(double a, double[] x, double[] y) {
		for (int i = 0; i < x.length; i++) {
			y[i] += a * x[i];
		}
	}
}
