package org.ronchi.processing.diffraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Assumptions;
import org.ronchi.core.model.DType;
import org.ronchi.core.npy.NpyWriter;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * The NumPy/SciPy transcription of py4DSTEM's Bragg disk detection kept in the repository
 * ({@code bench/bragg_numpy.py}, also the benchmark's baseline), run on arrays written as .npy.
 */
final class NumpyReference {
	private NumpyReference() {
	}

	/** @return bench/bragg_numpy.py of the repository (-Dronchi.repo); skips the test when it is not there */
	static Path script() {
		Path p = Path.of(System.getProperty("ronchi.repo", ".")).resolve("bench/bragg_numpy.py");
		Assumptions.assumeTrue(Files.isRegularFile(p), "needs the repository (-Dronchi.repo): " + p);
		Python.assumeModules("numpy", "scipy");
		return p;
	}

	/** Writes arrays (C order) as one float64 .npy. */
	static Path npy(String name, double[] values, int... shape) {
		Path f = TestData.tempDir("npy").resolve(name + ".npy");
		DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, values, shape);
		NpyWriter.write(f, DType.FLOAT64, d);
		return f;
	}

	/**
	 * @param patterns N patterns nx × ny, concatenated
	 * @param args py4DSTEM parameter overrides, key=value
	 * @return the peaks of each pattern, as NumPy finds them
	 */
	static List<BraggPeaks> find(double[] patterns, int n, int nx, int ny, double[] template, String... args) {
		Path data = npy("patterns", patterns, n, nx, ny);
		Path t = npy("template", template, nx, ny);
		Path out = data.resolveSibling("peaks.txt");
		List<String> argv = new ArrayList<>(List.of("find", data.toString(), t.toString(), out.toString()));
		argv.addAll(List.of(args));
		Python.check("import runpy, sys; sys.argv = [sys.argv[1]] + sys.argv[2:]; runpy.run_path(sys.argv[0], run_name='__main__')",
				prepend(script().toString(), argv));
		List<List<double[]>> per = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			per.add(new ArrayList<>());
		}
		try {
			for (String line : Files.readAllLines(out)) {
				String[] p = line.trim().split(" ");
				per.get(Integer.parseInt(p[0])).add(new double[] { Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]) });
			}
		} catch (IOException e) {
			throw new AssertionError(e);
		}
		List<BraggPeaks> result = new ArrayList<>();
		for (List<double[]> l : per) {
			double[] x = new double[l.size()];
			double[] y = new double[l.size()];
			double[] v = new double[l.size()];
			for (int k = 0; k < l.size(); k++) {
				x[k] = l.get(k)[0];
				y[k] = l.get(k)[1];
				v[k] = l.get(k)[2];
			}
			result.add(new BraggPeaks(x, y, v));
		}
		return result;
	}

	private static String[] prepend(String first, List<String> rest) {
		String[] a = new String[rest.size() + 1];
		a[0] = first;
		for (int i = 0; i < rest.size(); i++) {
			a[i + 1] = rest.get(i);
		}
		return a;
	}
}
