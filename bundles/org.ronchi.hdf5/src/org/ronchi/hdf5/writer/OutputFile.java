package org.ronchi.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file being written: a temporary file next to the target, renamed onto it atomically by
 * {@link #commit()}, deleted by {@link #discard()}. Space is handed out append-only; only the
 * reservation takes the lock, the positional writes themselves run concurrently.
 */
final class OutputFile {
	private final Path target;
	private final Path temp;
	private final boolean replace;
	private final FileChannel channel;
	private long end;

	OutputFile(Path target, boolean replace, long reserved) throws IOException {
		this.target = target.toAbsolutePath();
		this.replace = replace;
		if (!replace && Files.exists(this.target)) {
			throw new FileAlreadyExistsException(this.target.toString());
		}
		this.temp = createTemp(this.target);
		this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
		this.end = reserved;
	}

	/**
	 * Creates ".name.random.tmp" in the target's directory, so the final rename cannot cross file
	 * systems. Not Files.createTempFile: its mode 0600 would be kept by the published file.
	 */
	private static Path createTemp(Path target) throws IOException {
		for (int attempt = 0;; attempt++) {
			String random = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
			try {
				return Files.createFile(target.resolveSibling("." + target.getFileName() + "." + random + ".tmp"));
			} catch (FileAlreadyExistsException e) {
				if (attempt == 10) {
					throw e;
				}
			}
		}
	}

	Path target() {
		return target;
	}

	/** Reserves n bytes at the end of the file; their content is written later (or stays zero). */
	synchronized long reserve(long n) {
		long at = end;
		end += n;
		return at;
	}

	/** Pads the end to a multiple of 8 and returns it: where the next metadata block goes. */
	synchronized long alignEnd() {
		end = Block.align8(end);
		return end;
	}

	/** Appends data (from its position to its limit) and returns its address. */
	long append(ByteBuffer data) throws IOException {
		long at = reserve(data.remaining());
		writeAt(at, data);
		return at;
	}

	/** Writes data at an absolute position; safe to call from several threads at once. */
	void writeAt(long position, ByteBuffer data) throws IOException {
		long p = position;
		while (data.hasRemaining()) {
			p += channel.write(data, p);
		}
	}

	/** Flushes to disk, then renames onto the target, so the target never holds a partial file. */
	void commit(long length) throws IOException {
		if (channel.size() < length) {
			// libhdf5 rejects a file shorter than the end address in its superblock
			writeAt(length - 1, ByteBuffer.allocate(1));
		}
		channel.force(true);
		channel.close();
		if (!replace && Files.exists(target)) {
			throw new FileAlreadyExistsException(target.toString());
		}
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Closes and deletes the temporary file; never throws. */
	void discard() {
		try {
			channel.close();
		} catch (IOException e) {
			// nothing to save: the file is deleted next
		}
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			// best effort; the name starts with '.' and ends with .tmp so it is recognisable
		}
	}
}
