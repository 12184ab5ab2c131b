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
 * on 64-bit words (an 8 x 8 bit-matrix transpose per 8 elements and byte plane); elements of 2, 4 and 8
 * bytes are put together in a register and stored whole. Byte planes that are zero throughout a block —
 * the high bytes of a counting detector's small counts — are found with word reads and skipped.
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
	private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
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
			long[] w = new long[8];
			int g = 0;
			for (; g + 8 <= row; g += 8) {
				gather8(in, inOff + g, row, w);
				for (int i = 0; i < 8; i++) {
					LONG_LE.set(out, outOff + 8 * (g + i), transpose8(w[i]));
				}
			}
			for (; g < row; g++) {
				LONG_LE.set(out, outOff + 8 * g, transpose8(gather(in, inOff + g, row)));
			}
		} else if (elementSize == 2 || elementSize == 4 || elementSize == 8) {
			untransposeWords(in, inOff, out, outOff, row, elementSize);
		} else {
			untransposeBytes(in, inOff, out, outOff, row, elementSize);
		}
	}

	/**
	 * Elements of 2, 4 or 8 bytes, put together in a register and stored whole. Byte planes that are zero
	 * throughout the block (the high bytes of a counting detector's small counts) are found with word
	 * reads and never gathered.
	 */
	private static void untransposeWords(byte[] in, int inOff, byte[] out, int outOff, int row, int elementSize) {
		int planes = 0; // bit j: byte plane j has a bit set somewhere in the block
		for (int j = 0; j < elementSize; j++) {
			if (!zero(in, inOff + 8 * j * row, 8 * row)) {
				planes |= 1 << j;
			}
		}
		if (planes == 0) {
			Arrays.fill(out, outOff, outOff + 8 * row * elementSize, (byte) 0);
			return;
		}
		// the gathered words of 8 groups at a time, per byte plane: w[8 j + i] for group g + i
		long[] w = new long[8 * elementSize];
		for (int g = 0; g < row; g++) {
			int i = g & 7;
			if (i == 0) {
				for (int j = 0; j < elementSize; j++) {
					if ((planes & 1 << j) != 0) {
						int at = inOff + 8 * j * row + g;
						if (g + 8 <= row) {
							gather8(in, at, row, w, 8 * j);
						} else {
							for (int k = 0; g + k < row; k++) {
								w[8 * j + k] = gather(in, at + k, row);
							}
						}
					}
				}
			}
			long e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0;
			for (int j = 0; j < elementSize; j++) {
				if ((planes & 1 << j) == 0) {
					continue;
				}
				long x = w[8 * j + i];
				if (x == 0) {
					continue;
				}
				x = transpose8(x); // byte m: byte j of element 8 g + m
				int s = 8 * j;
				e0 |= (x & 0xFF) << s;
				e1 |= (x >>> 8 & 0xFF) << s;
				e2 |= (x >>> 16 & 0xFF) << s;
				e3 |= (x >>> 24 & 0xFF) << s;
				e4 |= (x >>> 32 & 0xFF) << s;
				e5 |= (x >>> 40 & 0xFF) << s;
				e6 |= (x >>> 48 & 0xFF) << s;
				e7 |= (x >>> 56) << s;
			}
			int o = outOff + 8 * g * elementSize;
			if (elementSize == 2) {
				SHORT_LE.set(out, o, (short) e0);
				SHORT_LE.set(out, o + 2, (short) e1);
				SHORT_LE.set(out, o + 4, (short) e2);
				SHORT_LE.set(out, o + 6, (short) e3);
				SHORT_LE.set(out, o + 8, (short) e4);
				SHORT_LE.set(out, o + 10, (short) e5);
				SHORT_LE.set(out, o + 12, (short) e6);
				SHORT_LE.set(out, o + 14, (short) e7);
			} else if (elementSize == 4) {
				INT_LE.set(out, o, (int) e0);
				INT_LE.set(out, o + 4, (int) e1);
				INT_LE.set(out, o + 8, (int) e2);
				INT_LE.set(out, o + 12, (int) e3);
				INT_LE.set(out, o + 16, (int) e4);
				INT_LE.set(out, o + 20, (int) e5);
				INT_LE.set(out, o + 24, (int) e6);
				INT_LE.set(out, o + 28, (int) e7);
			} else {
				LONG_LE.set(out, o, e0);
				LONG_LE.set(out, o + 8, e1);
				LONG_LE.set(out, o + 16, e2);
				LONG_LE.set(out, o + 24, e3);
				LONG_LE.set(out, o + 32, e4);
				LONG_LE.set(out, o + 40, e5);
				LONG_LE.set(out, o + 48, e6);
				LONG_LE.set(out, o + 56, e7);
			}
		}
	}

	/** Any other element size (3, 16, ... bytes): byte by byte into a zeroed output. */
	private static void untransposeBytes(byte[] in, int inOff, byte[] out, int outOff, int row, int elementSize) {
		Arrays.fill(out, outOff, outOff + 8 * row * elementSize, (byte) 0);
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

	/** @return whether the len bytes at off are all zero */
	private static boolean zero(byte[] b, int off, int len) {
		int i = 0;
		for (; i + 8 <= len; i += 8) {
			if ((long) LONG_LE.get(b, off + i) != 0) {
				return false;
			}
		}
		for (; i < len; i++) {
			if (b[off + i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static void gather8(byte[] in, int at, int row, long[] w) {
		gather8(in, at, row, w, 0);
	}

	/**
	 * {@link #gather} for 8 neighbouring groups at once: w[to + i] = gather(in, at + i, row), i = 0..7,
	 * from one word read per row and an 8 x 8 byte-matrix transpose (three rounds of swaps between word
	 * pairs) instead of 64 byte reads.
	 */
	private static void gather8(byte[] in, int at, int row, long[] w, int to) {
		long l0 = (long) LONG_LE.get(in, at);
		long l1 = (long) LONG_LE.get(in, at + row);
		long l2 = (long) LONG_LE.get(in, at + 2 * row);
		long l3 = (long) LONG_LE.get(in, at + 3 * row);
		long l4 = (long) LONG_LE.get(in, at + 4 * row);
		long l5 = (long) LONG_LE.get(in, at + 5 * row);
		long l6 = (long) LONG_LE.get(in, at + 6 * row);
		long l7 = (long) LONG_LE.get(in, at + 7 * row);
		long t;
		// bytes: swap byte i + 1 of word k with byte i of word k + 1 (k, i even)
		t = (l0 >>> 8 ^ l1) & 0x00FF00FF00FF00FFL; l1 ^= t; l0 ^= t << 8;
		t = (l2 >>> 8 ^ l3) & 0x00FF00FF00FF00FFL; l3 ^= t; l2 ^= t << 8;
		t = (l4 >>> 8 ^ l5) & 0x00FF00FF00FF00FFL; l5 ^= t; l4 ^= t << 8;
		t = (l6 >>> 8 ^ l7) & 0x00FF00FF00FF00FFL; l7 ^= t; l6 ^= t << 8;
		// byte pairs between words k and k + 2
		t = (l0 >>> 16 ^ l2) & 0x0000FFFF0000FFFFL; l2 ^= t; l0 ^= t << 16;
		t = (l1 >>> 16 ^ l3) & 0x0000FFFF0000FFFFL; l3 ^= t; l1 ^= t << 16;
		t = (l4 >>> 16 ^ l6) & 0x0000FFFF0000FFFFL; l6 ^= t; l4 ^= t << 16;
		t = (l5 >>> 16 ^ l7) & 0x0000FFFF0000FFFFL; l7 ^= t; l5 ^= t << 16;
		// byte quads between words k and k + 4
		t = (l0 >>> 32 ^ l4) & 0x00000000FFFFFFFFL; l4 ^= t; l0 ^= t << 32;
		t = (l1 >>> 32 ^ l5) & 0x00000000FFFFFFFFL; l5 ^= t; l1 ^= t << 32;
		t = (l2 >>> 32 ^ l6) & 0x00000000FFFFFFFFL; l6 ^= t; l2 ^= t << 32;
		t = (l3 >>> 32 ^ l7) & 0x00000000FFFFFFFFL; l7 ^= t; l3 ^= t << 32;
		w[to] = l0;
		w[to + 1] = l1;
		w[to + 2] = l2;
		w[to + 3] = l3;
		w[to + 4] = l4;
		w[to + 5] = l5;
		w[to + 6] = l6;
		w[to + 7] = l7;
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
