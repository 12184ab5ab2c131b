package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.CancelledException;
import org.ronchi.processing.Engine;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.InputException;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Params;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.Results;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/**
 * One run of a prepared request: reuse or resume, the partition loop (workers map, this thread merges
 * in partition order), finish, and the results file. See docs/processing.md for the contract.
 */
public final class Execution {
	private final Engine.Config cfg;
	private final ExecutorService executor;
	private final Planner plan;
	private final RunRequest req;
	private final InputInfo in;
	private final Kernel kernel;
	private final ArraySource source;
	private final DType dtype;
	private final int frameSize;
	private final long frameBytes;

	public Execution(Engine.Config cfg, ExecutorService executor, Planner plan, RunRequest req) {
		this.cfg = cfg;
		this.executor = executor;
		this.plan = plan;
		this.req = req;
		this.in = plan.input();
		this.kernel = plan.kernel();
		this.source = req.input().source();
		this.dtype = in.dtype();
		this.frameSize = in.frameSize();
		this.frameBytes = (long) frameSize * dtype.itemSize();
	}

	private record Done(PartitionImpl p, BufferSet part, long frames, long bytesRead) {
	}

	public RunResult run() {
		long t0 = System.nanoTime();
		Path results = req.resultsFile();
		if (results != null && in.file() != null && ResultsFile.sameFile(results, in.file()) && !ResultsFile.isResultsFile(results)) {
			throw new ProcessingException(results, null, "is the input file; results are never written into the input");
		}
		String keyText = RunKey.describe(plan.operation(), plan.params(), in, req.sourceIdentity());
		String key = RunKey.hash(keyText);
		if (results != null && key != null && !req.force()) {
			String group = ResultsFile.find(results, key);
			if (group != null) {
				return opened(RunResult.Status.REUSED, results, group, 0, 0, 0, t0, key);
			}
		}
		Partitioner pt = new Partitioner(plan.navigation(), chunkNav());
		Checkpoint cp = null;
		Checkpoint.State st = null;
		boolean keyed = key != null;
		if (results != null) {
			cp = new Checkpoint(Checkpoint.dirFor(results, keyed ? key : RunKey.hash(UUID.randomUUID().toString())));
			if (req.force() || !keyed) {
				cp.delete();
			} else {
				st = cp.load(key);
			}
		}
		List<PartitionImpl> parts = st != null ? restore(st) : pt.partitions(targetFrames(pt));
		boolean resuming = st != null && st.done > 0;
		if (cp != null && st == null) {
			st = newState(key, keyText, parts);
			cp.start(st);
		}
		int done = resuming ? st.done : 0;
		NavStore store = cp != null ? new NavStore.Files(cp.dir()) : new NavStore.Memory();
		boolean ok = false;
		try (store) {
			for (BufferSpec b : plan.buffers()) {
				if (b.kind() == BufferSpec.Kind.NAV) {
					if (store instanceof NavStore.Files f) {
						f.open(b, plan.shapeOf(b), resuming);
					} else {
						store.add(b, plan.shapeOf(b));
					}
				}
			}
			BufferSet merged = mergedSet();
			if (resuming) {
				cp.restore(merged);
			}
			long bytes = loop(parts, done, pt, merged, store, cp);
			ResultsView view = new ResultsView(merged, store);
			kernel.finish(view);
			if (results == null) {
				ok = true;
				return new RunResult(RunResult.Status.COMPUTED, plan.toPlan(), inMemory(view, null), null, null, parts.size() - done, parts.size(),
						bytes, System.nanoTime() - t0, key, null);
			}
			req.progress().subTask("writing " + results.getFileName());
			String group = ResultsFile.append(results, sourceName(), req.toolName(),
					Provenance.attributes(plan.operation(), plan.params(), in, key, keyText, parts.size()), outputs(view, store), arrayParams(),
					executor);
			ok = true;
			return opened(resuming ? RunResult.Status.RESUMED : RunResult.Status.COMPUTED, results, group, parts.size() - done, parts.size(),
					bytes, t0, key);
		} finally {
			if (cp != null && (ok || !keyed)) {
				cp.delete();
			}
			req.progress().done();
		}
	}

