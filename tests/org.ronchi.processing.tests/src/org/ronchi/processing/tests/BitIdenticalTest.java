package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Engine;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/**
 * Replay is bit-identical: the same run on the same input gives the same bits whatever the thread count,
 * tile size and memory budget, although they cut the input into different partitions. Sums of float64
 * data spanning six decades are used, where any change of summation order shows in the last bits.
 */
class BitIdenticalTest {

	static Engine.Config[] configs() {
		Engine.Config d = Engine.Config.defaults();
		return new Engine.Config[] { d.threads(0), d.threads(1).tileBytes(1), d.threads(2).tileBytes(300), d.threads(3).tileBytes(4096),
				d.threads(8), d.threads(8).tileBytes(1).memoryBudget(24 << 20), d.threads(5).memoryBudget(64 << 20) };
	}

	@Test
	void sumsDoNotDependOnThreadsTilesOrBudget() {
		Cubes c = Cubes.wide(new long[] { 37, 29, 6, 5 }, new int[] { 3, 7, 6, 5 });
		List<long[]> totals = new ArrayList<>();
		Set<Integer> partitionCounts = new TreeSet<>();
		for (Engine.Config cfg : configs()) {
			try (Engine e = new Engine(cfg)) {
				RunResult r = e.run(RunRequest.of(new FrameStats(), c.node));
				partitionCounts.add(r.partitionsTotal());
				totals.add(bits(r.output("total")));
				assertArrayEquals(totals.get(0), totals.get(totals.size() - 1), "SIG sum with " + cfg);
				assertArrayEquals(bits(r.output("mean")), bits(new Engine(Engine.Config.defaults().threads(0)).run(RunRequest.of(new FrameStats(),
						c.node)).output("mean")), "RESULT computed from the sum with " + cfg);
			}
		}
		assertTrue(partitionCounts.size() >= 3, "the engines cut the input differently: " + partitionCounts);
		// the sum is right (to rounding): the order is fixed, not arbitrary
		double[] direct = new double[30];
		for (long i = 0; i < c.values.length; i++) {
			direct[(int) (i % 30)] += c.at(i);
		}
		double[] got = doubles(totals.get(0));
		for (int i = 0; i < 30; i++) {
			assertEquals(direct[i], got[i], Math.abs(direct[i]) * 1e-12);
		}
	}

	@Test
	void reductionsKeepingNavigationAxesAreIdenticalToo() {
		Cubes c = Cubes.wide(new long[] { 11, 64, 3, 4 }, null);
		long[] first = null;
		for (Engine.Config cfg : configs()) {
			try (Engine e = new Engine(cfg)) {
				RunResult r = e.run(RunRequest.of(new org.ronchi.processing.ops.Reduce(), c.node)
						.params(Map.of("axes", List.of(1, 3), "method", "sum")));
				long[] b = bits(r.output("data"));
				if (first == null) {
					first = b;
				}
				assertArrayEquals(first, b, "array.reduce along a navigation and a signal axis with " + cfg);
			}
		}
	}

	/**
	 * A multi-pass run: every pass reduces through its own merge tree over the same grains, so the mean
	 * pass 0 leaves, the kernel pass 1 is built from and everything after it are the same bits.
	 */
	@Test
	void everyPassOfAMultiPassRunIsBitIdentical() {
		Cubes c = Cubes.wide(new long[] { 37, 29, 6, 5 }, new int[] { 3, 7, 6, 5 });
		List<List<long[]>> outs = new ArrayList<>();
		Set<Integer> partitionCounts = new TreeSet<>();
		for (Engine.Config cfg : configs()) {
			try (Engine e = new Engine(cfg)) {
				RunResult r = e.run(RunRequest.of(new Deviations(), c.node).params(java.util.Map.of("passes", 3)));
				partitionCounts.add(r.partitionsTotal());
				outs.add(List.of(bits(r.output("mean")), bits(r.output("distance")), bits(r.output("largest")), bits(r.output("relative"))));
				for (int i = 0; i < 4; i++) {
					assertArrayEquals(outs.get(0).get(i), outs.get(outs.size() - 1).get(i), "output " + i + " with " + cfg);
				}
			}
		}
		assertTrue(partitionCounts.size() >= 3, "the engines cut the input differently: " + partitionCounts);
	}

	private static long[] bits(ArrayNode a) {
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		double[] v = ((DoubleDataset) d.cast(DoubleDataset.class)).getData();
		long[] out = new long[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = Double.doubleToRawLongBits(v[i]);
		}
		return out;
	}

	private static double[] doubles(long[] bits) {
		double[] out = new double[bits.length];
		for (int i = 0; i < bits.length; i++) {
			out[i] = Double.longBitsToDouble(bits[i]);
		}
		return out;
	}
}
