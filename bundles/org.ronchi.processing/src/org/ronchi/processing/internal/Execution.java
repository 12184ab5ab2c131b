package org.ronchi.processing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.CancelledException;
import org.ronchi.processing.Engine;
import org.ronchi.processing.InputException;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.PointBuffer;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.processing.results.OpenedRun;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.processing.results.RunRecord;
import org.ronchi.processing.results.StoredRun;

/**
 * One run of a prepared request: the reuse lookup, resume, the partition loop (workers map with
 * {@link PartitionMapper} and place NAV blocks and point lists; this thread merges in partition order),
 * finish, and the hand-over of the outputs to the request's results store. See docs/processing.md for
 * the contract.
 */
public final class Execution {
	/**
	 * What the budget counts for one frame's point lists: their size is not known before the run (a few
	 * dozen Bragg peaks of three fields per pattern are about this).
	 */
	private static final long POINTS_BYTES_PER_FRAME = 256;

	private final Engine.Config cfg;
	private final ExecutorService executor;
	private final Planner plan;
	private final RunRequest req;
	private final InputInfo in;
	private final DType dtype;
	private final int frameSize;
	private final long frameBytes;

	public Execution(Engine.Config cfg, ExecutorService executor, Planner plan, RunRequest req) {
		this.cfg = cfg;
		this.executor = executor;
		this.plan = plan;
		this.req = req;
		this.in = plan.input();
		this.dtype = in.dtype();
		this.frameSize = in.frameSize();
		this.frameBytes = (long) frameSize * dtype.itemSize();
	}

	private record Done(PartitionImpl p, List<MergeTree.Node> nodes, long frames, long bytesRead) {
	}

	/** How a run is cut: frames per partition and how many partitions may be in flight at once. */
	private record Sizing(long frames, int inflight) {
	}

	/** Runs the request; its results file, if any, is written by the store the request names among stores. */
	public RunResult run(ResultsStores stores) {
		long t0 = System.nanoTime();
		Path results = req.resultsFile();
		ResultsStore store = results == null ? null : stores.get(req.resultsStore());
		if (store != null) {
			checkTarget(store, results);
		}
		String keyText = RunKey.describe(plan.operation(), plan.params(), in, req.sourceIdentity(), req.sourceSlice());
		String key = RunKey.hash(keyText);
		if (store != null && key != null && !req.force()) {
			for (StoredRun r : store.runs(results)) {
				if (key.equals(r.provenance().key())) {
					return opened(RunResult.Status.REUSED, store, results, r.name(), 0, 0, 0, t0, key);
				}
			}
		}
		Checksum checksum = store != null && in.file() != null && req.sourceIdentity() == null ? new Checksum(in.file()) : null;
		Partitioner pt = new Partitioner(plan.navigation(), chunkNav(), frameSize);
		Sizing size = sizing(pt);
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
		List<PartitionImpl> parts = st != null ? restore(st, pt) : pt.partitions(size.frames());
		boolean resuming = st != null && (st.done > 0 || st.pass > 0);
		if (cp != null && st == null) {
			st = newState(key, keyText, parts);
			cp.start(st);
		}
		int startPass = resuming ? st.pass : 0;
		int done = resuming ? st.done : 0;
		NavStore nav = cp != null ? new NavStore.Files(cp.dir()) : new NavStore.Memory();
		PointStore points = cp != null ? new PointStore.Files(cp.dir()) : new PointStore.Memory();
		boolean ok = false;
		try (nav; points) {
			for (BufferSpec b : plan.buffers()) {
				if (b.kind() == BufferSpec.Kind.NAV && nav instanceof NavStore.Files f) {
					f.open(b, plan.shapeOf(b), resuming);
				} else if (b.kind() == BufferSpec.Kind.NAV) {
					nav.add(b, plan.shapeOf(b));
				} else if (b.kind() == BufferSpec.Kind.POINTS && points instanceof PointStore.Files f) {
					f.open(b, plan.shapeOf(b), resuming);
				} else if (b.kind() == BufferSpec.Kind.POINTS) {
					points.add(b, plan.shapeOf(b));
				}
			}
			BufferSet merged = mergedSet();
			RunOutputs outputs = new RunOutputs(plan, merged, nav, points);
			long bytes = passes(parts, startPass, done, pt, size.inflight(), merged, outputs, nav, points, cp);
			int total = parts.size() * plan.passes(); // a multi-pass run maps every partition once per pass
			int run = total - startPass * parts.size() - done;
			if (store == null) {
				ok = true;
				return new RunResult(RunResult.Status.COMPUTED, plan.toPlan(), outputs.arrays(false), Map.of(), null, null, null, run, total, bytes,
						System.nanoTime() - t0, key, null);
			}
			req.progress().subTask("writing " + results.getFileName());
			RunRecord record = new RunRecord(sourceName(), req.toolName(),
					RunProvenance.of(plan.operation(), plan.params(), in, key, keyText, parts.size(), req.sourceSlice(),
							checksum == null ? "" : checksum.get(), req.parameterSources()),
					outputs.arrays(false));
			String name = store.append(results, record, executor);
			ok = true;
			return opened(resuming ? RunResult.Status.RESUMED : RunResult.Status.COMPUTED, store, results, name, run, total, bytes, t0, key);
		} finally {
			if (cp != null && (ok || !keyed)) {
				cp.delete();
			}
			req.progress().done();
		}
	}

