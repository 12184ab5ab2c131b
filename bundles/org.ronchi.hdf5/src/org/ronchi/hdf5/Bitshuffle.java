package org.ronchi.hdf5;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A chunk written by the bitshuffle filter, HDF5 filter 32008 (K. Masui's bitshuffle, what Dectris
 * EIGER/Arina detectors write): the elements are cut into blocks, and each block is stored bit-transposed
 * — all bits 0 of byte 0 of its elements, then all bits 1, ... — and, with LZ4, compressed block by
 * block. Filter parameters {@code (major, minor, element size, block size in elements, compression)}
 * with compression 0 (none), 2 (LZ4) or 3 (zstd, not read here).
 * <p>
 * With LZ4 a chunk is an 8-byte big-endian total size in bytes and a 4-byte big-endian block size in bytes
 * (0: the default block), then per block a 4-byte big-endian compressed length and an LZ4 block. After
 * the whole blocks comes one shorter block of the largest multiple of 8 elements left, stored the same
 * way; only the last {@code n % 8} elements are plain bytes. (jhdf 0.13 copies that shorter block as
 * plain bytes, which is why Ronchi decodes this filter itself.) Without compression the same blocks
 * follow one another without header or lengths.
 * <p>
 * Decoding keeps no per-element objects: one scratch block per thread, and the bit transposition works
 * on 64-bit words (an 8 x 8 bit-matrix transpose per 8 elements and byte plane). Groups of 8 elements
 * whose byte plane is all zero — most of the high bytes of counting-detector frames — are skipped.
 */
final class Bitshuffle {
	static final int FILTER_ID = 32008;
	private static final int NONE = 0;
	private static final int LZ4 = 2;
	private static final int ZSTD = 3;
	/** bitshuffle's default block: 8 KiB worth of elements, a multiple of 8, at least 128 ("bshuf_default_block_size"). */
	private static final int TARGET_BLOCK_BYTES = 8192;
	private static final int MIN_BLOCK = 128;
	private static final int HEADER = 12;
	private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final ThreadLocal<byte[]> BLOCK = new ThreadLocal<>();

	private final int elementSize;
	private final int blockElements;
	private final boolean lz4;

	private Bitshuffle(int elementSize, int blockElements, boolean lz4) {
		this.elementSize = elementSize;
		this.blockElements = blockElements;
		this.lz4 = lz4;
	}

	/**
	 * @param params the filter's client data as stored in the file, {@code (major, minor, element size,
	 *               block size, compression)}
	 * @param elementSize the dataset's element size, used when the parameters omit it
	 * @throws ChunkFormatException for parameters this filter cannot decode
	 */
	static Bitshuffle of(int[] params, int elementSize) {
		int size = params != null && params.length > 2 ? params[2] : elementSize;
		int block = params != null && params.length > 3 ? params[3] : 0;
		int compression = params != null && params.length > 4 ? params[4] : NONE;
		if (size <= 0 || size > 1 << 16) {
			throw new ChunkFormatException("bitshuffle element size " + size + " is out of range");
		}
		if (compression == ZSTD) {
			throw new ChunkFormatException("bitshuffle with zstd compression is not supported (only LZ4 or none)");
		}
		if (compression != NONE && compression != LZ4) {
			throw new ChunkFormatException("unsupported bitshuffle compression: " + compression);
		}
		return new Bitshuffle(size, checkedBlock(block, size), compression == LZ4);
	}

	/** @return the block size in elements: the default for 0, else checked to be a positive multiple of 8 */
	private static int checkedBlock(long block, int elementSize) {
		if (block == 0) {
			return Math.max(TARGET_BLOCK_BYTES / elementSize / 8 * 8, MIN_BLOCK);
		}
		if (block < 0 || block % 8 != 0 || block > Integer.MAX_VALUE) {
			throw new ChunkFormatException("bitshuffle block of " + block + " elements is not a positive multiple of 8");
		}
		return (int) block;
	}

	/** @return whether chunks are LZ4-compressed (their stored size then bounds what they can hold) */
	boolean compressed() {
		return lz4;
	}

