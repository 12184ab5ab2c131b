package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.CancelledException;
import org.ronchi.processing.Engine;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputException;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.Setup;
import org.ronchi.tests.support.TestData;

/**
 * Multi-pass runs (each pass built from the buffers the previous one left, over the same partitions,
 * resumable at every pass) and point-list input (a step reading an earlier step's point lists).
 */
class MultiPassTest {
	private static final long[] SHAPE = { 7, 5, 6, 8 };

	/** The distances straight from the values: each frame's squared distance from the mean frame. */
	private static double[] expected(Cubes c) {
		int frames = (int) (SHAPE[0] * SHAPE[1]);
		int n = (int) (SHAPE[2] * SHAPE[3]);
		double[] mean = new double[n];
		for (int f = 0; f < frames; f++) {
			for (int i = 0; i < n; i++) {
				mean[i] += c.at((long) f * n + i) / frames;
			}
		}
		double[] d = new double[frames];
		for (int f = 0; f < frames; f++) {
			for (int i = 0; i < n; i++) {
				double v = c.at((long) f * n + i) - mean[i];
				d[f] += v * v;
			}
		}
		return d;
	}

	private static double max(double[] a) {
		double m = Double.NEGATIVE_INFINITY;
		for (double v : a) {
			m = Math.max(m, v);
		}
		return m;
	}

	@Test
	void threePassesMatchDirectLoopsInlineAndInParallel() {
		Cubes c = Cubes.random(DType.FLOAT32, SHAPE, new int[] { 2, 3, 6, 8 }, 3);
		double[] d = expected(c);
		double largest = max(d);
		for (Engine e : EngineTest.engines()) {
			try (e) {
				Deviations op = new Deviations();
				RunResult r = e.run(RunRequest.of(op, c.node).params(Map.of("passes", 3)));
				assertEquals(3, r.plan().passes());
				assertArrayEquals(d, EngineTest.flat(r.output("distance")), 1e-9 * largest, "pass 1 output, kept through pass 2");
				assertEquals(largest, EngineTest.flat(r.output("largest"))[0], 1e-9 * largest);
				double[] rel = EngineTest.flat(r.output("relative"));
				for (int i = 0; i < d.length; i++) {
					assertEquals(d[i] / largest, rel[i], 1e-12, "relative " + i);
				}
				for (int p = 0; p < 3; p++) {
					assertEquals(35, op.framesMapped[p].get(), "every frame mapped once in pass " + p);
				}
				assertEquals(r.partitionsTotal(), r.partitionsRun(), "every partition of every pass run");
			}
		}
	}

	@Test
	void aTestRunTakesEveryPassOnOneFrame() {
		Cubes c = Cubes.random(DType.FLOAT32, SHAPE, null, 3);
		try (Engine e = Engine.inline()) {
			RunResult r = e.test(RunRequest.of(new Deviations(), c.node), 2, 3);
			assertEquals(0, EngineTest.flat(r.output("distance"))[0], 1e-9, "one frame is its own mean");
		}
	}

