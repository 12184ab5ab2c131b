package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.processing.CancelledException;
import org.ronchi.processing.Engine;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/** Results files: provenance, reuse of identical runs, resume after an interrupted run, never the input. */
class ResumeReuseTest {
	private static final long[] SHAPE = { 12, 10, 16, 16 };

	/** The installed results stores: the EMD 1.0 store of org.ronchi.io.emd. */
	static ResultsStores stores() {
		return ResultsStores.of(Services.all(ResumeReuseTest.class, ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore"));
	}

	/** Writes a chunked uint16 cube (chunks of 5 positions) and returns the file. */
	static Path input(Path dir) {
		Cubes c = Cubes.random(DType.UINT16, SHAPE, null, 11);
		Path f = dir.resolve("scan.h5");
		Hdf5Writer.write(f, root -> root.group("data").dataset("cube", DType.UINT16, SHAPE, DatasetOptions.chunked(1, 5, 16, 16))
				.writeFrom(c.node.source(), null));
		return f;
	}

	/** Cancels once more than n units of work were reported. */
	static final class CancelAfter implements ProgressMonitor {
		private final int calls;
		private int seen;

		CancelAfter(int calls) {
			this.calls = calls;
		}

		@Override
		public void begin(String task, long totalWork) {
		}

		@Override
		public void worked(long work) {
			seen++;
		}

		@Override
		public boolean isCanceled() {
			return seen >= calls;
		}
	}

	@Test
	void anInterruptedRunResumesWithOnlyTheRemainingPartitions() throws Exception {
		Path dir = TestData.tempDir("resume");
		Path in = input(dir);
		Path results = dir.resolve("scan_results.h5");
		double[] expected;
		try (Hdf5File h = Hdf5File.open(in); Engine e = Engine.inline()) {
			expected = EngineTest.flat(e.run(RunRequest.of(new FrameStats(), h.array("/data/cube"))).output("total"));
		}
		// one worker: with two, a loaded machine can finish every partition before the cancel is seen
		Engine.Config cfg = Engine.Config.defaults().threads(1).tileBytes(16 * 16 * 2 * 5).checkpointMillis(0);
		try (Hdf5File h = Hdf5File.open(in); Engine e = new Engine(cfg, stores())) {
			ArrayNode cube = h.array("/data/cube");
			FrameStats first = new FrameStats();
			RunRequest req = RunRequest.of(first, cube).source(in, "/data/cube").results(results);
			CancelledException x = assertThrows(CancelledException.class, () -> e.run(req.progress(new CancelAfter(3))));
			int done = x.completed();
			assertTrue(done >= 3 && done < x.total(), "cancelled mid-way: " + done + " of " + x.total());
			assertFalse(Files.exists(results), "no results file for an unfinished run");
			Path partial = dir.resolve(".scan_results.h5.partial");
			try (Stream<Path> s = Files.walk(partial)) {
				assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("state.json")), "progress recorded");
			}

			FrameStats second = new FrameStats();
			RunResult r = e.run(RunRequest.of(second, cube).source(in, "/data/cube").results(results));
			assertEquals(RunResult.Status.RESUMED, r.status());
			assertEquals(x.total() - done, r.partitionsRun(), "only the remaining partitions run");
			assertTrue(second.framesMapped.get() < 120 && second.framesMapped.get() > 0, "frames mapped on resume: " + second.framesMapped.get());
			assertEquals(120, first.framesMapped.get() + second.framesMapped.get(), 20, "together about one pass");
			assertArrayEquals(expected, EngineTest.flat(r.output("total")), 0.0, "resumed result equals an uninterrupted one");
			assertFalse(Files.exists(partial), "resume folder removed once the results are written");
			r.close();

			FrameStats third = new FrameStats();
			RunResult again = e.run(RunRequest.of(third, cube).source(in, "/data/cube").results(results));
			assertEquals(RunResult.Status.REUSED, again.status());
			assertEquals(0, third.framesMapped.get(), "an identical run reuses the result");
			assertEquals(r.group(), again.group());
			assertArrayEquals(expected, EngineTest.flat(again.output("total")), 0.0);
			again.close();

			RunResult forced = e.run(RunRequest.of(new FrameStats(), cube).source(in, "/data/cube").results(results).force(true));
			assertEquals(RunResult.Status.COMPUTED, forced.status());
			assertEquals("cube-test.frame_stats_001", forced.group());
			forced.close();
			RunResult other = e.run(RunRequest.of(new FrameStats(), cube).params(Map.of("factor", 3)).source(in, "/data/cube").results(results));
			assertEquals(RunResult.Status.COMPUTED, other.status(), "other parameters: computed");
			assertEquals("cube-test.frame_stats_002", other.group());
			other.close();
		}
		Python.assumeModules("h5py", "numpy");
		String out = Python.check("""
				import sys, json, h5py, numpy as np
				f = h5py.File(sys.argv[1], 'r')
				src = h5py.File(sys.argv[2], 'r')['/data/cube'][...].astype(np.float64)
				assert f.attrs['emd_group_type'] == 'file' and f.attrs['version_major'] == 1 and f.attrs['version_minor'] == 0
				names = sorted(f.keys())
				assert names == ['cube-test.frame_stats_000', 'cube-test.frame_stats_001', 'cube-test.frame_stats_002'], names
				g = f['cube-test.frame_stats_002']
				a = g.attrs
				assert a['emd_group_type'] == 'root'
				assert a['ronchi_operation'] == 'test.frame-stats' and a['ronchi_operation_version'] == '1'
				assert json.loads(a['parameters']) == {'factor': 3.0}, a['parameters']
				assert a['source_file'] == sys.argv[2] and a['source_dataset'] == '/data/cube'
				# the external link to the input, also in the groups copied when later runs rewrote the file
				for n in names:
				    link = f[n].get('source', getlink=True)
				    assert isinstance(link, h5py.ExternalLink) and link.filename == sys.argv[2] and link.path == '/data/cube', n
				    assert f[n + '/source'].shape == src.shape, (n, f[n + '/source'].shape)
				assert np.array_equal(f[names[0] + '/source'][1, 2], src[1, 2])
				for k in ['time', 'machine', 'ronchi_version', 'timestamp', 'machine_id', 'platform']:
				    assert len(a[k]) > 0, k
				s = g['sum']
				assert s.attrs['emd_group_type'] == 'array'
				assert np.allclose(s['data'][...], 3 * src.sum(axis=(2, 3)))
				assert s['data'].attrs['units'] == 'counts'
				assert list(s['dim0'][...]) == [0.0, 1.0] and s['dim0'].attrs['name'] == 'dim0'
				assert np.allclose(f['cube-test.frame_stats_000/total/data'][...], src.sum(axis=(0, 1)))
				assert 'frames' not in g
				print('ok')
				""", results.toString(), in.toAbsolutePath().normalize().toString());
		assertEquals("ok", out);
	}

	@Test
	void resultsAreNeverWrittenIntoTheInput() {
		Path dir = TestData.tempDir("noinput");
		Path in = input(dir);
		try (Hdf5File h = Hdf5File.open(in); Engine e = Engine.inline(stores())) {
			ProcessingException x = assertThrows(ProcessingException.class,
					() -> e.run(RunRequest.of(new FrameStats(), h.array("/data/cube")).source(in, "/data/cube").results(in)));
			assertTrue(x.getMessage().contains("never written into the input"), x.getMessage());
			Path foreign = dir.resolve("foreign.h5");
			Hdf5Writer.write(foreign, root -> root.attribute("authoring_program", "someone else"));
			x = assertThrows(ProcessingException.class,
					() -> e.run(RunRequest.of(new FrameStats(), h.array("/data/cube")).source(in, "/data/cube").results(foreign)));
			assertTrue(x.getMessage().contains("is not a Ronchi results file"), x.getMessage());
		}
	}
}