	/**
	 * The source file's checksum for the provenance, computed on a thread of its own while the run reads
	 * the data (a second pass over the file, mostly from the page cache).
	 */
	private static final class Checksum {
		private final java.util.concurrent.FutureTask<String> task;

		Checksum(Path file) {
			task = new java.util.concurrent.FutureTask<>(() -> org.ronchi.processing.results.Checksums.sha256(file));
			Thread t = new Thread(task, "ronchi-checksum " + file.getFileName());
			t.setDaemon(true);
			t.start();
		}

		String get() {
			try {
				return task.get();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ProcessingException(null, null, "interrupted while computing the input's checksum", e);
			} catch (ExecutionException e) {
				throw wrap(e.getCause());
			}
		}
	}

	/** Refuses to write results into the input, or into a file the store did not write. */
	private void checkTarget(ResultsStore store, Path results) {
		if (in.file() != null && sameFile(results, in.file()) && !store.owns(results)) {
			throw new ProcessingException(results, null, "is the input file; results are never written into the input");
		}
		if (Files.exists(results) && !store.owns(results)) {
			throw new ProcessingException(results, null, "exists and is not a Ronchi results file (" + store.name() + "); choose another results file");
		}
	}

	/** @return whether two paths name the same file (the input must never become the results file) */
	private static boolean sameFile(Path a, Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) {
				return Files.isSameFile(a, b);
			}
		} catch (IOException e) {
			// fall through to the path comparison
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}

	/** Runs one frame; see {@link Engine#test}. */
	public RunResult test(long[] position) {
		long t0 = System.nanoTime();
		int n = in.navRank();
		if (position.length != n) {
			throw new InputException(in.file(), in.where(), "a test position needs " + n + " coordinates, got " + position.length);
		}
		long[] navShape = in.navShape();
		int[] ones = new int[n];
		java.util.Arrays.fill(ones, 1);
		for (int d = 0; d < n; d++) {
			if (position[d] < 0 || position[d] >= navShape[d]) {
				throw new InputException(in.file(), in.where(), "test position " + java.util.Arrays.toString(position) + " is outside "
						+ Shapes.format(navShape));
			}
		}
		Partitioner pt = new Partitioner(org.ronchi.processing.NavTransform.identity(navShape).crop(position, Shapes.toLong(ones)), chunkNav(),
				frameSize);
		PartitionImpl p = pt.partitions(1).get(0);
		NavStore nav = new NavStore.Memory();
		PointStore points = new PointStore.Memory();
		for (BufferSpec b : plan.buffers()) {
			long[] s = plan.shapeOf(b);
			if (Planner.perPosition(b)) {
				for (int d = 0; d < n; d++) {
					s[d] = 1;
				}
			}
			if (b.kind() == BufferSpec.Kind.NAV) {
				nav.add(b, s);
			} else if (b.kind() == BufferSpec.Kind.POINTS) {
				points.add(b, s);
			}
		}
		BufferSet merged = mergedSet();
		RunOutputs outputs = new RunOutputs(plan, merged, nav, points);
		Kernel k = plan.kernel();
		long bytes = 0;
		for (int pass = 0; pass < plan.passes() && k != null; pass++) {
			outputs.startPass(pass);
			Done d = process(p, new PartitionMapper(plan, k, pass, req.input(), pt, 1), new Worker(dtype, frameSize), new AtomicBoolean(), nav,
					points);
			MergeTree tree = new MergeTree(k::merge);
			d.nodes().forEach(tree::push);
			tree.finish(merged);
			bytes += d.bytesRead();
			k.finish(outputs);
			if (pass + 1 < plan.passes()) {
				outputs.building(pass + 1);
				k = plan.next().build(pass + 1, outputs);
			}
		}
		return new RunResult(RunResult.Status.TESTED, plan.toPlan(), outputs.arrays(true), Map.of(), null, null, null, 1, 1, bytes,
				System.nanoTime() - t0, null, null);
	}

	/**
	 * Runs the passes from startPass (its first done partitions already merged, when resuming), each
	 * followed by its kernel's finish; between passes records the buffers and builds the next kernel.
	 * Every pass maps the same partitions with its own kernel and reduces its SIG/SINGLE buffers through
	 * a merge tree of its own over the same grains, whose root is merged into the run's buffers before
	 * the pass's finish: each pass is bit-identical whatever threads, tiles or budget, so the kernel
	 * built for the next pass is too.
	 *
	 * @return input bytes read
	 */
	private long passes(List<PartitionImpl> parts, int startPass, int done, Partitioner pt, int inflight, BufferSet merged, RunOutputs outputs,
			NavStore nav, PointStore points, Checkpoint cp) {
		int passes = plan.passes();
		ProgressMonitor mon = req.progress();
		long perPass = 0;
		long already = 0;
		for (PartitionImpl p : parts) {
			perPass += p.frames() * frameBytes;
			if (p.index < done) {
				already += p.frames() * frameBytes;
			}
		}
		mon.begin(plan.operation().name() + " on " + in.where(), perPass * passes);
		already += perPass * startPass;
		if (already > 0) {
			mon.worked(already);
		}
		Kernel k = plan.kernel();
		if (startPass > 0) {
			cp.restorePassStart(merged, outputs::result);
			outputs.building(startPass);
			k = plan.next().build(startPass, outputs);
		}
		long tileFrames = Math.max(1, cfg.tileBytes() / Math.max(1, frameBytes));
		long bytes = 0;
		for (int pass = startPass; pass < passes && k != null; pass++) {
			if (passes > 1) {
				mon.subTask("pass " + (pass + 1) + " of " + passes);
			}
			outputs.startPass(pass);
			PartitionMapper mapper = new PartitionMapper(plan, k, pass, req.input(), pt, tileFrames);
			MergeTree tree = new MergeTree(k::merge);
			int from = pass == startPass ? done : 0;
			if (from > 0) {
				cp.restore(tree, mapper::reductionBuffers);
			}
			bytes += loop(pass, parts, from, mapper, inflight, tree, nav, points, cp);
			tree.finish(merged);
			k.finish(outputs);
			if (pass + 1 < passes) {
				if (cp != null) {
					cp.passDone(pass + 1, merged, outputs.results());
				}
				outputs.building(pass + 1);
				k = plan.next().build(pass + 1, outputs);
				if (k == null) {
					mon.worked(perPass * (passes - pass - 1)); // ended early: the remaining passes are not needed
				}
			}
		}
		return bytes;
	}

	// -- the partition loop

	/**
	 * Maps the partitions of one pass from done on and pushes their merge-tree nodes into tree, in
	 * partition order.
	 *
	 * @return bytes read
	 */
	private long loop(int pass, List<PartitionImpl> parts, int done, PartitionMapper mapper, int inflight, MergeTree tree, NavStore nav,
			PointStore points, Checkpoint cp) {
		ProgressMonitor mon = req.progress();
		int cancelledAt = pass * parts.size();
		ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(dtype, frameSize));
		AtomicBoolean stop = new AtomicBoolean();
		Saver saver = new Saver(cp, tree);
		long bytesRead = 0;
		int mergedCount = done;
		if (executor == null) {
			for (int i = done; i < parts.size(); i++) {
				if (mon.isCanceled()) {
					saver.save(mergedCount, true);
					throw new CancelledException(in.file(), plan.operation().id(), cancelledAt + mergedCount, parts.size() * plan.passes());
				}
				Done d = process(parts.get(i), mapper, workers.get(), stop, nav, points);
				d.nodes().forEach(tree::push);
				mon.worked(d.frames() * frameBytes);
				bytesRead += d.bytesRead();
				saver.save(++mergedCount, false);
			}
			saver.save(mergedCount, true);
			return bytesRead;
		}
		ExecutorCompletionService<Done> cs = new ExecutorCompletionService<>(executor);
		int next = done;
		int running = 0;
		Map<Integer, Done> ready = new HashMap<>();
		RuntimeException failure = null;
		boolean cancelled = false;
		while (true) {
			while (!stop.get() && running < inflight && next < parts.size()) {
				PartitionImpl p = parts.get(next++);
				cs.submit(() -> process(p, mapper, workers.get(), stop, nav, points));
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
				m.nodes().forEach(tree::push);
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
			throw new CancelledException(in.file(), plan.operation().id(), cancelledAt + mergedCount, parts.size() * plan.passes());
		}
		return bytesRead;
	}

	/** Records progress at most every checkpointMillis (always when forced). */
	private final class Saver {
		private final Checkpoint cp;
		private final MergeTree tree;
		private long last = System.nanoTime();
		private int saved = -1;

		Saver(Checkpoint cp, MergeTree tree) {
			this.cp = cp;
			this.tree = tree;
		}

		void save(int count, boolean force) {
			if (cp == null || count == saved) {
				return;
			}
			long now = System.nanoTime();
			if (force || now - last >= cfg.checkpointMillis() * 1_000_000L) {
				cp.save(count, tree.nodes());
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

	/** Maps one partition, then places its NAV blocks and point lists. Worker thread. */
	private static Done process(PartitionImpl p, PartitionMapper mapper, Worker w, AtomicBoolean stop, NavStore nav, PointStore points) {
		PartitionMapper.Mapped m = mapper.map(p, w, stop);
		if (m == null) {
			return null;
		}
		for (Buffer b : m.part().all()) {
			if (b.spec().kind() == BufferSpec.Kind.NAV) {
				nav.write(p, b);
			}
		}
		for (PointBuffer b : m.part().allPoints()) {
			points.write(p, b);
		}
		return new Done(p, m.nodes(), m.frames(), m.bytesRead());
	}

	// -- sizes

	private int[] chunkNav() {
		int[] c = req.input().source().chunkShape();
		return c == null || c.length != in.rank() ? null : java.util.Arrays.copyOf(c, in.navRank());
	}

	/**
	 * Frames per partition: about 1/32 of the input (or 1/8 per thread), at least a tile and a grain;
	 * partitions in flight: 2 × threads, fewer if the memory budget cannot hold that many partitions of
	 * one grain. The budget holds every worker's tile buffer and frame arrays, the partitions in flight
	 * (their NAV blocks and point lists, and their merge-tree stacks of SIG/SINGLE copies), the run's
	 * merge-tree stack and the merged buffers. Neither number changes the results: only how fast.
	 */
	private Sizing sizing(Partitioner pt) {
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
			} else if (b.kind() == BufferSpec.Kind.POINTS) {
				perFrameOut += POINTS_BYTES_PER_FRAME;
			} else if (b.kind() != BufferSpec.Kind.RESULT) {
				fixed += bytes;
			}
		}
		perFrameOut = Math.max(1, perFrameOut);
		long depth = fixed == 0 ? 0 : 65 - Long.numberOfLeadingZeros(pt.grains()); // a tree stack: log2(grains) + 1 nodes, + the grain filled
		long workerBytes = Math.max(cfg.tileBytes(), frameBytes) + frameSize * 14L;
		long avail = cfg.memoryBudget() - threads * workerBytes - (depth + 1) * fixed;
		long leastPartition = pt.grainFrames() * perFrameOut + depth * fixed;
		if (avail < leastPartition) {
			long need = threads * workerBytes + (depth + 1) * fixed + leastPartition;
			throw new ProcessingException(in.file(), plan.operation().id(), "needs at least " + mib(need) + " for its buffers; the memory budget is "
					+ mib(cfg.memoryBudget()));
		}
		int inflight = (int) Math.min(cfg.threads() == 0 ? 1 : 2L * threads, avail / leastPartition);
		long memFrames = (avail / inflight - depth * fixed) / perFrameOut;
		long want = (total + Math.max(32, threads * 8L) - 1) / Math.max(32, threads * 8L);
		return new Sizing(Math.max(1, Math.min(memFrames, Math.max(want, Math.min(tileFrames, memFrames)))), inflight);
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

	private static List<PartitionImpl> restore(Checkpoint.State s, Partitioner pt) {
		List<PartitionImpl> out = new ArrayList<>();
		for (long[] box : s.partitions) {
			out.add(pt.partition(out.size(), box));
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

	/** @return the Source of the run name: the dataset's name, or its EMD array node's for a dataset named "data" */
	private String sourceName() {
		String[] parts = (in.dataset() == null ? "data" : in.dataset()).split("/");
		String last = parts.length == 0 || parts[parts.length - 1].isEmpty() ? "data" : parts[parts.length - 1];
		return last.equals("data") && parts.length >= 3 && !parts[parts.length - 2].isEmpty() ? parts[parts.length - 2] : last;
	}

	private RunResult opened(RunResult.Status status, ResultsStore store, Path results, String name, int run, int total, long bytes, long t0,
			String key) {
		OpenedRun r = store.open(results, name);
		return new RunResult(status, plan.toPlan(), r.outputs(), r.paths(), results, name, store.id(), run, total, bytes, System.nanoTime() - t0, key, r);
	}
}
