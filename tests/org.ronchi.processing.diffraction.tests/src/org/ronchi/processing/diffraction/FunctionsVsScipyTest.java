package org.ronchi.processing.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.Python;

/**
 * The hand-written image functions against SciPy (Gaussian filter, binary morphology, Euclidean distance
 * transform) and Bragg disk detection against bench/bragg_numpy.py, py4DSTEM's algorithm transcribed
 * in NumPy (maxima filter, parabolic and DFT-upsampled refinement).
 */
class FunctionsVsScipyTest {

	private static double[] random(int n, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		double[] a = new double[n];
		for (int i = 0; i < n; i++) {
			a[i] = r.nextDouble() * 100;
		}
		return a;
	}

	private static double[] parse(String line) {
		String[] p = line.trim().split("\\s+");
		double[] v = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			v[i] = Double.parseDouble(p[i]);
		}
		return v;
	}

	@Test
	void gaussianFilterIsScipys() {
		Python.assumeModules("numpy", "scipy");
		int nx = 37;
		int ny = 53;
		double[] a = random(nx * ny, 1);
		for (double sigma : new double[] { 0.7, 2, 5.5 }) {
			double[] ours = ImageFilters.gaussian(a, nx, ny, sigma);
			double[] theirs = parse(Python.check("""
					import sys, numpy as np
					from scipy.ndimage import gaussian_filter
					a = np.load(sys.argv[1])
					print(' '.join(repr(float(v)) for v in gaussian_filter(a, float(sys.argv[2])).ravel()))
					""", NumpyReference.npy("image", a, nx, ny).toString(), String.valueOf(sigma)));
			for (int i = 0; i < ours.length; i++) {
				assertEquals(theirs[i], ours[i], 1e-12 * 100, "sigma " + sigma + " pixel " + i);
			}
		}
	}

	@Test
	void morphologyAndDistanceTransformAreScipys() {
		Python.assumeModules("numpy", "scipy");
		int nx = 41;
		int ny = 29;
		double[] a = random(nx * ny, 2);
		boolean[] m = new boolean[a.length];
		double[] mv = new double[a.length];
		for (int x = 0; x < nx; x++) {
			for (int y = 0; y < ny; y++) {
				double r = Math.hypot(x - 20.3, y - 13.6);
				m[x * ny + y] = r < 9 && a[x * ny + y] > 8 || a[x * ny + y] > 99; // a noisy disk and a few specks
				mv[x * ny + y] = m[x * ny + y] ? 1 : 0;
			}
		}
		String[] out = Python.check("""
				import sys, numpy as np
				from scipy import ndimage
				m = np.load(sys.argv[1]) > 0
				o = ndimage.binary_opening(m, iterations=2)
				d = ndimage.binary_dilation(o, iterations=1)
				e = ndimage.binary_erosion(m, iterations=3)
				t = ndimage.distance_transform_edt(~d)
				for x in (o, d, e):
				    print(' '.join(str(int(v)) for v in x.ravel()))
				print(' '.join(repr(float(v)) for v in t.ravel()))
				""", NumpyReference.npy("mask", mv, nx, ny).toString()).split("\n");
		boolean[] opened = Morphology.open(m, nx, ny, 2);
		boolean[] dilated = Morphology.dilate(opened, nx, ny, 1);
		boolean[] eroded = Morphology.erode(m, nx, ny, 3);
		double[] dist = Morphology.distanceToMask(dilated, nx, ny);
		double[][] ref = { parse(out[0]), parse(out[1]), parse(out[2]), parse(out[3]) };
		boolean[][] ours = { opened, dilated, eroded };
		for (int k = 0; k < 3; k++) {
			for (int i = 0; i < m.length; i++) {
				assertEquals(ref[k][i] != 0, ours[k][i], "operation " + k + " pixel " + i);
			}
		}
		for (int i = 0; i < m.length; i++) {
			assertEquals(ref[3][i], dist[i], 1e-12, "distance at " + i);
		}
	}

	/** Synthetic crystal patterns and the kernel of its probe, as the strain demo makes them. */
	private static final class Patterns {
		final SyntheticCrystal c = new SyntheticCrystal(6, 4, 128, 5, 1.5, 2e4, 3, 2);
		final int nq = c.detectorSize();
		final double[] kernel;
		final double[] patterns;
		final int n = 12;

		Patterns() {
			double[] sum = new double[nq * nq];
			for (int ry = 0; ry < 4; ry++) {
				VacuumProbe.accumulate(c.pattern(0, ry), nq, nq, true, sum);
			}
			VacuumProbe.mask(sum, nq, nq, 0.2, 6, 1);
			ProbeSize size = ProbeSize.measure(sum, nq, nq);
			kernel = ProbeKernel.SIGMOID.make(sum, nq, nq, nq / 2, nq / 2, size.radius(), 1.8 * size.radius());
			patterns = new double[n * nq * nq];
			for (int i = 0; i < n; i++) {
				System.arraycopy(c.pattern(2 + i / 4, i % 4), 0, patterns, i * nq * nq, nq * nq);
			}
		}

		double[] pattern(int i) {
			return java.util.Arrays.copyOfRange(patterns, i * nq * nq, (i + 1) * nq * nq);
		}
	}

	/** @return py4DSTEM's defaults with bench/bragg_numpy.py's key=value overrides (py4DSTEM's names) */
	private static BraggParams params(String... args) {
		java.util.Map<String, String> m = new java.util.HashMap<>();
		for (String a : args) {
			m.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
		}
		BraggParams d = BraggParams.defaults();
		java.util.function.BiFunction<String, Double, Double> num = (k, def) -> m.containsKey(k) ? Double.parseDouble(m.get(k)) : def;
		return new BraggParams(num.apply("corrPower", d.corrPower()), num.apply("sigma_dp", d.sigmaDp()), num.apply("sigma_cc", d.sigmaCc()),
				BraggParams.Subpixel.named(m.getOrDefault("subpixel", "multicorr")), num.apply("upsample_factor", (double) d.upsampleFactor()).intValue(),
				num.apply("minAbsoluteIntensity", d.minAbsoluteIntensity()), num.apply("minRelativeIntensity", d.minRelativeIntensity()),
				num.apply("relativeToPeak", (double) d.relativeToPeak()).intValue(), num.apply("minPeakSpacing", d.minPeakSpacing()),
				num.apply("edgeBoundary", (double) d.edgeBoundary()).intValue(), num.apply("maxNumPeaks", (double) d.maxPeaks()).intValue());
	}

	/**
	 * Same peaks, intensities and order; positions equal to 1e-6 px, except that the sub-pixel refinement
	 * finds the local maximum of the upsampled correlation next to a peak where py4DSTEM takes the largest
	 * value of the whole 1.5-pixel window: they differ only where that window holds several maxima, which
	 * happens for weak maxima of noise (under 10 % of the brightest peak, and then still in the window).
	 *
	 * @return how many (weak) peaks were refined to another maximum of their window
	 */
	private static int assertSamePeaks(BraggPeaks theirs, BraggPeaks ours, double tolPx, String where) {
		assertEquals(theirs.size(), ours.size(), where + ": peaks found");
		int other = 0;
		for (int k = 0; k < ours.size(); k++) {
			assertEquals(theirs.intensity()[k], ours.intensity()[k], 1e-9 * Math.abs(theirs.intensity()[0]), where + " peak " + k + " intensity");
			double dx = Math.abs(theirs.qx()[k] - ours.qx()[k]);
			double dy = Math.abs(theirs.qy()[k] - ours.qy()[k]);
			if (dx > tolPx || dy > tolPx) {
				assertTrue(theirs.intensity()[k] < 0.1 * theirs.intensity()[0] && dx <= 1.5 && dy <= 1.5, where + " peak " + k + ": NumPy ("
						+ theirs.qx()[k] + ", " + theirs.qy()[k] + "), ours (" + ours.qx()[k] + ", " + ours.qy()[k] + ")");
				other++;
			}
		}
		return other;
	}

	@Test
	void braggDisksAreThoseOfPy4dstemsAlgorithmInNumpy() {
		Patterns p = new Patterns();
		String[][] cases = { {}, { "subpixel=poly" }, { "subpixel=pixel" }, { "corrPower=0.5", "sigma_dp=1" }, { "corrPower=0", "sigma_cc=1" },
				{ "upsample_factor=7", "minRelativeIntensity=0.05", "maxNumPeaks=9" } };
		for (String[] args : cases) {
			String[] all = new String[args.length + 2];
			all[0] = "minPeakSpacing=8";
			all[1] = "edgeBoundary=4";
			System.arraycopy(args, 0, all, 2, args.length);
			List<BraggPeaks> theirs = NumpyReference.find(p.patterns, p.n, p.nq, p.nq, p.kernel, all);
			BraggParams bp = params(all);
			BraggDisks finder = new BraggDisks(p.kernel, p.nq, p.nq, bp);
			BraggDisks.Workspace w = finder.workspace();
			int total = 0;
			int other = 0;
			for (int i = 0; i < p.n; i++) {
				BraggPeaks ours = finder.find(p.pattern(i), w);
				other += assertSamePeaks(theirs.get(i), ours, 1e-6, String.join(" ", all) + ", pattern " + i);
				total += ours.size();
			}
			assertTrue(total > 5 * p.n, "enough peaks to mean something: " + total);
			if (args.length == 0 || args[0].startsWith("subpixel") || args[0].startsWith("upsample")) {
				assertEquals(0, other, "cross-correlation: every peak as py4DSTEM refines it");
			}
			System.out.printf("%s: %d peaks, %d weak ones refined to another maximum of their window%n", String.join(" ", all), total, other);
		}
	}
}