	@Test
	void aRunInterruptedInItsSecondPassResumesThere() throws Exception {
		Path dir = TestData.tempDir("multipass");
		Path in = ResumeReuseTest.input(dir);
		Path results = dir.resolve("scan_results.h5");
		Engine.Config cfg = Engine.Config.defaults().threads(1).tileBytes(16 * 16 * 2 * 5).checkpointMillis(0);
		double[] expected;
		int partitions;
		try (Hdf5File h = Hdf5File.open(in); Engine e = new Engine(cfg)) {
			RunResult r = e.run(RunRequest.of(new Deviations(), h.array("/data/cube")));
			expected = EngineTest.flat(r.output("distance"));
			partitions = r.partitionsTotal() / 2;
		}
		assertTrue(partitions > 4, "partitions per pass: " + partitions);
		try (Hdf5File h = Hdf5File.open(in); Engine e = new Engine(cfg, ResumeReuseTest.stores())) {
			ArrayNode cube = h.array("/data/cube");
			Deviations first = new Deviations();
			RunRequest req = RunRequest.of(first, cube).source(in, "/data/cube").results(results);
			CancelledException x = assertThrows(CancelledException.class, () -> e.run(req.progress(new ResumeReuseTest.CancelAfter(partitions + 3))));
			assertEquals(2 * partitions, x.total(), "partitions of both passes");
			assertTrue(x.completed() > partitions && x.completed() < 2 * partitions, "cancelled in pass 1: " + x.completed());
			assertEquals(120, first.framesMapped[0].get(), "pass 0 complete");

			Deviations second = new Deviations();
			try (RunResult r = e.run(RunRequest.of(second, cube).source(in, "/data/cube").results(results))) {
				assertEquals(RunResult.Status.RESUMED, r.status());
				assertEquals(0, second.framesMapped[0].get(), "pass 0 is not run again: its kernel's results were recorded");
				assertEquals(120, first.framesMapped[1].get() + second.framesMapped[1].get(), 5, "pass 1 continued where it stopped");
				assertEquals(2 * partitions - x.completed(), r.partitionsRun());
				double[] got = EngineTest.flat(r.output("distance"));
				for (int i = 0; i < expected.length; i++) {
					assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]), "resumed = uninterrupted, bit for bit, at " + i);
				}
			}
		}
	}

	/** Sums a field of each position's point list: an operation on an earlier step's point lists. */
	static final class FieldSum implements Operation {
		@Override
		public String id() {
			return "test.field-sum";
		}

		@Override
		public String name() {
			return "Field sum";
		}

		@Override
		public String description() {
			return "the sum of one field of each position's records";
		}

		@Override
		public String version() {
			return "1";
		}

		@Override
		public List<Parameter> parameters() {
			return List.of(Parameter.string("field", "intensity", "the field summed"));
		}

		@Override
		public InputSpec input() {
			return InputSpec.pointLists();
		}

		@Override
		public Kernel prepare(Setup s) {
			String field = s.params().string("field");
			int index = s.input().records().index(field);
			if (index < 0) {
				throw s.badParameter("field", "the records have no field '" + field + "': " + s.input().records().names());
			}
			s.declare(BufferSpec.nav("sum", DType.FLOAT64));
			s.declare(BufferSpec.nav("count", DType.INT64));
			return new Kernel() {
				@Override
				public void processFrame(Frame f, BufferSet out) {
					PointList p = f.points();
					double sum = 0;
					for (int k = 0; k < p.length(); k++) {
						sum += p.getDouble(k, index);
					}
					out.get("sum").doubles()[f.index()] = sum;
					out.get("count").longs()[f.index()] = f.doubles()[0] == p.length() ? p.length() : -1;
				}
			};
		}
	}

	@Test
	void aStepReadsTheRecordsOfAnEarlierStepsPointLists() {
		Cubes c = Cubes.random(DType.UINT16, SHAPE, new int[] { 2, 3, 6, 8 }, 5);
		try (Engine e = new Engine(Engine.Config.defaults().threads(2).tileBytes(100))) {
			RunResult bright = e.run(RunRequest.of(new BrightPixels(), c.node));
			ArrayNode pixels = bright.output("pixels");
			RunResult sums = e.run(RunRequest.of(new FieldSum(), pixels));
			double[] s = EngineTest.flat(sums.output("sum"));
			double[] n = EngineTest.flat(sums.output("count"));
			int frame = (int) (SHAPE[2] * SHAPE[3]);
			for (int f = 0; f < s.length; f++) {
				double expect = 0;
				int count = 0;
				for (int i = 0; i < frame; i++) {
					double v = c.at((long) f * frame + i);
					if (v > 900) {
						expect += v;
						count++;
					}
				}
				assertEquals(expect, s[f], 0, "position " + f);
				assertEquals(count, n[f], 0, "a frame's one value is its record count");
			}
			assertEquals(2, sums.output("sum").axes().stream().filter(a -> a.navigate()).count(), "the lists' grid is the navigation");
			InputException notLists = assertThrows(InputException.class, () -> e.plan(RunRequest.of(new FieldSum(), c.node)));
			assertTrue(notLists.getMessage().contains("needs point lists"), notLists.getMessage());
			InputException notArray = assertThrows(InputException.class, () -> e.plan(RunRequest.of(new FrameStats(), pixels)));
			assertTrue(notArray.getMessage().contains("the input is point lists"), notArray.getMessage());
		}
	}
}
