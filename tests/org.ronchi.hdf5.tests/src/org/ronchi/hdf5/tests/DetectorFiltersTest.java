package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.hdf5.Hdf5Exception;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * The detector filters Ronchi decodes itself, bitshuffle (32008, with and without LZ4) and LZ4 (32004),
 * on files h5py writes with Debian's {@code hdf5-filter-plugin}: every dataset {@code /f/NAME} has an
 * uncompressed twin {@code /ref/NAME} h5py wrote from the same array, and Ronchi must read both alike.
 * Frame sizes and block sizes are chosen so that chunks end inside a bitshuffle block (where jhdf 0.13
 * is wrong), with u8/u16/u32/float32/float64 elements and 16-byte complex ones.
 */
class DetectorFiltersTest {

	/** Writes the datasets; prints one line per dataset: name, filter id, stored chunk bytes of chunk 0. */
	private static final String WRITE = """
			import h5py, numpy as np, sys
			rng = np.random.default_rng(11)
			def frames(dtype, shape):
			    if np.dtype(dtype).kind == 'f':
			        return rng.normal(0, 1000, shape).astype(dtype)
			    if np.dtype(dtype).kind == 'c':
			        return (rng.normal(0, 1000, shape) + 1j * rng.poisson(2, shape)).astype(dtype)
			    hi = min(np.iinfo(dtype).max, 70000)
			    a = rng.poisson(3, shape).astype(np.int64)
			    a[..., ::7, ::5] = rng.integers(0, hi, a[..., ::7, ::5].shape)  # some large counts: every byte used
			    return a.astype(dtype)
			cases = [
			    # name, dtype, frames shape, chunk, compression, opts
			    ('u8_97x131_bslz4', 'u1', (3, 97, 131), (1, 97, 131), 32008, (0, 2)),
			    ('u16_97x131_bslz4', 'u2', (3, 97, 131), (1, 97, 131), 32008, (0, 2)),
			    ('u32_97x131_bslz4', 'u4', (3, 97, 131), (1, 97, 131), 32008, (0, 2)),
			    ('f32_97x131_bslz4', 'f4', (3, 97, 131), (1, 97, 131), 32008, (0, 2)),
			    ('u8_96x128_bslz4', 'u1', (2, 96, 128), (1, 96, 128), 32008, (0, 2)),
			    ('f64_33x45_bslz4', 'f8', (2, 33, 45), (1, 33, 45), 32008, (0, 2)),
			    ('c128_33x45_bslz4', 'c16', (2, 33, 45), (1, 33, 45), 32008, (0, 2)),  # 16-byte elements
			    ('u16_block64_bslz4', 'u2', (2, 33, 45), (1, 33, 45), 32008, (64, 2)),
			    ('u32_block8_bslz4', 'u4', (2, 5, 7), (1, 5, 7), 32008, (8, 2)),
			    ('u16_tiny_bslz4', 'u2', (3, 2, 3), (1, 2, 3), 32008, (0, 2)),
			    ('u32_2x2chunks_bslz4', 'u4', (4, 50, 61), (2, 25, 61), 32008, (0, 2)),
			    ('u16_97x131_bitshuffle', 'u2', (2, 97, 131), (1, 97, 131), 32008, (0, 0)),
			    ('u32_block16_bitshuffle', 'u4', (2, 9, 11), (1, 9, 11), 32008, (16, 0)),
			    ('u16_97x131_lz4', 'u2', (3, 97, 131), (1, 97, 131), 32004, None),
			    ('u32_lz4_small_blocks', 'u4', (2, 97, 131), (1, 97, 131), 32004, (1000,)),
			    ('u8_lz4_random', 'u1', (2, 64, 64), (1, 64, 64), 32004, None),
			]
			with h5py.File(sys.argv[1], 'w') as f:
			    for name, dtype, shape, chunk, comp, opts in cases:
			        a = frames(dtype, shape)
			        if name == 'u8_lz4_random':
			            a = rng.integers(0, 256, shape).astype('u1')  # incompressible: blocks stored plain
			        f.create_dataset('ref/' + name, data=a)
			        d = f.create_dataset('f/' + name, data=a, chunks=chunk, compression=comp, compression_opts=opts)
			        print(name, comp, d.id.get_chunk_info(0).size, sep='\\t')
			""";

	private static Path file;
	private static List<String[]> cases;

