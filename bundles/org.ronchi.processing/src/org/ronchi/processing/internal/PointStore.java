package org.ronchi.processing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.PointBuffer;
import org.ronchi.processing.ProcessingException;

/**
 * Where POINTS outputs are assembled as partitions finish, as {@link NavStore} does for NAV outputs:
 * in memory when the run has no results file, otherwise in two files per buffer in the run's scratch
 * folder, so the records never have to fit in the heap and survive a killed run:
 * <ul>
 * <li>{@code points-<buffer>.bin}: the records, packed as the buffer's {@link RecordType} lays them out,
 * each partition's appended where it reserved room (workers write concurrently);</li>
 * <li>{@code points-<buffer>.idx}: per output position (C order), the byte offset of its first record
 * and its record count, two little-endian int64; never-written positions read as empty.</li>
 * </ul>
 * A partition redone after a resume appends its records again and overwrites its positions' entries.
 */
abstract class PointStore implements AutoCloseable {
	final Map<String, BufferSpec> specs = new LinkedHashMap<>();
	final Map<String, long[]> grids = new LinkedHashMap<>();

	void add(BufferSpec spec, long[] grid) {
		specs.put(spec.name(), spec);
		grids.put(spec.name(), grid.clone());
	}

	/** Places a partition's lists (its out box, C order). Called from worker threads. */
	abstract void write(PartitionImpl p, PointBuffer part);

	/** @return the whole buffer's lists, read on request */
	abstract PointListSource source(String name);

	@Override
	public void close() {
	}

	/** Visits where each of a partition's positions goes: (first local position, first global position, count) runs. */
	void place(PartitionImpl p, String name, NavStore.RunVisitor v) {
		NavStore.runs(grids.get(name), p.outStart, p.outCount, 1, v);
	}

	static long flat(long[] grid, long[] position) {
		if (position.length != grid.length) {
			throw new IndexOutOfBoundsException("position of rank " + position.length + " in a grid of rank " + grid.length);
		}
		long at = 0;
		for (int d = 0; d < grid.length; d++) {
			if (position[d] < 0 || position[d] >= grid[d]) {
				throw new IndexOutOfBoundsException("position " + java.util.Arrays.toString(position) + " outside " + Shapes.format(grid));
			}
			at = at * grid[d] + position[d];
		}
		return at;
	}

	/** The lists of one buffer, as the engine's outputs and {@code Results.points} give them. */
	private abstract class Lists implements PointListSource {
		final String name;

		Lists(String name) {
			this.name = name;
		}

		@Override
		public RecordType type() {
			return specs.get(name).records();
		}

		@Override
		public long[] shape() {
			return grids.get(name).clone();
		}
	}

	/** Point lists of an in-memory run: the packed records of each position. */
	static final class Memory extends PointStore {
		private final Map<String, byte[][]> cells = new LinkedHashMap<>();

		@Override
		void add(BufferSpec spec, long[] grid) {
			super.add(spec, grid);
			cells.put(spec.name(), new byte[Math.toIntExact(Shapes.size(grid))][]);
		}

		@Override
		void write(PartitionImpl p, PointBuffer part) {
			byte[][] dst = cells.get(part.name());
			int size = part.spec().records().size();
			int[] counts = part.counts();
			int[] first = firstRecords(counts);
			ByteBuffer records = part.byPosition();
			place(p, part.name(), (src, at, len) -> {
				for (int k = 0; k < len; k++) {
					int local = (int) src + k;
					byte[] c = new byte[counts[local] * size];
					records.get(first[local] * size, c);
					dst[(int) at + k] = c;
				}
			});
		}

		@Override
		PointListSource source(String name) {
			byte[][] all = cells.get(name);
			return new Lists(name) {
				@Override
				public PointList read(long... position) {
					byte[] c = all[(int) flat(grids.get(name), position)];
					RecordType t = type();
					return c == null ? PointList.empty(t) : PointList.decode(t, ByteBuffer.wrap(c), c.length / t.size());
				}

				@Override
				public int length(long... position) {
					byte[] c = all[(int) flat(grids.get(name), position)];
					return c == null ? 0 : c.length / type().size();
				}
			};
		}
	}

	/** @return the index of each position's first record among the partition's records grouped by position */
	static int[] firstRecords(int[] counts) {
		int[] first = new int[counts.length];
		for (int i = 1; i < counts.length; i++) {
			first[i] = first[i - 1] + counts[i - 1];
		}
		return first;
	}

