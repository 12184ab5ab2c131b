package org.ronchi.io.tiff.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.ronchi.io.tiff.TiffException;

/**
 * The open file: positional reads only (so concurrent slices need no lock), every read checked against the
 * file length before anything is allocated, so a forged offset or count becomes a {@link TiffException}
 * naming the structure, never an OutOfMemoryError.
 */
public final class TiffChannel implements AutoCloseable {
	private final Path path;
	private final FileChannel channel;
	private final long size;
	private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

	private TiffChannel(Path path, FileChannel channel, long size) {
		this.path = path;
		this.channel = channel;
		this.size = size;
	}

	/** Opens the file read-only. */
	public static TiffChannel open(Path path) {
		try {
			FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
			return new TiffChannel(path, ch, ch.size());
		} catch (IOException e) {
			throw new TiffException(path, null, "cannot be opened: " + e.getMessage(), e);
		}
	}

	public Path path() {
		return path;
	}

	public long size() {
		return size;
	}

	public ByteOrder order() {
		return order;
	}

	void order(ByteOrder o) {
		this.order = o;
	}

	/** @return true if [offset, offset + length) lies inside the file */
	public boolean contains(long offset, long length) {
		return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
	}

	/**
	 * Reads {@code length} bytes at {@code offset} into a new buffer in the file's byte order.
	 *
	 * @param structure what is being read, for the error message ("IFD", "strip 3")
	 */
	public ByteBuffer read(long offset, long length, String structure) {
		if (!contains(offset, length)) {
			throw TiffException.at(path, structure, offset, length + " bytes needed but the file ends at byte " + size);
		}
		if (length > Integer.MAX_VALUE - 16) {
			throw TiffException.at(path, structure, offset, "unsupported: a single read of " + length + " bytes");
		}
		ByteBuffer buf = ByteBuffer.allocate((int) length).order(order);
		readFully(buf, offset, structure);
		buf.flip();
		return buf;
	}

	/** Fills {@code dst} from {@code offset} (bounds must have been checked by the caller). */
	public void readFully(ByteBuffer dst, long offset, String structure) {
		try {
			long pos = offset;
			while (dst.hasRemaining()) {
				int n = channel.read(dst, pos);
				if (n < 0) {
					throw TiffException.at(path, structure, pos, "unexpected end of file");
				}
				pos += n;
			}
		} catch (IOException e) {
			throw TiffException.at(path, structure, offset, "read failed: " + e.getMessage());
		}
	}

	@Override
	public void close() {
		try {
			channel.close();
		} catch (IOException e) {
			// read-only channel: nothing to flush, nothing to recover
		}
	}
}
