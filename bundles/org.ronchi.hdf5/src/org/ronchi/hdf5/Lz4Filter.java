package org.ronchi.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * A chunk written by the HDF5 LZ4 filter, filter 32004 (HDF Group's registered filter, {@code H5Zlz4.c}):
 * an 8-byte big-endian total size in bytes and a 4-byte big-endian block size in bytes (1 GiB by default,
 * so usually one block), then per block a 4-byte big-endian stored length and the block: an LZ4 block,
 * or the plain bytes when the stored length equals the block's size (LZ4 did not make it smaller).
 * Also where LZ4 blocks are decoded for {@link Bitshuffle}: with lz4-java's safe decompressor (native
 * where the library loads, else pure Java), which never writes past the expected size.
 */
final class Lz4Filter {
	static final int FILTER_ID = 32004;
	/**
	 * LZ4 stores a run of n repeated bytes in about n / 255 bytes: a chunk whose stored size would need a
	 * higher ratio to hold the dataset's chunk shape is forged, and refused before anything is allocated.
	 */
	static final long MAX_RATIO = 256;
	private static final int HEADER = 12;
	private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

	private Lz4Filter() {
	}

	/**
	 * Decodes one chunk.
	 *
	 * @param in  the stored chunk, from its position to its limit (not moved)
	 * @param out receives the chunk's {@code bytes} bytes at {@code off}
	 * @throws ChunkFormatException if the stored chunk does not decode to exactly that many bytes
	 */
	static void decode(ByteBuffer in, byte[] out, int off, int bytes) {
		ByteBuffer src = in.slice().order(ByteOrder.BIG_ENDIAN);
		if (src.remaining() < HEADER) {
			throw new ChunkFormatException("LZ4 chunk of " + src.remaining() + " bytes is shorter than its 12-byte header");
		}
		long total = src.getLong(0);
		if (total != bytes) {
			throw new ChunkFormatException("LZ4 header claims " + Long.toUnsignedString(total) + " bytes, the dataset's chunk holds " + bytes);
		}
		long block = Integer.toUnsignedLong(src.getInt(8));
		if (block == 0) {
			throw new ChunkFormatException("LZ4 header gives a block size of 0");
		}
		int pos = HEADER;
		for (int done = 0; done < bytes;) {
			int size = (int) Math.min(block, bytes - done);
			pos = block(src, pos, out, off + done, size, true);
			done += size;
		}
	}

	/**
	 * Decodes the block at pos (a 4-byte big-endian stored length, then the block) into exactly size bytes
	 * of out at off.
	 *
	 * @param plainIfSameSize whether a block stored with its own size is plain bytes (the LZ4 filter's
	 *                        rule; bitshuffle always compresses)
	 * @return the position after the block
	 */
	static int block(ByteBuffer src, int pos, byte[] out, int off, int size, boolean plainIfSameSize) {
		if (src.limit() - pos < 4) {
			throw new ChunkFormatException("chunk ends at byte " + src.limit() + ", before the length of the block at byte " + pos);
		}
		long stored = Integer.toUnsignedLong(src.getInt(pos));
		pos += 4;
		if (stored > src.limit() - pos) {
			throw new ChunkFormatException("LZ4 block at byte " + (pos - 4) + " claims " + stored + " bytes, the chunk has "
					+ (src.limit() - pos) + " left");
		}
		int len = (int) stored;
		if (plainIfSameSize && len == size) {
			src.get(pos, out, off, size);
			return pos + len;
		}
		int got;
		try {
			got = src.hasArray() ? LZ4.decompress(src.array(), src.arrayOffset() + pos, len, out, off, size)
					: LZ4.decompress(src, pos, len, ByteBuffer.wrap(out), off, size);
		} catch (LZ4Exception e) {
			throw new ChunkFormatException("LZ4 block at byte " + (pos - 4) + " is corrupt (" + e.getMessage() + ")");
		}
		if (got != size) {
			throw new ChunkFormatException("LZ4 block at byte " + (pos - 4) + " decodes to " + got + " bytes, expected " + size);
		}
		return pos + len;
	}
}
