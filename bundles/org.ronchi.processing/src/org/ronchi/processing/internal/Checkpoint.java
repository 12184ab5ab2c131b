package org.ronchi.processing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.ProcessingException;

/**
 * Resume bookkeeping of one run, in a scratch folder next to the results file,
 * {@code .<results>.partial/<key prefix>/}:
 * <ul>
 * <li>{@code state.json}: the run key, the partition boxes (so a resumed run cuts the same way whatever
 * its thread count or budget), how many partitions are merged (always a prefix: merging is in order),
 * the nodes of the merge tree ({@link MergeTree}: level and index of each) and the file holding their
 * SIG/SINGLE buffers;</li>
 * <li>{@code merged-NNNNNN.bin}: those buffers after NNNNNN partitions, node after node, each in
 * declaration order, little-endian;</li>
 * <li>{@code nav-<buffer>.bin}: the NAV outputs, written in place by the workers;</li>
 * <li>in a multi-pass run, the pass in progress, {@code pass-PPP.bin}: the merged SIG/SINGLE and the
 * RESULT buffers as they were when pass PPP began (what its kernel is built from), and
 * {@code merged-PPP-NNNNNN.bin} for the merge-tree nodes of passes after the first (each pass
 * reduces its own buffers through a tree of its own; its nodes hold only that pass's buffers).</li>
 * </ul>
 * Each update writes the merged file, then replaces state.json atomically (write + rename), then
 * deletes the previous merged file: a run killed at any moment leaves a state.json that names a
 * complete merged file, and NAV data for at least the partitions it counts. The folder is deleted once
 * the results file is written. Files are not fsync'd: this survives a killed process, not a power cut.
 */
final class Checkpoint {
	/** 2: merge-tree nodes instead of one merged set; 3: and the pass of a multi-pass run. */
	static final int FORMAT = 3;
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	/** The JSON content of state.json. */
	static final class State {
		/** The layout of this folder: a folder of another layout is discarded. */
		int format = FORMAT;
		String key;
		String operation;
		String version;
		String parameters;
		String source;
		int total;
		int done;
		String merged;
		/** {level, index} of each merge-tree node in the merged file, in grain order (of the pass in progress). */
		List<long[]> nodes = new ArrayList<>();
		/** The pass in progress (multi-pass runs); done counts its partitions. */
		int pass;
		/** The file of the buffers pass {@code pass} began with (null in pass 0). */
		String passStart;
		/** The RESULT buffers in passStart, in order. */
		List<String> passResults = new ArrayList<>();
		List<long[]> partitions = new ArrayList<>();
	}

	/** Allocates (or returns) a RESULT buffer by name, to restore a recorded one into. */
	interface ResultBuffers {
		Buffer result(String name);
	}

	private final Path dir;
	private State state;

	Checkpoint(Path dir) {
		this.dir = dir;
	}

	static Path dirFor(Path resultsFile, String key) {
		return resultsFile.toAbsolutePath().resolveSibling("." + resultsFile.getFileName() + ".partial").resolve(key.substring(0, 16));
	}

	Path dir() {
		return dir;
	}

