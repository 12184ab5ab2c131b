package org.ronchi.io.dm.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.ronchi.io.dm.DmFormatException;

/**
 * Sequential big-endian reads of a DM file's tag structures through a window over positional channel
 * reads. Every read is checked against the file length first, so a forged count or size fails here
 * with the offset it was found at, before anything is allocated for it.
 */
final class DmInput {
	private static final int WINDOW = 64 * 1024;

	private final Path file;
	private final FileChannel channel;
	private final long length;
	private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
	private long windowStart;
	private int windowFill;
	private long pos;

	DmInput(Path file, FileChannel channel, long length) {
		this.file = file;
		this.channel = channel;
		this.length = length;
	}

	Path file() {
		return file;
	}

	long position() {
		return pos;
	}

	long remaining() {
		return length - pos;
	}

	/** Fails unless n more bytes exist after the current position. */
	void require(long n, String structure) {
		if (n < 0 || n > length - pos) {
			throw DmFormatException.at(file, structure, pos, "needs " + n + " bytes but only " + (length - pos)
					+ " remain in the " + length + "-byte file (truncated or corrupt)");
		}
	}

	void skip(long n, String structure) {
		require(n, structure);
		pos += n;
	}

	int u8(String structure) {
		fill(1, structure);
		int v = window.get((int) (pos - windowStart)) & 0xff;
		pos += 1;
		return v;
	}

	int u16(String structure) {
		fill(2, structure);
		int v = window.getShort((int) (pos - windowStart)) & 0xffff;
		pos += 2;
		return v;
	}

	long u32(String structure) {
		fill(4, structure);
		long v = window.getInt((int) (pos - windowStart)) & 0xffffffffL;
		pos += 4;
		return v;
	}

	long i64(String structure) {
		fill(8, structure);
		long v = window.getLong((int) (pos - windowStart));
		pos += 8;
		return v;
	}

	/** A count or size field: 4 bytes unsigned in DM3, 8 bytes in DM4. */
	long count(boolean dm4, String structure) {
		return dm4 ? i64(structure) : u32(structure);
	}

	/** Reads n bytes (already known to be a sane size) into a new array. */
	byte[] bytes(int n, String structure) {
		require(n, structure);
		byte[] out = new byte[n];
		if (n <= WINDOW) {
			fill(n, structure);
			window.get((int) (pos - windowStart), out, 0, n);
		} else {
			ByteBuffer b = ByteBuffer.wrap(out);
			readFully(b, pos, structure);
		}
		pos += n;
		return out;
	}

	private void fill(int n, String structure) {
		require(n, structure);
		if (pos >= windowStart && pos + n <= windowStart + windowFill) {
			return;
		}
		window.clear();
		window.limit((int) Math.min(WINDOW, length - pos));
		windowStart = pos;
		readFully(window, pos, structure);
		windowFill = window.position();
	}

	private void readFully(ByteBuffer b, long at, String structure) {
		try {
			long p = at;
			while (b.hasRemaining()) {
				int r = channel.read(b, p);
				if (r < 0) {
					throw DmFormatException.at(file, structure, p, "unexpected end of file (the file shrank while being read?)");
				}
				p += r;
			}
		} catch (IOException e) {
			throw new DmFormatException(file, structure + " at 0x" + Long.toHexString(at), "cannot read: " + org.ronchi.core.io.RonchiException.describe(e), e);
		}
	}
}
