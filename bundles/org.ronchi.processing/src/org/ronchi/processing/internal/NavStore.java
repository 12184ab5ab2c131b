package org.ronchi.processing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.BoxRuns;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.ProcessingException;

/**
 * Where NAV outputs are assembled as partitions finish: whole arrays in memory when the run has no
 * results file, otherwise one raw little-endian file per buffer in the run's scratch folder (so they
 * survive a killed run and never have to fit in the heap). Workers write their partitions' boxes
 * concurrently; boxes never overlap.
 */
abstract class NavStore implements AutoCloseable {
	final Map<String, BufferSpec> specs = new LinkedHashMap<>();
	final Map<String, long[]> shapes = new LinkedHashMap<>();

	void add(BufferSpec spec, long[] shape) {
		specs.put(spec.name(), spec);
		shapes.put(spec.name(), shape.clone());
	}

	/** Writes a partition's buffer (its out box, C order) into place. Called from worker threads. */
	abstract void write(PartitionImpl p, Buffer part);

	/** @return the whole buffer in memory */
	abstract Buffer load(String name);

	/** @return the whole buffer as a lazy array (for writing results) */
	abstract ArraySource source(String name);

	@Override
	public void close() {
	}

	/**
	 * Visits the runs of a box inside an array of shape navShape + block ({@link BoxRuns}): each run is
	 * contiguous in both the box and the array, whole blocks along the trailing navigation dimensions
	 * the box spans completely merged into one.
	 */
	static void runs(long[] navShape, long[] boxStart, int[] boxCount, long block, RunVisitor v) {
		int n = navShape.length;
		long[] shape = java.util.Arrays.copyOf(navShape, n + 1);
		long[] start = java.util.Arrays.copyOf(boxStart, n + 1);
		int[] count = java.util.Arrays.copyOf(boxCount, n + 1);
		shape[n] = block;
		count[n] = Math.toIntExact(block);
		BoxRuns runs = BoxRuns.of(shape, start, count);
		if (runs.runLength() == 0) {
			return;
		}
		BoxRuns.Cursor c = runs.cursor(0);
		for (long r = 0; r < runs.runCount(); r++, c.next()) {
			v.run(c.boxOffset(), c.blockOffset(), runs.runLength());
		}
	}

	interface RunVisitor {
		/** A run of len elements from element src of the box to element dst of the array. */
		void run(long src, long dst, long len);
	}

	long[] navShape(String name) {
		long[] s = shapes.get(name);
		int block = specs.get(name).shape().length;
		return java.util.Arrays.copyOf(s, s.length - block);
	}

	static long block(BufferSpec spec) {
		return Shapes.size(spec.shape());
	}

	/** NAV outputs of an in-memory run. */
	static final class Memory extends NavStore {
		private final Map<String, Buffer> whole = new LinkedHashMap<>();

		@Override
		void add(BufferSpec spec, long[] shape) {
			super.add(spec, shape);
			whole.put(spec.name(), new Buffer(spec, shape));
		}

		@Override
		void write(PartitionImpl p, Buffer part) {
			Buffer dst = whole.get(part.name());
			int k = part.dtype().isComplex() ? 2 : 1;
			int item = Buffer.storage(part.dtype()) == byte[].class ? part.dtype().itemSize() : k;
			runs(navShape(part.name()), p.outStart, p.outCount, block(part.spec()),
					(src, d, len) -> System.arraycopy(part.array(), (int) (src * item), dst.array(), (int) (d * item), (int) (len * item)));
		}

		@Override
		Buffer load(String name) {
			return whole.get(name);
		}

		@Override
		ArraySource source(String name) {
			return BufferBytes.source(whole.get(name));
		}
	}

	/** NAV outputs in raw files under a scratch folder. */
	static final class Files extends NavStore {
		private final Path dir;
		private final Map<String, FileChannel> channels = new LinkedHashMap<>();

		Files(Path dir) {
			this.dir = dir;
		}

		Path file(String name) {
			return dir.resolve("nav-" + name + ".bin");
		}