	/** @return the saved state if it belongs to this key, else null (a stale folder is cleared) */
	State load(String key) {
		Path f = dir.resolve("state.json");
		if (!Files.isRegularFile(f)) {
			return null;
		}
		try {
			State s = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), State.class);
			if (s == null || s.format != FORMAT || !key.equals(s.key) || s.merged == null && s.done > 0 || s.pass > 0 && s.passStart == null) {
				delete();
				return null;
			}
			state = s;
			return s;
		} catch (IOException | RuntimeException e) {
			delete(); // unreadable: start over rather than trust it
			return null;
		}
	}

	void start(State s) {
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new ProcessingException(dir, null, "cannot create the resume folder: " + e.getMessage(), e);
		}
		this.state = s;
		write();
	}

	/**
	 * Restores the merge tree's nodes from the saved file.
	 *
	 * @param fresh empty SIG/SINGLE buffers of one node, in declaration order
	 */
	void restore(MergeTree tree, Supplier<List<Buffer>> fresh) {
		if (state.merged == null) {
			return;
		}
		try {
			ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(state.merged))).order(ByteOrder.LITTLE_ENDIAN);
			for (long[] n : state.nodes) {
				List<Buffer> bufs = fresh.get();
				for (Buffer buf : bufs) {
					buf.decode(0, buf.size(), b);
				}
				tree.push(new MergeTree.Node((int) n[0], n[1], new BufferSet(bufs)));
			}
			if (b.hasRemaining()) {
				throw new IllegalStateException(b.remaining() + " bytes left over");
			}
		} catch (IOException | RuntimeException e) {
			throw new ProcessingException(dir.resolve(state.merged), null, "cannot restore merged buffers: " + e, e);
		}
	}

	/** Records that the first done partitions are merged into these merge-tree nodes. */
	void save(int done, List<MergeTree.Node> nodes) {
		String old = state.merged;
		String name = state.pass == 0 ? String.format("merged-%06d.bin", done) : String.format("merged-%03d-%06d.bin", state.pass, done);
		try {
			long bytes = 0;
			for (MergeTree.Node n : nodes) {
				for (Buffer b : n.buffers().all()) {
					bytes += b.size() * b.dtype().itemSize();
				}
			}
			ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
			List<long[]> saved = new ArrayList<>();
			for (MergeTree.Node n : nodes) {
				for (Buffer b : n.buffers().all()) {
					b.encode(0, b.size(), out);
				}
				saved.add(new long[] { n.level(), n.index() });
			}
			Path tmp = dir.resolve(name + ".tmp");
			Files.write(tmp, out.array());
			move(tmp, dir.resolve(name));
			state.done = done;
			state.merged = name;
			state.nodes = saved;
			write();
			if (old != null && !old.equals(name)) {
				Files.deleteIfExists(dir.resolve(old));
			}
		} catch (IOException e) {
			throw new ProcessingException(dir, null, "cannot record progress: " + e.getMessage(), e);
		}
	}

	/**
	 * Records that pass {@code pass} begins: the merged SIG/SINGLE buffers and the RESULT buffers as the
	 * previous pass left them (what the new pass's kernel is built from), no partition of it merged yet.
	 */
	void passDone(int pass, BufferSet merged, List<Buffer> results) {
		String oldStart = state.passStart;
		String oldMerged = state.merged;
		String name = String.format("pass-%03d.bin", pass);
		try {
			List<Buffer> bufs = new ArrayList<>(mergedBuffers(merged));
			bufs.addAll(results);
			Path tmp = dir.resolve(name + ".tmp");
			Files.write(tmp, encode(bufs));
			move(tmp, dir.resolve(name));
			state.pass = pass;
			state.done = 0;
			state.merged = null;
			state.nodes = new ArrayList<>();
			state.passStart = name;
			state.passResults = new ArrayList<>();
			for (Buffer b : results) {
				state.passResults.add(b.name());
			}
			write();
			for (String old : new String[] { oldStart, oldMerged }) {
				if (old != null && !old.equals(name)) {
					Files.deleteIfExists(dir.resolve(old));
				}
			}
		} catch (IOException e) {
			throw new ProcessingException(dir, null, "cannot record progress: " + e.getMessage(), e);
		}
	}

	/** Restores the buffers the pass in progress began with (a multi-pass run resumed after its first pass). */
	void restorePassStart(BufferSet merged, ResultBuffers results) {
		Path f = dir.resolve(state.passStart);
		try {
			ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
			for (Buffer buf : mergedBuffers(merged)) {
				buf.decode(0, buf.size(), b);
			}
			for (String name : state.passResults) {
				Buffer buf = results.result(name);
				buf.decode(0, buf.size(), b);
			}
		} catch (IOException | RuntimeException e) {
			throw new ProcessingException(f, null, "cannot restore the buffers of pass " + state.pass + ": " + e, e);
		}
	}

	/** @return the run's SIG/SINGLE buffers in declaration order */
	static List<Buffer> mergedBuffers(BufferSet set) {
		List<Buffer> out = new ArrayList<>();
		for (Buffer b : set.all()) {
			if (b.spec().kind() == BufferSpec.Kind.SIG || b.spec().kind() == BufferSpec.Kind.SINGLE) {
				out.add(b);
			}
		}
		return out;
	}

	private static byte[] encode(List<Buffer> bufs) {
		long bytes = 0;
		for (Buffer b : bufs) {
			bytes += b.size() * b.dtype().itemSize();
		}
		ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
		for (Buffer b : bufs) {
			b.encode(0, b.size(), out);
		}
		return out.array();
	}

	private void write() {
		try {
			Path tmp = dir.resolve("state.json.tmp");
			Files.writeString(tmp, GSON.toJson(state), StandardCharsets.UTF_8);
			move(tmp, dir.resolve("state.json"));
		} catch (IOException e) {
			throw new ProcessingException(dir, null, "cannot record progress: " + e.getMessage(), e);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Deletes the folder, and its parent if that is now empty. */
	void delete() {
		try {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> s = Files.walk(dir)) {
					for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(p);
					}
				}
			}
			Path parent = dir.getParent();
			if (parent != null && Files.isDirectory(parent)) {
				try (Stream<Path> s = Files.list(parent)) {
					if (s.findAny().isEmpty()) {
						Files.deleteIfExists(parent);
					}
				}
			}
		} catch (IOException e) {
			// leftover scratch is harmless: the next run with the same key clears or reuses it
		}
	}
}