	/** Runs one frame; see {@link Engine#test}. */
	public RunResult test(long[] position) {
		long t0 = System.nanoTime();
		int n = in.navRank();
		if (position.length != n) {
			throw new InputException(in.file(), in.where(), "a test position needs " + n + " coordinates, got " + position.length);
		}
		long[] nav = in.navShape();
		int[] ones = new int[n];
		java.util.Arrays.fill(ones, 1);
		for (int d = 0; d < n; d++) {
			if (position[d] < 0 || position[d] >= nav[d]) {
				throw new InputException(in.file(), in.where(), "test position " + java.util.Arrays.toString(position) + " is outside "
						+ Shapes.format(nav));
			}
		}
		PartitionImpl p = new PartitionImpl(0, position, ones, ones, ones, new long[n]);
		Partitioner pt = new Partitioner(org.ronchi.processing.NavTransform.identity(nav), chunkNav());
		NavStore store = new NavStore.Memory();
		Map<String, long[]> shapes = new HashMap<>();
		for (BufferSpec b : plan.buffers()) {
			long[] s = plan.shapeOf(b);
			if (b.kind() == BufferSpec.Kind.NAV) {
				for (int d = 0; d < n; d++) {
					s[d] = 1;
				}
				store.add(b, s);
			}
			shapes.put(b.name(), s);
		}
		BufferSet merged = mergedSet();
		Done d = process(p, pt, 1, ThreadLocal.withInitial(() -> new Worker(dtype, frameSize)), new AtomicBoolean(), store);
		kernel.merge(merged, d.part());
		ResultsView view = new ResultsView(merged, store);
		kernel.finish(view);
		return new RunResult(RunResult.Status.TESTED, plan.toPlan(), inMemory(view, shapes), null, null, 1, 1, d.bytesRead(),
				System.nanoTime() - t0, null, null);
	}

	// -- the partition loop