	/**
	 * Decodes one chunk.
	 *
	 * @param in     the stored chunk, from its position to its limit (not moved)
	 * @param out    receives the chunk's {@code bytes} bytes at {@code off}
	 * @throws ChunkFormatException if the stored chunk does not decode to exactly that many bytes
	 */
	void decode(ByteBuffer in, byte[] out, int off, int bytes) {
		if (bytes % elementSize != 0) {
			throw new ChunkFormatException("a chunk of " + bytes + " bytes is not a whole number of " + elementSize + "-byte elements");
		}
		ByteBuffer src = in.slice().order(ByteOrder.BIG_ENDIAN);
		int pos = 0;
		int block = blockElements;
		if (lz4) {
			if (src.remaining() < HEADER) {
				throw new ChunkFormatException("bitshuffle chunk of " + src.remaining() + " bytes is shorter than its 12-byte header");
			}
			long total = src.getLong(0);
			if (total != bytes) {
				throw new ChunkFormatException("bitshuffle header claims " + Long.toUnsignedString(total)
						+ " bytes, the dataset's chunk holds " + bytes);
			}
			long blockBytes = Integer.toUnsignedLong(src.getInt(8));
			if (blockBytes % elementSize != 0) {
				throw new ChunkFormatException("bitshuffle block of " + blockBytes + " bytes is not a whole number of elements");
			}
			block = checkedBlock(blockBytes / elementSize, elementSize);
			pos = HEADER;
		}
		int n = bytes / elementSize;
		int whole = n / block;
		int last = n % block & ~7;
		int blockBytes = Math.min(block, n) * elementSize;
		byte[] scratch = lz4 ? scratch(blockBytes) : null;
		for (int b = 0; b <= whole; b++) {
			int count = b < whole ? block : last;
			if (count == 0) {
				continue;
			}
			int size = count * elementSize;
			if (lz4) {
				pos = Lz4Filter.block(src, pos, scratch, 0, size, false);
				untranspose(scratch, 0, out, off, count, elementSize);
			} else {
				require(src, pos, size, "bitshuffled block");
				untranspose(src, pos, out, off, count, elementSize);
				pos += size;
			}
			off += size;
		}
		int rest = n % 8 * elementSize; // the last n % 8 elements are stored as they are
		require(src, pos, rest, "last " + n % 8 + " elements");
		src.get(pos, out, off, rest);
	}

	private static void require(ByteBuffer src, int pos, int size, String what) {
		if (size > src.limit() - pos) {
			throw new ChunkFormatException("chunk ends at byte " + src.limit() + ", inside its " + what + " (" + size
					+ " bytes from byte " + pos + ")");
		}
	}

	private static byte[] scratch(int size) {
		byte[] b = BLOCK.get();
		if (b == null || b.length < size) {
			b = new byte[size];
			BLOCK.set(b);
		}
		return b;
	}

	/** Untransposes an uncompressed block straight from the stored buffer (copied first if it is not on the heap). */
	private static void untranspose(ByteBuffer src, int pos, byte[] out, int off, int count, int elementSize) {
		int size = count * elementSize;
		if (src.hasArray()) {
			untranspose(src.array(), src.arrayOffset() + pos, out, off, count, elementSize);
		} else {
			byte[] tmp = scratch(size);
			src.get(pos, tmp, 0, size);
			untranspose(tmp, 0, out, off, count, elementSize);
		}
	}

	/**
	 * Undoes the bit transposition of one block of {@code count} elements ({@code count % 8 == 0}): bit m of
	 * byte {@code (8 j + k) * count / 8 + g} of the block is bit k of byte j of element {@code 8 g + m}.
	 */
	static void untranspose(byte[] in, int inOff, byte[] out, int outOff, int count, int elementSize) {
		int row = count >>> 3; // bytes per bit row: one bit of one byte plane of every element
		if (elementSize == 1) {
			for (int g = 0; g < row; g++) {
				LONG_LE.set(out, outOff + 8 * g, transpose8(gather(in, inOff + g, row)));
			}
			return;
		}
		Arrays.fill(out, outOff, outOff + count * elementSize, (byte) 0);
		for (int j = 0; j < elementSize; j++) {
			int plane = inOff + 8 * j * row;
			for (int g = 0; g < row; g++) {
				long x = gather(in, plane + g, row);
				if (x == 0) {
					continue; // these 8 elements have byte j zero, as the output already has
				}
				x = transpose8(x);
				int o = outOff + 8 * g * elementSize + j;
				for (int m = 0; m < 8; m++, o += elementSize) {
					out[o] = (byte) (x >>> 8 * m);
				}
			}
		}
	}

	/** @return the 8 bytes at {@code at + k * row}, k = 0..7, as one word (byte k of it from row k) */
	private static long gather(byte[] in, int at, int row) {
		return in[at] & 0xFFL | (in[at + row] & 0xFFL) << 8 | (in[at + 2 * row] & 0xFFL) << 16 | (in[at + 3 * row] & 0xFFL) << 24
				| (in[at + 4 * row] & 0xFFL) << 32 | (in[at + 5 * row] & 0xFFL) << 40 | (in[at + 6 * row] & 0xFFL) << 48
				| (in[at + 7 * row] & 0xFFL) << 56;
	}

	/** Transposes the 8 x 8 bit matrix held in a word (bit c of byte r to bit r of byte c; Hacker's Delight 7-3). */
	static long transpose8(long x) {
		long t = (x ^ x >>> 7) & 0x00AA00AA00AA00AAL;
		x ^= t ^ t << 7;
		t = (x ^ x >>> 14) & 0x0000CCCC0000CCCCL;
		x ^= t ^ t << 14;
		t = (x ^ x >>> 28) & 0x00000000F0F0F0F0L;
		return x ^ t ^ t << 28;
	}
}