		/** Opens (or, unless resuming, creates) the buffer's file, filled with the fill value. */
		void open(BufferSpec spec, long[] shape, boolean resume) {
			add(spec, shape);
			Path f = file(spec.name());
			long bytes = Shapes.size(shape) * spec.dtype().itemSize();
			try {
				boolean fresh = !resume || !java.nio.file.Files.exists(f) || java.nio.file.Files.size(f) != bytes;
				FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
				channels.put(spec.name(), ch);
				if (fresh) {
					ch.truncate(0);
					if (spec.fill() != 0) {
						fill(ch, spec, bytes);
					} else if (bytes > 0) {
						ch.write(ByteBuffer.allocate(1), bytes - 1); // sparse: reads as zeros
					}
				}
			} catch (IOException e) {
				throw new ProcessingException(f, null, "cannot create scratch file: " + e.getMessage(), e);
			}
		}

		private static void fill(FileChannel ch, BufferSpec spec, long bytes) throws IOException {
			int item = spec.dtype().itemSize();
			int chunk = (int) Math.min(bytes, (1 << 20) / item * item);
			Buffer one = new Buffer(BufferSpec.single("fill", spec.dtype(), chunk / item).merge(BufferSpec.Merge.CUSTOM).fill(spec.fill()),
					new long[] { chunk / item });
			ByteBuffer b = ByteBuffer.allocate(chunk).order(ByteOrder.LITTLE_ENDIAN);
			one.encode(0, chunk / item, b);
			for (long at = 0; at < bytes; at += chunk) {
				b.clear().limit((int) Math.min(chunk, bytes - at));
				while (b.hasRemaining()) {
					ch.write(b, at + b.position());
				}
			}
		}

		@Override
		void write(PartitionImpl p, Buffer part) {
			FileChannel ch = channels.get(part.name());
			int item = part.dtype().itemSize();
			ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(part.size() * item)).order(ByteOrder.LITTLE_ENDIAN);
			part.encode(0, part.size(), bytes);
			runs(navShape(part.name()), p.outStart, p.outCount, block(part.spec()), (src, dst, len) -> {
				ByteBuffer run = bytes.duplicate().limit((int) ((src + len) * item)).position((int) (src * item));
				try {
					while (run.hasRemaining()) {
						ch.write(run, dst * item + run.position() - src * item);
					}
				} catch (IOException e) {
					throw new ProcessingException(file(part.name()), null, "cannot write scratch data: " + e.getMessage(), e);
				}
			});
		}

		@Override
		Buffer load(String name) {
			BufferSpec spec = specs.get(name);
			long[] shape = shapes.get(name);
			Buffer b = new Buffer(spec.fill(0), shape);
			ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(b.size() * spec.dtype().itemSize())).order(ByteOrder.LITTLE_ENDIAN);
			readFully(name, bytes, 0);
			bytes.flip();
			b.decode(0, b.size(), bytes);
			return b;
		}

		void readFully(String name, ByteBuffer into, long pos) {
			FileChannel ch = channels.get(name);
			long at = pos - into.position();
			try {
				while (into.hasRemaining()) {
					if (ch.read(into, at + into.position()) < 0) {
						throw new ProcessingException(file(name), null, "scratch file is shorter than expected");
					}
				}
			} catch (IOException e) {
				throw new ProcessingException(file(name), null, "cannot read scratch data: " + e.getMessage(), e);
			}
		}

		/** The buffer's scratch file read through the core layout reader: what results are streamed from. */
		@Override
		ArraySource source(String name) {
			FileBytes bytes = FileBytes.of(file(name), channels.get(name), FormatException::new); // closed with the store
			return new LayoutSource(bytes, Layout.of(specs.get(name).dtype(), ByteOrder.LITTLE_ENDIAN, 0, shapes.get(name))
					.named("scratch data"), null);
		}

		@Override
		public void close() {
			for (FileChannel ch : channels.values()) {
				try {
					ch.close();
				} catch (IOException e) {
					// scratch; nothing to recover
				}
			}
			channels.clear();
		}
	}
}
