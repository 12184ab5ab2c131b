package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Engine;
import org.ronchi.processing.ParameterException;
import org.ronchi.processing.InputException;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/** The engine on synthetic arrays with awkward shapes and chunks, inline and on 2 threads, against direct loops. */
class EngineTest {

	static Stream<Arguments> cases() {
		return Stream.of(Arguments.of(DType.FLOAT32, new long[] { 5, 7, 6, 4 }, new int[] { 2, 3, 6, 4 }),
				Arguments.of(DType.UINT16, new long[] { 4, 6, 8, 8 }, new int[] { 1, 2, 8, 8 }),
				Arguments.of(DType.INT16, new long[] { 9, 3, 5 }, null),
				Arguments.of(DType.FLOAT64, new long[] { 3, 2, 2 }, new int[] { 3, 2, 2 }));
	}

	static Engine[] engines() {
		return new Engine[] { Engine.inline(), new Engine(Engine.Config.defaults().threads(2).tileBytes(100).memoryBudget(64 << 20)),
				new Engine(Engine.Config.defaults().threads(3).tileBytes(1)) };
	}

	@ParameterizedTest
	@MethodSource("cases")
	void everyBufferKindMatchesDirectLoops(DType dtype, long[] shape, int[] chunk) {
		Cubes c = Cubes.random(dtype, shape, chunk, 7);
		int navRank = shape.length - 2;
		long frames = Shapes.size(java.util.Arrays.copyOf(shape, navRank));
		int frame = (int) (shape[navRank] * shape[navRank + 1]);
		double[] sums = new double[(int) frames];
		double[] total = new double[frame];
		for (int f = 0; f < frames; f++) {
			for (int i = 0; i < frame; i++) {
				double v = c.at((long) f * frame + i);
				sums[f] += v * 2;
				total[i] += v;
			}
		}
		for (Engine e : engines()) {
			try (e) {
				FrameStats op = new FrameStats();
				RunResult r = e.run(RunRequest.of(op, c.node).params(Map.of("factor", 2)));
				assertEquals(RunResult.Status.COMPUTED, r.status());
				if (e.config().threads() > 0 && frames > 3) {
					assertTrue(r.partitionsTotal() > 1, "several partitions: " + r.partitionsTotal());
				}
				assertEquals(frames, op.framesMapped.get(), "every frame mapped once");
				ArrayNode sum = r.output("sum");
				assertArrayEquals(java.util.Arrays.copyOf(shape, navRank), sum.shape());
				assertArrayEquals(sums, flat(sum), 1e-9, "NAV per-frame sums, " + e.config());
				assertArrayEquals(total, flat(r.output("total")), 1e-6, "SIG merged sum");
				double[] mean = flat(r.output("mean"));
				for (int i = 0; i < frame; i++) {
					assertEquals(total[i] / frames, mean[i], 1e-9, "RESULT from finish");
				}
				assertTrue(r.outputs().stream().noneMatch(a -> a.name().equals("frames")), "hidden buffers are not outputs");
				assertEquals("counts", sum.units());
				assertTrue(sum.axes().get(0).navigate());
			}
		}
	}

	static double[] flat(ArrayNode a) {
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		return ((DoubleDataset) d.cast(DoubleDataset.class)).getData();
	}

	@Test
	void inlineAndParallelGiveIdenticalBits() {
		Cubes c = Cubes.random(DType.FLOAT32, new long[] { 16, 9, 5, 7 }, new int[] { 4, 1, 5, 7 }, 3);
		double[] a;
		double[] b;
		try (Engine e = Engine.inline()) {
			a = flat(e.run(RunRequest.of(new FrameStats(), c.node)).output("total"));
		}
		try (Engine e = new Engine(Engine.Config.defaults().threads(2).tileBytes(1))) {
			b = flat(e.run(RunRequest.of(new FrameStats(), c.node)).output("total"));
		}
		assertArrayEquals(a, b, 0.0, "merging in partition order makes results independent of the thread count");
	}

	@Test
	void testRunsOneFrame() {
		Cubes c = Cubes.random(DType.FLOAT32, new long[] { 3, 4, 5, 6 }, null, 1);
		try (Engine e = new Engine()) {
			FrameStats op = new FrameStats();
			RunResult r = e.test(RunRequest.of(op, c.node), 2, 1);
			assertEquals(RunResult.Status.TESTED, r.status());
			assertEquals(1, op.framesMapped.get());
			double expect = 0;
			for (int i = 0; i < 30; i++) {
				expect += c.at((2 * 4 + 1) * 30L + i);
			}
			assertEquals(expect, flat(r.output("sum"))[0], 1e-9);
			assertThrows(InputException.class, () -> e.test(RunRequest.of(op, c.node), 3, 0));
		}
	}

	@Test
	void parameterErrorsNameTheParameterAndRange() {
		Cubes c = Cubes.random(DType.FLOAT32, new long[] { 2, 2, 3, 3 }, null, 1);
		try (Engine e = new Engine()) {
			ParameterException p = assertThrows(ParameterException.class,
					() -> e.run(RunRequest.of(new FrameStats(), c.node).params(Map.of("factor", 11))));
			assertEquals("factor", p.parameter());
			assertTrue(p.getMessage().contains("'factor' must be between 0 and 10, got 11"), p.getMessage());
			p = assertThrows(ParameterException.class, () -> e.plan(RunRequest.of(new FrameStats(), c.node).params(Map.of("fator", 1))));
			assertTrue(p.getMessage().contains("'fator' is not a parameter") && p.getMessage().contains("factor"), p.getMessage());
			p = assertThrows(ParameterException.class, () -> e.plan(RunRequest.of(new FrameStats(), c.node).params(Map.of("factor", "abc"))));
			assertTrue(p.getMessage().contains("expects a number from 0 to 10"), p.getMessage());
		}
	}

	@Test
	void inputOfTheWrongRankIsRefusedBeforeReading() {
		Cubes c = Cubes.random(DType.FLOAT32, new long[] { 6 }, null, 1);
		try (Engine e = new Engine()) {
			InputException x = assertThrows(InputException.class, () -> e.plan(RunRequest.of(new FrameStats(), c.node)));
			assertTrue(x.getMessage().contains("needs 2 signal and 0 to 4 navigation dimensions"), x.getMessage());
		}
	}

	@Test
	void aBudgetTooSmallForTheBuffersIsReported() {
		Cubes c = Cubes.random(DType.FLOAT32, new long[] { 2, 2, 64, 64 }, null, 1);
		try (Engine e = new Engine(Engine.Config.defaults().threads(1).memoryBudget(100_000))) {
			ProcessingException x = assertThrows(ProcessingException.class, () -> e.run(RunRequest.of(new FrameStats(), c.node)));
			assertTrue(x.getMessage().contains("the memory budget is"), x.getMessage());
		}
	}
}
