package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.tests.support.Fuzz;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * read() and readInto() of chunked datasets on random boxes against the array they were written from:
 * edge chunks (written with garbage past the dataset's end), unwritten chunks, last dimensions of 1
 * (Velox images (rows, cols, 1), columns (n, 1)) where runs merge, every filter pipeline the reader
 * decodes itself and two it leaves to jhdf, each box read twice (decoded, then from the chunk cache),
 * big reads that bypass the cache and decode whole chunks straight into the target, and concurrent reads.
 */
class RandomBoxesTest {
	private static final byte GARBAGE = 0x5A;

	/** A dataset to write: reference bytes (little-endian, C order) and which chunks to leave unwritten. */
	private record Case(String name, DType dtype, long[] shape, DatasetOptions options, long seed, int skipEvery) {
	}

	private static final Case[] CASES = {
			new Case("velox_u16", DType.UINT16, new long[] { 37, 53, 1 }, DatasetOptions.chunked(8, 16, 1).shuffle().deflate(4), 1, 0),
			new Case("column_f32", DType.FLOAT32, new long[] { 29, 1 }, DatasetOptions.chunked(8, 1).deflate(1), 2, 0),
			new Case("edges_i32", DType.INT32, new long[] { 5, 7, 9, 4 }, DatasetOptions.chunked(2, 3, 4, 4), 3, 5),
			new Case("merged_u8", DType.UINT8, new long[] { 6, 10, 12, 1 }, DatasetOptions.chunked(6, 10, 5, 1).shuffle(), 4, 0),
			new Case("one_chunk_f64", DType.FLOAT64, new long[] { 3, 17, 19 }, DatasetOptions.chunked(3, 17, 19).deflate(6), 5, 0),
			new Case("frames_u16", DType.UINT16, new long[] { 4, 6, 16, 20 }, DatasetOptions.chunked(1, 4, 16, 20).deflate(2), 6, 3),
			new Case("sparse_i16", DType.INT16, new long[] { 11, 13, 2 }, DatasetOptions.chunked(4, 5, 2).shuffle().deflate(3), 7, 2),
	};

	@Test
	void randomBoxesOfEveryLayoutEqualTheWrittenArray() {
		Path f = TestData.tempDir("boxes").resolve("boxes.h5");
		byte[][] refs = new byte[CASES.length][];
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			for (int i = 0; i < CASES.length; i++) {
				refs[i] = write(w, CASES[i]);
			}
		}
		try (Hdf5File h = Hdf5File.open(f)) {
			for (int i = 0; i < CASES.length; i++) {
				Case c = CASES[i];
				check(h.array("/" + c.name()).source(), refs[i], c.seed(), 60, c.name());
			}
		}
	}

	/**
	 * Reads touching more than a quarter of the 128 MiB chunk cache bypass it and inflate whole chunks
	 * straight into readInto's target; unwritten chunks among them must still read as zeros.
	 */
	@Test
	void bigReadsDecodeStraightIntoTheTarget() {
		Path f = TestData.tempDir("boxes").resolve("big.h5");
		Case deflated = new Case("deflated", DType.UINT16, new long[] { 68, 4, 256, 256 }, DatasetOptions.chunked(1, 2, 256, 256).deflate(1), 11, 7);
		Case raw = new Case("raw", DType.UINT16, new long[] { 40, 8, 256, 256 }, DatasetOptions.chunked(1, 4, 256, 256), 12, 9);
		byte[] a;
		byte[] b;
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			a = write(w, deflated);
			b = write(w, raw);
		}
		try (Hdf5File h = Hdf5File.open(f)) {
			check(h.array("/deflated").source(), a, 11, 3, "deflated");
			check(h.array("/raw").source(), b, 12, 3, "raw");
		}
	}

	@Test
	void concurrentReadsOfOneSourceAgree() {
		Path f = TestData.tempDir("boxes").resolve("concurrent.h5");
		Case c = new Case("d", DType.UINT16, new long[] { 20, 30, 1 }, DatasetOptions.chunked(3, 7, 1).shuffle().deflate(4), 21, 4);
		byte[] ref;
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			ref = write(w, c);
		}
		try (Hdf5File h = Hdf5File.open(f)) {
			ArraySource s = h.array("/d").source();
			IntStream.range(0, 8).parallel().forEach(t -> check(s, ref, 100 + t, 30, "thread " + t));
		}
	}

	/** Pipelines the reader leaves to jhdf (fletcher32, lzf) and big-endian shuffled data, written by h5py. */
	@Test
	void pipelinesLeftToJhdfAndBigEndianShuffle() throws Exception {
		Python.assumeModules("h5py", "numpy");
		Path dir = TestData.tempDir("boxes");
		Path f = dir.resolve("h5py.h5");
		Python.check("""
				import sys, os, h5py, numpy as np
				rng = np.random.default_rng(3)
				a = rng.integers(0, 65535, size=(13, 11, 1)).astype('<u2')
				b = rng.integers(-2**31, 2**31 - 1, size=(9, 14)).astype('<i4')
				with h5py.File(sys.argv[1], 'w') as h:
				    h.create_dataset('fletcher', data=a, chunks=(4, 4, 1), fletcher32=True, compression='gzip')
				    h.create_dataset('lzf', data=a, chunks=(5, 3, 1), compression='lzf')
				    h.create_dataset('be_shuffle', data=b.astype('>i4'), chunks=(4, 5), shuffle=True, compression='gzip')
				a.tofile(os.path.join(sys.argv[2], 'a.bin'))
				b.tofile(os.path.join(sys.argv[2], 'b.bin'))
				print('ok')
				""", f.toString(), dir.toString());
		byte[] a = Files.readAllBytes(dir.resolve("a.bin"));
		byte[] b = Files.readAllBytes(dir.resolve("b.bin"));
		try (Hdf5File h = Hdf5File.open(f)) {
			check(h.array("/fletcher").source(), a, 31, 30, "fletcher");
			check(h.array("/lzf").source(), a, 32, 30, "lzf");
			check(h.array("/be_shuffle").source(), b, 33, 30, "be_shuffle");
		}
	}

	/**
	 * Damaged chunk data and chunk index (bytes flipped all over a small file, and the file cut short):
	 * every read of every dataset, through read() and readInto(), succeeds or throws a RonchiException.
	 */
	@Test
	void damagedChunksFailAsRonchiExceptions() throws Exception {
		Path dir = TestData.tempDir("boxes");
		Path f = dir.resolve("fuzz.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			for (int i = 0; i < 4; i++) {
				write(w, CASES[i]);
			}
		}
		byte[] all = Files.readAllBytes(f);
		SplittableRandom r = new SplittableRandom(9);
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(1))) {
			for (int k = 0; k < 60; k++) {
				byte[] bad = all.clone();
				int at = r.nextInt(bad.length);
				String what;
				if (k % 4 == 3) {
					bad = Arrays.copyOf(all, at);
					what = "cut at " + at;
				} else {
					for (int i = 0; i < 8 && at + i < bad.length; i++) {
						bad[at + i] ^= (byte) (1 + r.nextInt(255));
					}
					what = "8 bytes flipped at " + at;
				}
				Path damaged = dir.resolve("fuzz" + k + ".h5");
				Files.write(damaged, bad);
				fuzz.run(what, () -> {
					try (Hdf5File h = Hdf5File.open(damaged)) {
						for (int i = 0; i < 4; i++) {
							ArraySource s = h.array("/" + CASES[i].name()).source();
							long[] zero = new long[s.shape().length];
							int[] whole = Shapes.toInt(s.shape());
							s.read(zero, whole);
							s.readInto(zero, whole, ByteBuffer.allocate((int) Shapes.size(whole) * s.dtype().itemSize()));
						}
					}
				});
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.rejected() > 10, "only " + fuzz.rejected() + " of " + fuzz.cases() + " damaged files were refused");
		}
	}

	/** Writes the case chunk by chunk from random data; edge chunks carry garbage past the end. */
	private static byte[] write(Hdf5Writer w, Case c) {
		int item = c.dtype().itemSize();
		byte[] ref = random(c);
		WDataset d = w.root().dataset(c.name(), c.dtype(), c.shape(), c.options());
		int[] chunk = c.options().chunk();
		long[] grid = new long[chunk.length];
		for (int i = 0; i < chunk.length; i++) {
			grid[i] = (c.shape()[i] + chunk[i] - 1) / chunk[i];
		}
		long n = Shapes.size(grid);
		for (long k = 0; k < n; k++) {
			long[] origin = unravel(k, grid);
			for (int i = 0; i < origin.length; i++) {
				origin[i] *= chunk[i];
			}
			if (c.skipEvery() > 0 && k % c.skipEvery() == 1) {
				zeroBox(ref, c.shape(), item, origin, chunk);
				continue; // never written: reads as the fill value, zero
			}
			byte[] full = new byte[(int) Shapes.size(chunk) * item];
			Arrays.fill(full, GARBAGE);
			long[] chunkShape = Shapes.toLong(chunk);
			forEachElement(clip(origin, chunk, c.shape()), (pos, ignored) -> {
				long[] inChunk = new long[pos.length];
				for (int i = 0; i < pos.length; i++) {
					inChunk[i] = pos[i] - origin[i];
				}
				System.arraycopy(ref, (int) (ravel(pos, c.shape()) * item), full, (int) (ravel(inChunk, chunkShape) * item), item);
			}, origin);
			d.writeChunk(origin, ByteBuffer.wrap(full));
		}
		return ref;
	}

	private static byte[] random(Case c) {
		SplittableRandom r = new SplittableRandom(c.seed());
		int n = (int) Shapes.size(c.shape());
		ByteBuffer b = ByteBuffer.allocate(n * c.dtype().itemSize()).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < n; i++) {
			switch (c.dtype()) {
			case FLOAT32 -> b.putFloat((float) r.nextDouble(-1000, 1000));
			case FLOAT64 -> b.putDouble(r.nextDouble(-1e6, 1e6));
			// the big cases: smooth enough to deflate quickly
			case UINT16 -> b.putShort((short) (n > 1_000_000 ? (i % 4099) ^ r.nextInt(4) : r.nextInt(65536)));
			default -> {
				byte[] v = new byte[c.dtype().itemSize()];
				for (int k = 0; k < v.length; k++) {
					v[k] = (byte) r.nextInt(256);
				}
				b.put(v);
			}
			}
		}
		return b.array();
	}

	/**
	 * Compares read() and readInto() with the reference on random boxes (the first is the whole array),
	 * each read twice; readInto goes into a direct and a heap buffer filled with garbage, at an offset.
	 */
	static void check(ArraySource s, byte[] ref, long seed, int boxes, String what) {
		long[] shape = s.shape();
		int item = s.dtype().itemSize();
		SplittableRandom r = new SplittableRandom(seed);
		for (int k = 0; k < boxes; k++) {
			long[] start = new long[shape.length];
			int[] count = Shapes.toInt(shape);
			if (k > 0) {
				for (int d = 0; d < shape.length; d++) {
					boolean whole = r.nextInt(3) == 0; // whole trailing dimensions are what runs merge over
					start[d] = whole ? 0 : r.nextLong(shape[d]);
					count[d] = whole ? (int) shape[d] : 1 + (int) r.nextLong(shape[d] - start[d]);
				}
			}
			byte[] expected = extract(ref, shape, item, start, count);
			String box = what + " box " + Arrays.toString(start) + " " + Arrays.toString(count);
			for (int again = 0; again < 2; again++) {
				Dataset d = Buffers.contiguous(s.dtype(), s.read(start, count));
				assertArrayEquals(count, d.getShapeRef(), box);
				ByteBuffer decoded = ByteBuffer.allocate(expected.length).order(ByteOrder.LITTLE_ENDIAN);
				Buffers.encode(s.dtype(), d, 0, d.getSize(), decoded);
				assertArrayEquals(expected, decoded.array(), "read() " + box);
				for (boolean direct : new boolean[] { true, false }) {
					ByteBuffer got = direct ? ByteBuffer.allocateDirect(expected.length + 12) : ByteBuffer.allocate(expected.length + 12);
					for (int i = 0; i < got.capacity(); i++) {
						got.put(i, GARBAGE);
					}
					got.order(ByteOrder.BIG_ENDIAN).position(5);
					s.readInto(start, count, got);
					assertEquals(5 + expected.length, got.position(), box);
					byte[] a = new byte[expected.length];
					got.get(5, a);
					assertArrayEquals(expected, a, "readInto " + (direct ? "direct " : "heap ") + box);
					assertEquals(GARBAGE, got.get(5 + expected.length), "readInto wrote past the box " + box);
				}
			}
		}
	}

	private static byte[] extract(byte[] ref, long[] shape, int item, long[] start, int[] count) {
		byte[] out = new byte[(int) (Shapes.size(count) * item)];
		int[] at = { 0 };
		forEachElement(count, (pos, ignored) -> {
			System.arraycopy(ref, (int) (ravel(pos, shape) * item), out, at[0], item);
			at[0] += item;
		}, start);
		return out;
	}

	private static void zeroBox(byte[] ref, long[] shape, int item, long[] origin, int[] chunk) {
		forEachElement(clip(origin, chunk, shape), (pos, ignored) -> Arrays.fill(ref, (int) (ravel(pos, shape) * item),
				(int) (ravel(pos, shape) * item) + item, (byte) 0), origin);
	}

	private static int[] clip(long[] origin, int[] chunk, long[] shape) {
		int[] n = new int[chunk.length];
		for (int i = 0; i < n.length; i++) {
			n[i] = (int) Math.min(chunk[i], shape[i] - origin[i]);
		}
		return n;
	}

	private interface ElementVisitor {
		void visit(long[] position, long index);
	}

	/** Visits the positions start + [0, count) in C order. */
	private static void forEachElement(int[] count, ElementVisitor v, long[] start) {
		long n = Shapes.size(count);
		long[] pos = start.clone();
		for (long k = 0; k < n; k++) {
			v.visit(pos, k);
			for (int i = pos.length - 1; i >= 0; i--) {
				if (++pos[i] < start[i] + count[i]) {
					break;
				}
				pos[i] = start[i];
			}
		}
	}

	private static long[] unravel(long k, long[] shape) {
		long[] idx = new long[shape.length];
		for (int i = shape.length - 1; i >= 0; i--) {
			idx[i] = k % shape[i];
			k /= shape[i];
		}
		return idx;
	}

	private static long ravel(long[] pos, long[] shape) {
		long at = 0;
		for (int i = 0; i < shape.length; i++) {
			at = at * shape[i] + pos[i];
		}
		return at;
	}
}
