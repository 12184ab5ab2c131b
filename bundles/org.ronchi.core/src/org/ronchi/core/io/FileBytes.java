package org.ronchi.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened read-only for positional reads. Every read names the structure it is for, so that a
 * truncated or forged file fails with "file: structure at 0x…: problem" and never with an
 * {@link java.nio.BufferUnderflowException}; the error is of the type the opening bundle chose
 * ({@link Errors}: its own exception root), {@link FormatException} by default. Positional reads on a
 * {@link FileChannel} are safe from several threads at once, which {@link org.ronchi.core.lazy.ArraySource}
 * requires.
 */
public final class FileBytes implements ByteSource, AutoCloseable {
	/** Makes the format error of a bundle: a constructor reference such as {@code TiffException::new}. */
	@FunctionalInterface
	public interface Errors {
		FormatException create(Path file, String where, String problem, Throwable cause);
	}

	private final Path path;
	private final FileChannel channel;
	private final long size;
	private final Errors errors;

	private FileBytes(Path path, FileChannel channel, long size, Errors errors) {
		this.path = path;
		this.channel = channel;
		this.size = size;
		this.errors = errors;
	}

	/** Opens a file; errors in its content are {@link FormatException}s. */
	public static FileBytes open(Path path) {
		return open(path, FormatException::new);
	}

	/** Opens a file; errors in its content are made by errors (the bundle's exception root). */
	public static FileBytes open(Path path, Errors errors) {
		try {
			FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
			return new FileBytes(path, ch, ch.size(), errors);
		} catch (IOException e) {
			throw new RonchiException(path, null, "cannot be opened: " + e.getMessage(), e);
		}
	}

	/**
	 * Positional reads on a channel opened elsewhere (closing this closes it): a reader that parses
	 * structures through its own channel reads its arrays through this.
	 */
	public static FileBytes of(Path path, FileChannel channel, Errors errors) {
		try {
			return new FileBytes(path, channel, channel.size(), errors);
		} catch (IOException e) {
			throw new RonchiException(path, null, "cannot be read: " + e.getMessage(), e);
		}
	}

	@Override
	public Path path() {
		return path;
	}

	@Override
	public long size() {
		return size;
	}

	/** @return an error of this file's bundle for a structure at a byte offset */
	private FormatException error(String structure, long offset, String problem) {
		return errors.create(path, structure + " at 0x" + Long.toHexString(offset), problem, null);
	}

	/**
	 * Reads exactly {@code length} bytes at {@code offset} into a new little-endian buffer.
	 *
	 * @throws FormatException if the range is not inside the file, or is too long for one buffer
	 */
	public ByteBuffer read(String structure, long offset, long length) {
		check(structure, offset, length);
		if (length > Integer.MAX_VALUE - 16) {
			throw error(structure, offset, "unsupported: a single read of " + length + " bytes");
		}
		ByteBuffer buf = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
		fill(structure, offset, buf);
		return buf.flip();
	}

	@Override
	public void readFully(String structure, long position, ByteBuffer dst) {
		check(structure, position, dst.remaining());
		fill(structure, position, dst);
	}

	private void check(String structure, long offset, long length) {
		if (!contains(offset, length)) {
			throw error(structure, offset, "needs " + length + " bytes but the file ends at byte " + size + " (truncated or corrupt)");
		}
	}

	private void fill(String structure, long offset, ByteBuffer dst) {
		long at = offset - dst.position();
		try {
			while (dst.hasRemaining()) {
				if (channel.read(dst, at + dst.position()) < 0) {
					throw error(structure, offset, "file ended while reading (it shrank after opening?)");
				}
			}
		} catch (ClosedChannelException e) {
			throw new RonchiException(path, null, "the file was closed; reopen it to read its data", e);
		} catch (IOException e) {
			throw new RonchiException(path, structure + " at 0x" + Long.toHexString(offset), "cannot be read: " + e.getMessage(), e);
		}
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
