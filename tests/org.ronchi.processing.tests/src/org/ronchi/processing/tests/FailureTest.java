package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Engine;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/** A read error in a worker surfaces as that error, the engine stays usable, and the Map/List forms of parameters work from JSON-like values. */
class FailureTest {

	/** Fails when asked for positions at or after row 3. */
	private static final class Failing implements ArraySource {
		private final ArraySource ok = Cubes.random(DType.FLOAT32, new long[] { 6, 4, 3, 3 }, new int[] { 1, 4, 3, 3 }, 5).node.source();

		@Override
		public DType dtype() {
			return ok.dtype();
		}

		@Override
		public long[] shape() {
			return ok.shape();
		}

		@Override
		public int[] chunkShape() {
			return ok.chunkShape();
		}

		@Override
		public Dataset read(long[] start, int[] count) {
			return ok.read(start, count);
		}

		@Override
		public void readInto(long[] start, int[] count, ByteBuffer target) {
			if (start[0] + count[0] > 3) {
				throw FormatException.at(Path.of("broken.h5"), "chunk", 0x1234, "truncated");
			}
			ok.readInto(start, count, target);
		}
	}

	@Test
	void aReadErrorInAWorkerIsReportedAsItself() {
		for (Engine e : new Engine[] { Engine.inline(), new Engine(Engine.Config.defaults().threads(2).tileBytes(1)) }) {
			try (e) {
				RonchiException x = assertThrows(RonchiException.class, () -> e.run(RunRequest.of(new FrameStats(), new ArrayNode("b", new Failing()))));
				assertSame(FormatException.class, x.getClass());
				assertEquals("broken.h5: chunk at 0x1234: truncated", x.getMessage());
				RunResult r = e.run(RunRequest.of(new FrameStats(), Cubes.random(DType.FLOAT32, new long[] { 2, 2, 2 }, null, 1).node)
						.params(Map.of("factor", "2")));
				assertEquals(RunResult.Status.COMPUTED, r.status(), "the engine is still usable");
				assertTrue(r.partitionsTotal() >= 1);
			}
		}
	}
}