	/** Point lists in scratch files. */
	static final class Files extends PointStore {
		private static final int ENTRY = 16;
		private final Path dir;
		private final Map<String, FileChannel> records = new LinkedHashMap<>();
		private final Map<String, FileChannel> index = new LinkedHashMap<>();
		private final Map<String, AtomicLong> end = new LinkedHashMap<>();

		Files(Path dir) {
			this.dir = dir;
		}

		/** Opens (or, unless resuming, creates) the buffer's two files. */
		void open(BufferSpec spec, long[] grid, boolean resume) {
			add(spec, grid);
			Path bin = dir.resolve("points-" + spec.name() + ".bin");
			Path idx = dir.resolve("points-" + spec.name() + ".idx");
			long entries = Shapes.size(grid) * ENTRY;
			try {
				boolean keep = resume && java.nio.file.Files.exists(bin) && java.nio.file.Files.exists(idx) && java.nio.file.Files.size(idx) == entries;
				FileChannel r = FileChannel.open(bin, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
				FileChannel x = FileChannel.open(idx, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
				records.put(spec.name(), r);
				index.put(spec.name(), x);
				if (!keep) {
					r.truncate(0);
					x.truncate(0);
					if (entries > 0) {
						x.write(ByteBuffer.allocate(1), entries - 1); // sparse: every position empty
					}
				}
				end.put(spec.name(), new AtomicLong(r.size()));
			} catch (IOException e) {
				throw new ProcessingException(bin, null, "cannot create scratch file: " + e.getMessage(), e);
			}
		}

		@Override
		void write(PartitionImpl p, PointBuffer part) {
			String name = part.name();
			int size = part.spec().records().size();
			int[] counts = part.counts();
			int[] first = firstRecords(counts);
			ByteBuffer bytes = part.byPosition();
			long at = end.get(name).getAndAdd(bytes.remaining());
			write(records.get(name), bytes, at, name);
			place(p, name, (src, dst, len) -> {
				ByteBuffer e = ByteBuffer.allocate((int) len * ENTRY).order(ByteOrder.LITTLE_ENDIAN);
				for (int k = 0; k < len; k++) {
					int local = (int) src + k;
					e.putLong(at + (long) first[local] * size).putLong(counts[local]);
				}
				write(index.get(name), e.flip(), dst * ENTRY, name);
			});
		}

		private void write(FileChannel ch, ByteBuffer b, long pos, String name) {
			try {
				long at = pos - b.position();
				while (b.hasRemaining()) {
					ch.write(b, at + b.position());
				}
			} catch (IOException e) {
				throw new ProcessingException(dir.resolve("points-" + name + ".bin"), null, "cannot write scratch data: " + e.getMessage(), e);
			}
		}

		private ByteBuffer read(FileChannel ch, long pos, int n, String name) {
			ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
			try {
				while (b.hasRemaining()) {
					if (ch.read(b, pos + b.position()) < 0) {
						throw new ProcessingException(dir.resolve("points-" + name + ".bin"), null, "scratch file is shorter than expected");
					}
				}
			} catch (IOException e) {
				throw new ProcessingException(dir.resolve("points-" + name + ".bin"), null, "cannot read scratch data: " + e.getMessage(), e);
			}
			return b.flip();
		}

		@Override
		PointListSource source(String name) {
			return new Lists(name) {
				@Override
				public PointList read(long... position) {
					ByteBuffer e = entry(position);
					long offset = e.getLong(0);
					int n = Math.toIntExact(e.getLong(8));
					RecordType t = type();
					return n == 0 ? PointList.empty(t) : PointList.decode(t, Files.this.read(records.get(name), offset, n * t.size(), name), n);
				}

				@Override
				public int length(long... position) {
					return Math.toIntExact(entry(position).getLong(8));
				}

				private ByteBuffer entry(long[] position) {
					return Files.this.read(index.get(name), flat(grids.get(name), position) * ENTRY, ENTRY, name);
				}
			};
		}

		@Override
		public void close() {
			for (FileChannel ch : records.values()) {
				closeQuietly(ch);
			}
			for (FileChannel ch : index.values()) {
				closeQuietly(ch);
			}
			records.clear();
			index.clear();
		}

		private static void closeQuietly(FileChannel ch) {
			try {
				ch.close();
			} catch (IOException e) {
				// scratch; nothing to recover
			}
		}
	}
}
