package org.ronchi.processing.diffraction;

import java.util.Arrays;

/**
 * Binary morphology on masks ({@code nx × ny}, C order) as SciPy's {@code ndimage} does it with its
 * default structuring element (the 3×3 cross) and a border of false: erosion, dilation, opening, and
 * the exact Euclidean distance transform ({@code distance_transform_edt}, Felzenszwalb–Huttenlocher).
 */
public final class Morphology {
	private Morphology() {
	}

	/** {@code binary_erosion(m, iterations=n)}; pixels beyond the border count as false. */
	public static boolean[] erode(boolean[] m, int nx, int ny, int iterations) {
		boolean[] cur = m.clone();
		for (int it = 0; it < iterations; it++) {
			boolean[] next = new boolean[m.length];
			for (int x = 0; x < nx; x++) {
				for (int y = 0; y < ny; y++) {
					int i = x * ny + y;
					next[i] = cur[i] && x > 0 && cur[i - ny] && x < nx - 1 && cur[i + ny] && y > 0 && cur[i - 1] && y < ny - 1 && cur[i + 1];
				}
			}
			cur = next;
		}
		return cur;
	}

	/** {@code binary_dilation(m, iterations=n)}. */
	public static boolean[] dilate(boolean[] m, int nx, int ny, int iterations) {
		boolean[] cur = m.clone();
		for (int it = 0; it < iterations; it++) {
			boolean[] next = new boolean[m.length];
			for (int x = 0; x < nx; x++) {
				for (int y = 0; y < ny; y++) {
					int i = x * ny + y;
					next[i] = cur[i] || (x > 0 && cur[i - ny]) || (x < nx - 1 && cur[i + ny]) || (y > 0 && cur[i - 1]) || (y < ny - 1 && cur[i + 1]);
				}
			}
			cur = next;
		}
		return cur;
	}

	/** {@code binary_opening(m, iterations=n)}: n erosions, then n dilations. */
	public static boolean[] open(boolean[] m, int nx, int ny, int iterations) {
		return dilate(erode(m, nx, ny, iterations), nx, ny, iterations);
	}

	/**
	 * {@code distance_transform_edt(~m)}: for every pixel, the Euclidean distance to the nearest true
	 * pixel of m (0 on m). All-false m gives +inf everywhere (SciPy would measure to the border).
	 */
	public static double[] distanceToMask(boolean[] m, int nx, int ny) {
		double inf = 1e20;
		double[] d = new double[m.length];
		for (int i = 0; i < m.length; i++) {
			d[i] = m[i] ? 0 : inf;
		}
		double[] f = new double[Math.max(nx, ny)];
		double[] out = new double[f.length];
		for (int x = 0; x < nx; x++) {
			System.arraycopy(d, x * ny, f, 0, ny);
			squaredDistance1d(f, ny, out);
			System.arraycopy(out, 0, d, x * ny, ny);
		}
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				f[x] = d[x * ny + y];
			}
			squaredDistance1d(f, nx, out);
			for (int x = 0; x < nx; x++) {
				d[x * ny + y] = out[x];
			}
		}
		for (int i = 0; i < d.length; i++) {
			d[i] = d[i] >= inf ? Double.POSITIVE_INFINITY : Math.sqrt(d[i]);
		}
		return d;
	}

	/** The lower envelope of parabolas (Felzenszwalb & Huttenlocher 2012): out[q] = min_p (q-p)² + f[p]. */
	private static void squaredDistance1d(double[] f, int n, double[] out) {
		int[] v = new int[n];
		double[] z = new double[n + 1];
		int k = 0;
		int first = -1;
		for (int q = 0; q < n; q++) {
			if (f[q] < 1e20) {
				first = q;
				break;
			}
		}
		if (first < 0) {
			Arrays.fill(out, 0, n, 1e20);
			return;
		}
		v[0] = first;
		z[0] = Double.NEGATIVE_INFINITY;
		z[1] = Double.POSITIVE_INFINITY;
		for (int q = first + 1; q < n; q++) {
			if (f[q] >= 1e20) {
				continue;
			}
			double s;
			while (true) {
				int p = v[k];
				s = ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
				if (s <= z[k] && k > 0) {
					k--;
				} else {
					break;
				}
			}
			if (s <= z[k]) { // k == 0: the new parabola hides the only one
				v[0] = q;
				z[0] = Double.NEGATIVE_INFINITY;
				z[1] = Double.POSITIVE_INFINITY;
				continue;
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		k = 0;
		for (int q = 0; q < n; q++) {
			while (z[k + 1] < q) {
				k++;
			}
			double dq = q - v[k];
			out[q] = dq * dq + f[v[k]];
		}
	}
}
