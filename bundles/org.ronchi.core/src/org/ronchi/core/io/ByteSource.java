package org.ronchi.core.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Bytes that can be read at any position, from several threads at once: an opened file
 * ({@link FileBytes}), files read as one ({@link #concat}), or memory ({@link #of}). What the
 * {@link org.ronchi.core.lazy.Layout} run reader reads from. A read names the structure it is for, so
 * that a truncated file fails as "file: structure at 0x…: problem", typed as the error root of the
 * bundle that opened the source.
 */
public interface ByteSource {

	/** @return the file these bytes are (the first one, for several files), for messages */
	Path path();

	/** @return the number of bytes */
	long size();

	/**
	 * Fills dst's remaining bytes with the bytes at {@code [position, position + dst.remaining())},
	 * advancing dst's position.
	 *
	 * @param structure what is read, for messages ("SER data element 3", "frame 12")
	 * @throws FormatException if the range is not inside the source (before anything is read)
	 * @throws RonchiException if reading fails
	 */
	void readFully(String structure, long position, ByteBuffer dst);

	/** @return true if {@code [position, position + length)} lies inside */
	default boolean contains(long position, long length) {
		return position >= 0 && length >= 0 && position <= size() && length <= size() - position;
	}

	/**
	 * @return the sources read one after the other as one: position 0 of each follows the last byte of
	 *         the one before (frames of an acquisition split over several files)
	 */
	static ByteSource concat(List<? extends ByteSource> parts) {
		return new ConcatBytes(parts);
	}

	/** @return the bytes from buffer's position to its limit (not copied; never changed) */
	static ByteSource of(Path name, ByteBuffer buffer) {
		return new MemoryBytes(name, buffer);
	}
}
