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
 * and the file holding the merged SIG/SINGLE buffers;</li>
 * <li>{@code merged-NNNNNN.bin}: those buffers after NNNNNN partitions, little-endian, in declaration order;</li>
 * <li>{@code nav-<buffer>.bin}: the NAV outputs, written in place by the workers.</li>
 * </ul>
 * Each update writes the merged file, then replaces state.json atomically (write + rename), then
 * deletes the previous merged file: a run killed at any moment leaves a state.json that names a
 * complete merged file, and NAV data for at least the partitions it counts. The folder is deleted once
 * the results file is written. Files are not fsync'd: this survives a killed process, not a power cut.
 */
final class Checkpoint {
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	/** The JSON content of state.json. */
	static final class State {
		String key;
		String operation;
		String version;
		String parameters;
		String source;
		int total;
		int done;
		String merged;
		List<long[]> partitions = new ArrayList<>();
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
			if (s == null || !key.equals(s.key) || s.merged == null && s.done > 0) {
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

	/** Restores merged buffers from the saved file. */
	void restore(BufferSet merged) {
		if (state.merged == null) {
			return;
		}
		try {
			ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(state.merged))).order(ByteOrder.LITTLE_ENDIAN);
			for (Buffer buf : mergedBuffers(merged)) {
				buf.decode(0, buf.size(), b);
			}
		} catch (IOException | RuntimeException e) {
			throw new ProcessingException(dir.resolve(state.merged), null, "cannot restore merged buffers: " + e, e);
		}
	}

	static List<Buffer> mergedBuffers(BufferSet set) {
		List<Buffer> out = new ArrayList<>();
		for (Buffer b : set.all()) {
			if (b.spec().kind() == BufferSpec.Kind.SIG || b.spec().kind() == BufferSpec.Kind.SINGLE) {
				out.add(b);
			}
		}
		return out;
	}

	/** Records that the first done partitions are merged into merged. */
	void save(int done, BufferSet merged) {
		String old = state.merged;
		String name = String.format("merged-%06d.bin", done);
		try {
			long bytes = 0;
			List<Buffer> bufs = mergedBuffers(merged);
			for (Buffer b : bufs) {
				bytes += b.size() * b.dtype().itemSize();
			}
			ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
			for (Buffer b : bufs) {
				b.encode(0, b.size(), out);
			}
			Path tmp = dir.resolve(name + ".tmp");
			Files.write(tmp, out.array());
			move(tmp, dir.resolve(name));
			state.done = done;
			state.merged = name;
			write();
			if (old != null && !old.equals(name)) {
				Files.deleteIfExists(dir.resolve(old));
			}
		} catch (IOException e) {
			throw new ProcessingException(dir, null, "cannot record progress: " + e.getMessage(), e);
		}
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
