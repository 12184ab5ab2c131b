package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.processing.Engine;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.ops.Reduce;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/** array.reduce against direct loops on every combination of axes, inline and parallel, and against NumPy on a real file. */
class ReduceTest {

	/** np.<method>(v.reshape(shape), axis=axes) by brute force. */
	static double[] direct(double[] v, long[] shape, List<Integer> axes, String method) {
		int rank = shape.length;
		long[] out = java.util.stream.IntStream.range(0, rank).filter(d -> !axes.contains(d)).mapToLong(d -> shape[d]).toArray();
		int n = (int) Shapes.size(out);
		double[] acc = new double[n];
		java.util.Arrays.fill(acc, method.equals("max") ? Double.NEGATIVE_INFINITY : method.equals("min") ? Double.POSITIVE_INFINITY : 0);
		long count = 1;
		for (int a : axes) {
			count *= shape[a];
		}
		int[] idx = new int[rank];
		for (int i = 0; i < v.length; i++) {
			int o = 0;
			for (int d = 0; d < rank; d++) {
				if (!axes.contains(d)) {
					o = o * (int) shape[d] + idx[d];
				}
			}
			acc[o] = switch (method) {
			case "max" -> Math.max(acc[o], v[i]);
			case "min" -> Math.min(acc[o], v[i]);
			default -> acc[o] + v[i];
			};
			for (int d = rank - 1; d >= 0; d--) {
				if (++idx[d] < shape[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
		if (method.equals("mean")) {
			for (int i = 0; i < n; i++) {
				acc[i] /= count;
			}
		}
		return acc;
	}

	@Test
	void everyAxisCombination() {
		long[] shape = { 4, 5, 3, 6 };
		Cubes c = Cubes.random(DType.UINT16, shape, new int[] { 1, 2, 3, 6 }, 9);
		for (List<Integer> axes : List.of(List.of(0), List.of(1), List.of(2), List.of(3), List.of(0, 1), List.of(2, 3), List.of(0, 3), List.of(1, 2),
				List.of(0, 1, 2, 3), List.of(0, 2, 3))) {
			for (String m : new String[] { "sum", "mean", "max", "min" }) {
				double[] expect = direct(c.values, shape, axes, m);
				for (Engine e : new Engine[] { Engine.inline(), new Engine(Engine.Config.defaults().threads(2).tileBytes(1)) }) {
					try (e) {
						RunResult r = e.run(RunRequest.of(new Reduce(), c.node).params(Map.of("axes", axes, "method", m)));
						assertArrayEquals(expect, EngineTest.flat(r.output("data")), 1e-9 * (1 + expect.length), axes + " " + m);
					}
				}
			}
		}
		try (Engine e = new Engine()) {
			ParameterException x = assertThrows(ParameterException.class,
					() -> e.run(RunRequest.of(new Reduce(), c.node).params(Map.of("axes", List.of(4)))));
			assertTrue(x.getMessage().contains("'axes' values must be between -4 and 3 for this 4-D input, got 4"), x.getMessage());
			RunResult neg = e.run(RunRequest.of(new Reduce(), c.node).params(Map.of("axes", List.of(-1))));
			assertArrayEquals(new long[] { 4, 5, 3 }, neg.output("data").shape(), "negative axes count from the end");
		}
	}

	@Test
	void realFileAgainstNumpy() {
		Path f = TestData.real("emd_ncem/prismatic/Si100_4D.emd");
		String ds = "/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube";
		Python.assumeModules("h5py", "numpy");
		Path out = TestData.tempDir("reduce-real").resolve("r.npy");
		Python.check("import sys, h5py, numpy as np\nd = h5py.File(sys.argv[1], 'r')[sys.argv[2]][...].astype(np.float64)\n"
				+ "np.save(sys.argv[3], d.mean(axis=(0, 3)))\n", f.toString(), ds, out.toString());
		double[] expect = ((DoubleDataset) NpyReader.read(out).data().cast(DoubleDataset.class)).getData();
		try (Hdf5File h = Hdf5File.open(f); Engine e = new Engine()) {
			ArrayNode cube = h.array(ds);
			RunResult r = e.run(RunRequest.of(new Reduce(), cube).params(Map.of("axes", List.of(0, 3), "method", "mean")));
			assertArrayEquals(new long[] { 11, 8 }, r.output("data").shape());
			double[] got = EngineTest.flat(r.output("data"));
			for (int i = 0; i < expect.length; i++) {
				assertEquals(expect[i], got[i], 1e-12 + 1e-6 * Math.abs(expect[i]));
			}
		}
	}
}