	private long loop(List<PartitionImpl> parts, int done, Partitioner pt, BufferSet merged, NavStore store, Checkpoint cp) {
		ProgressMonitor mon = req.progress();
		long total = 0;
		long already = 0;
		for (PartitionImpl p : parts) {
			total += p.frames() * frameBytes;
			if (p.index < done) {
				already += p.frames() * frameBytes;
			}
		}
		mon.begin(plan.operation().name() + " on " + in.where(), total);
		if (already > 0) {
			mon.worked(already);
		}
		long tileFrames = Math.max(1, cfg.tileBytes() / Math.max(1, frameBytes));
		ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(dtype, frameSize));
		AtomicBoolean stop = new AtomicBoolean();
		Saver saver = new Saver(cp, merged);
		long bytesRead = 0;
		int mergedCount = done;
		if (executor == null) {
			for (int i = done; i < parts.size(); i++) {
				if (mon.isCanceled()) {
					saver.save(mergedCount, true);
					throw new CancelledException(in.file(), plan.operation().id(), mergedCount, parts.size());
				}
				Done d = process(parts.get(i), pt, tileFrames, workers, stop, store);
				kernel.merge(merged, d.part());
				mon.worked(d.frames() * frameBytes);
				bytesRead += d.bytesRead();
				saver.save(++mergedCount, false);
			}
			saver.save(mergedCount, true);
			return bytesRead;
		}
		ExecutorCompletionService<Done> cs = new ExecutorCompletionService<>(executor);
		int inflight = 2 * cfg.threads();
		int next = done;
		int running = 0;
		Map<Integer, Done> ready = new HashMap<>();
		RuntimeException failure = null;
		boolean cancelled = false;
		while (true) {
			while (!stop.get() && running < inflight && next < parts.size()) {
				PartitionImpl p = parts.get(next++);
				cs.submit(() -> process(p, pt, tileFrames, workers, stop, store));
				running++;
			}
			if (running == 0) {
				break;
			}
			Done d = null;
			try {
				d = cs.take().get();
			} catch (ExecutionException e) {
				failure = failure != null ? failure : wrap(e.getCause());
				stop.set(true);
			} catch (InterruptedException e) {
				cancelled = true; // an interrupted caller is a cancelled caller; drain the workers first
				stop.set(true);
				running++; // nothing was taken
				Thread.interrupted();
			}
			running--;
			if (d != null) {
				ready.put(d.p().index, d);
			}
			while (failure == null && ready.containsKey(mergedCount)) {
				Done m = ready.remove(mergedCount);
				kernel.merge(merged, m.part());
				mon.worked(m.frames() * frameBytes);
				bytesRead += m.bytesRead();
				saver.save(++mergedCount, false);
			}
			if (!stop.get() && mon.isCanceled()) {
				cancelled = true;
				stop.set(true);
			}
		}
		saver.save(mergedCount, true);
		if (failure != null) {
			throw failure;
		}
		if (cancelled) {
			throw new CancelledException(in.file(), plan.operation().id(), mergedCount, parts.size());
		}
		return bytesRead;
	}

	/** Records progress at most every checkpointMillis (always when forced). */
	private final class Saver {
		private final Checkpoint cp;
		private final BufferSet merged;
		private long last = System.nanoTime();
		private int saved = -1;

		Saver(Checkpoint cp, BufferSet merged) {
			this.cp = cp;
			this.merged = merged;
		}

		void save(int count, boolean force) {
			if (cp == null || count == saved) {
				return;
			}
			long now = System.nanoTime();
			if (force || now - last >= cfg.checkpointMillis() * 1_000_000L) {
				cp.save(count, merged);
				saved = count;
				last = now;
			}
		}
	}

	private static RuntimeException wrap(Throwable t) {
		if (t instanceof RuntimeException r) {
			return r;
		}
		if (t instanceof Error e) {
			throw e;
		}
		return new ProcessingException(null, null, "a worker failed: " + t, t);
	}

	/** Maps one partition: tile by tile into the worker's buffer, then its NAV boxes into the store. Worker thread. */
	private Done process(PartitionImpl p, Partitioner pt, long tileFrames, ThreadLocal<Worker> workers, AtomicBoolean stop, NavStore store) {
		if (stop.get()) {
			return null;
		}
		Worker w = workers.get();
		List<Buffer> bufs = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			switch (b.kind()) {
			case NAV -> {
				int[] block = b.shape();
				long[] s = new long[p.outCount.length + block.length];
				for (int d = 0; d < p.outCount.length; d++) {
					s[d] = p.outCount[d];
				}
				for (int d = 0; d < block.length; d++) {
					s[p.outCount.length + d] = block[d];
				}
				bufs.add(new Buffer(b, s));
			}
			case SIG, SINGLE -> bufs.add(new Buffer(b, Shapes.toLong(b.shape())));
			case RESULT -> {
			}
			}
		}
		BufferSet part = new BufferSet(bufs);
		int rank = in.rank();
		int navRank = in.navRank();
		int[] sig = in.sigShape();
		long bytes = 0;
		for (long[] box : pt.tiles(p, tileFrames)) {
			if (stop.get()) {
				return null;
			}
			long[] start = new long[rank];
			int[] count = new int[rank];
			long[] boxStart = new long[navRank];
			long[] boxCount = new long[navRank];
			for (int d = 0; d < navRank; d++) {
				start[d] = box[d];
				count[d] = Math.toIntExact(box[navRank + d]);
				boxStart[d] = box[d];
				boxCount[d] = box[navRank + d];
			}
			for (int d = navRank; d < rank; d++) {
				count[d] = sig[d - navRank];
			}
			long tileBytes = Shapes.size(count) * dtype.itemSize();
			ByteBuffer raw = w.raw(tileBytes);
			source.readInto(start, count, raw);
			raw.flip();
			kernel.processTile(new TileView(p, w, dtype, sig, boxStart, boxCount, raw), part);
			bytes += tileBytes;
		}
		for (Buffer b : part.all()) {
			if (b.spec().kind() == BufferSpec.Kind.NAV) {
				store.write(p, b);
			}
		}
		return new Done(p, part, p.frames(), bytes);
	}

	// -- sizes

	private int[] chunkNav() {
		int[] c = source.chunkShape();
		return c == null || c.length != in.rank() ? null : java.util.Arrays.copyOf(c, in.navRank());
	}

	/** Frames per partition: about 1/32 of the input (or 1/8 per thread), within the memory budget, at least a tile. */
	private long targetFrames(Partitioner pt) {
		long total = pt.frames();
		int threads = Math.max(1, cfg.threads());
		long tileFrames = Math.max(1, cfg.tileBytes() / Math.max(1, frameBytes));
		long binProduct = 1;
		for (int b : plan.navigation().bin()) {
			binProduct *= b;
		}
		long perFrameOut = plan.workingPerFrame();
		long fixed = 0;
		for (BufferSpec b : plan.buffers()) {
			long bytes = Shapes.size(plan.shapeOf(b)) * b.dtype().itemSize();
			if (b.kind() == BufferSpec.Kind.NAV) {
				perFrameOut += Shapes.size(b.shape()) * b.dtype().itemSize() / binProduct + 1;
			} else if (b.kind() != BufferSpec.Kind.RESULT) {
				fixed += bytes;
			}
		}
		long workerBytes = Math.max(cfg.tileBytes(), frameBytes) + frameSize * 14L;
		int inflight = cfg.threads() == 0 ? 1 : 2 * threads;
		long avail = cfg.memoryBudget() - threads * workerBytes - (inflight + 1L) * fixed;
		long memFrames = avail / (inflight * Math.max(1, perFrameOut));
		if (avail <= 0 || memFrames < 1) {
			long need = threads * workerBytes + (inflight + 1L) * fixed + inflight * perFrameOut;
			throw new ProcessingException(in.file(), plan.operation().id(), "needs at least " + mib(need) + " for its buffers; the memory budget is "
					+ mib(cfg.memoryBudget()));
		}
		long want = (total + Math.max(32, threads * 8L) - 1) / Math.max(32, threads * 8L);
		return Math.max(1, Math.min(memFrames, Math.max(want, Math.min(tileFrames, memFrames))));
	}

	private static String mib(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
	}

	// -- state

	private Checkpoint.State newState(String key, String keyText, List<PartitionImpl> parts) {
		Checkpoint.State s = new Checkpoint.State();
		s.key = key;
		s.operation = plan.operation().id();
		s.version = plan.operation().version();
		s.parameters = plan.params().toJson();
		s.source = keyText;
		s.total = parts.size();
		for (PartitionImpl p : parts) {
			long[] box = new long[2 * p.navStart.length];
			for (int d = 0; d < p.navStart.length; d++) {
				box[d] = p.navStart[d];
				box[p.navStart.length + d] = p.navCount[d];
			}
			s.partitions.add(box);
		}
		return s;
	}

	private List<PartitionImpl> restore(Checkpoint.State s) {
		var t = plan.navigation();
		List<PartitionImpl> out = new ArrayList<>();
		for (long[] box : s.partitions) {
			int n = box.length / 2;
			long[] start = java.util.Arrays.copyOf(box, n);
			int[] count = new int[n];
			long[] outStart = new long[n];
			for (int d = 0; d < n; d++) {
				count[d] = Math.toIntExact(box[n + d]);
				outStart[d] = (start[d] - t.start()[d]) / t.block(d) + t.padBefore()[d];
			}
			out.add(new PartitionImpl(out.size(), start, count, t.step(), t.bin(), outStart));
		}
		return out;
	}

	private BufferSet mergedSet() {
		List<Buffer> bufs = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			if (b.kind() == BufferSpec.Kind.SIG || b.kind() == BufferSpec.Kind.SINGLE) {
				bufs.add(new Buffer(b, Shapes.toLong(b.shape())));
			}
		}
		return new BufferSet(bufs);
	}

	// -- results

	/** Every buffer as finish sees it: merged ones, NAV loaded on request, RESULT allocated on request. */
	private final class ResultsView implements Results {
		private final BufferSet merged;
		private final NavStore store;
		private final Map<String, Buffer> loaded = new LinkedHashMap<>();

		ResultsView(BufferSet merged, NavStore store) {
			this.merged = merged;
			this.store = store;
		}

		@Override
		public Buffer get(String name) {
			if (merged.has(name)) {
				return merged.get(name);
			}
			return loaded.computeIfAbsent(name, n -> {
				for (BufferSpec b : plan.buffers()) {
					if (b.name().equals(n)) {
						return b.kind() == BufferSpec.Kind.NAV ? store.load(n) : new Buffer(b, Shapes.toLong(b.shape()));
					}
				}
				throw new IllegalArgumentException(plan.operation().id() + " has no buffer '" + n + "'");
			});
		}

		@Override
		public ArraySource source(String name) {
			Buffer mem = loaded.get(name);
			return mem != null ? BufferBytes.source(mem) : store.source(name);
		}

		ArraySource source(BufferSpec b) {
			Buffer mem = merged.has(b.name()) ? merged.get(b.name()) : loaded.get(b.name());
			if (mem == null && b.kind() == BufferSpec.Kind.RESULT) {
				mem = get(b.name());
			}
			return mem != null ? BufferBytes.source(mem) : store.source(b.name());
		}

		@Override
		public InputInfo input() {
			return in;
		}

		@Override
		public Params params() {
			return plan.params();
		}
	}

	private List<ResultsFile.Output> outputs(ResultsView view, NavStore store) {
		List<ResultsFile.Output> out = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			if (!b.written()) {
				continue;
			}
			out.add(new ResultsFile.Output(b.name(), b.dtype(), plan.shapeOf(b), plan.axesOf(b), b.units(), b.quantity(), b.title(), b.arrayKind(),
					view.source(b)));
		}
		return out;
	}

	private List<ArrayNode> inMemory(ResultsView view, Map<String, long[]> testShapes) {
		List<ArrayNode> out = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			if (!b.written()) {
				continue;
			}
			ArraySource src = view.source(b);
			ArrayNode a = new ArrayNode(b.name(), src);
			List<Axis> axes = plan.axesOf(b);
			if (testShapes != null && b.kind() == BufferSpec.Kind.NAV) {
				for (int d = 0; d < in.navRank(); d++) {
					axes.set(d, Axis.index(axes.get(d).name(), 1).withNavigate(true));
				}
			}
			a.axes(axes).title(b.title()).kind(b.arrayKind()).quantity(b.quantity(), b.units());
			out.add(a);
		}
		return out;
	}

	private Map<String, Dataset> arrayParams() {
		Map<String, Dataset> m = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : plan.params().values().entrySet()) {
			if (e.getValue() instanceof Dataset d) {
				m.put(e.getKey(), d);
			}
		}
		return m;
	}

	/** @return the Source of the group name: the dataset's name, or its EMD array node's for a dataset named "data" */
	private String sourceName() {
		String[] parts = (in.dataset() == null ? "data" : in.dataset()).split("/");
		String last = parts.length == 0 || parts[parts.length - 1].isEmpty() ? "data" : parts[parts.length - 1];
		return last.equals("data") && parts.length >= 3 && !parts[parts.length - 2].isEmpty() ? parts[parts.length - 2] : last;
	}

	private RunResult opened(RunResult.Status status, Path results, String group, int run, int total, long bytes, long t0, String key) {
		Hdf5File h = Hdf5File.open(results);
		try {
			return new RunResult(status, plan.toPlan(), ResultsFile.outputs(h, group), results, group, run, total, bytes, System.nanoTime() - t0, key,
					h);
		} catch (RonchiException | IllegalArgumentException e) {
			h.close();
			throw e;
		}
	}
}