	@BeforeAll
	static void write() {
		Python.assumeModules("h5py", "numpy");
		Python.Result r = Python.run("import h5py, sys; sys.exit(0 if h5py.h5z.filter_avail(32008) and h5py.h5z.filter_avail(32004) else 1)");
		org.junit.jupiter.api.Assumptions.assumeTrue(r.exit() == 0, "h5py lacks the bitshuffle/LZ4 plugins (Debian's hdf5-filter-plugin)");
		file = TestData.tempDir("detector-filters").resolve("filters.h5");
		cases = new ArrayList<>();
		for (String line : Python.check(WRITE, file.toString()).split("\n")) {
			cases.add(line.split("\t"));
		}
	}

	@Test
	void everyCaseReadsAsH5pyWroteIt() {
		try (Hdf5File f = Hdf5File.open(file)) {
			for (String[] c : cases) {
				ArrayNode got = f.array("/f/" + c[0]);
				ArrayNode ref = f.array("/ref/" + c[0]);
				assertEquals(Shapes.format(ref.shape()), Shapes.format(got.shape()), c[0]);
				assertEquals(ref.dtype(), got.dtype(), c[0]);
				assertArrayEquals(bytes(ref), bytes(got), c[0] + " (filter " + c[1] + ")");
			}
		}
		assertEquals(16, cases.size());
	}

	@Test
	void randomBoxesOfBitshuffledDataMatchTheDecodedWhole() {
		try (Hdf5File f = Hdf5File.open(file)) {
			ReadIntoTest.check(f.array("/f/u16_97x131_bslz4").source(), 5);
			ReadIntoTest.check(f.array("/f/u32_2x2chunks_bslz4").source(), 6);
			ReadIntoTest.check(f.array("/f/u32_lz4_small_blocks").source(), 7);
		}
	}

	/** A chunk whose header claims more than the dataset's chunk holds is refused before anything is allocated. */
	@Test
	void chunkClaimingMoreThanItsShapeIsATypedError() throws IOException {
		for (String name : List.of("u16_97x131_bslz4", "u16_97x131_lz4")) {
			Path bad = TestData.tempDir("detector-filters").resolve("claims-" + name + ".h5");
			Files.copy(file, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			long at = chunkAddress(name);
			try (FileChannel ch = FileChannel.open(bad, StandardOpenOption.WRITE)) {
				ByteBuffer claim = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(0, 1L << 40);
				ch.write(claim, at);
			}
			try (Hdf5File f = Hdf5File.open(bad)) {
				ArrayNode a = f.array("/f/" + name);
				Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> a.source().read(new long[3], new int[] { 1, 97, 131 }));
				assertTrue(e.getMessage().contains("claims 1099511627776 bytes"), e.getMessage());
				assertTrue(e.getMessage().contains("/f/" + name), e.getMessage());
				assertTrue(e.getMessage().contains(bad.getFileName().toString()), e.getMessage());
			}
		}
	}

	/** LZ4 data that decodes past its block (a length field made larger) is a typed error naming the chunk. */
	@Test
	void blockThatInflatesPastItsSizeIsATypedError() throws IOException {
		String name = "u32_97x131_bslz4";
		Path bad = TestData.tempDir("detector-filters").resolve("inflates-" + name + ".h5");
		Files.copy(file, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		long at = chunkAddress(name);
		try (FileChannel ch = FileChannel.open(bad, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			// the first LZ4 block starts with a token whose high nibble is the literal count: claim 15+255
			// literals more than the block holds, so decoding runs past the block's 8 KiB
			ByteBuffer b = ByteBuffer.allocate(2);
			ch.read(b, at + 16);
			b.put(0, (byte) 0xF0).put(1, (byte) 0xFF);
			ch.write(b.rewind(), at + 16);
		}
		try (Hdf5File f = Hdf5File.open(bad)) {
			ArrayNode a = f.array("/f/" + name);
			Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> a.source().read(new long[3], new int[] { 1, 97, 131 }));
			assertTrue(e.getMessage().contains("chunk at [0, 0, 0]"), e.getMessage());
			assertTrue(e.getMessage().contains("LZ4 block at byte 12"), e.getMessage());
		}
	}

	private static long chunkAddress(String name) {
		return Long.parseLong(Python.check("""
				import h5py, sys
				with h5py.File(sys.argv[1], 'r') as f:
				    print(f['f/' + sys.argv[2]].id.get_chunk_info(0).byte_offset)
				""", file.toString(), name));
	}

	private static byte[] bytes(ArrayNode a) {
		int n = (int) (Shapes.size(a.shape()) * a.dtype().itemSize());
		ByteBuffer b = ByteBuffer.allocate(n);
		a.source().readInto(new long[a.shape().length], Shapes.toInt(a.shape()), b);
		return b.array();
	}
}
