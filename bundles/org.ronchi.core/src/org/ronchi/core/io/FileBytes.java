package org.ronchi.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;


/**
 * A file opened read-only for positional reads. Every read names the structure it is for, so that a
 * truncated or forged file fails with "file: structure at 0x…: problem" and never with an
 * {@link java.nio.BufferUnderflowException}. Positional reads on a {@link FileChannel} are safe from
 * several threads at once, which {@link org.ronchi.core.lazy.ArraySource} requires.
 */
public final class FileBytes implements AutoCloseable {
	private final Path path;
	private final FileChannel channel;
	private final long size;

	private FileBytes(Path path, FileChannel channel, long size) {
		this.path = path;
		this.channel = channel;
		this.size = size;
	}

	public static FileBytes open(Path path) {
		try {
			FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
			return new FileBytes(path, ch, ch.size());
		} catch (IOException e) {
			throw new RonchiException(path, null, "cannot be opened: " + e.getMessage(), e);
		}
	}

	public Path path() {
		return path;
	}

	public long size() {
		return size;
	}

	/** @return true if {@code [offset, offset + length)} lies inside the file */
	public boolean contains(long offset, long length) {
		return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
	}

	/**
	 * Reads exactly {@code length} bytes at {@code offset} into a little-endian buffer.
	 *
	 * @throws FormatException if the range is not inside the file
	 */
	public ByteBuffer read(String structure, long offset, int length) {
		if (!contains(offset, length)) {
			throw FormatException.at(path, structure, offset,
					"needs " + length + " bytes but the file ends at byte " + size + " (truncated or corrupt)");
		}
		ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		try {
			while (buf.hasRemaining()) {
				int n = channel.read(buf, offset + buf.position());
				if (n < 0) {
					throw FormatException.at(path, structure, offset, "file ended while reading " + length + " bytes");
				}
			}
		} catch (IOException e) {
			throw new RonchiException(path, structure + " at 0x" + Long.toHexString(offset), "cannot be read: " + e.getMessage(), e);
		}
		return buf.flip();
	}

	@Override
	public void close() {
		try {
			channel.close();
		} catch (IOException e) {
			// read-only channel: nothing was written that could be lost
		}
	}
}
