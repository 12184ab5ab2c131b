package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

/**
 * Loads one chunk of a {@link ChunkGrid}: finds its stored bytes and decodes them (inflate, unshuffle,
 * LZW, ...). The only format-specific part of a chunked array; where a chunk is (an HDF5 B-tree, TIFF
 * offset tables) stays behind this interface, so an index built lazily changes nothing else. Called
 * from several threads at once.
 */
@FunctionalInterface
public interface ChunkLoader {

	/**
	 * @param origin the chunk's first element
	 * @param keep   true if the caller keeps the array (puts it in a cache); false lets the loader return a
	 *               scratch array of the calling thread, overwritten by its next load
	 * @return the chunk's elements in C order over the chunk's full shape, in the array's stored byte
	 *         order (an edge chunk may stop after its last element inside the array), or null if the chunk
	 *         was never written (it reads as zeros)
	 * @throws org.ronchi.core.io.RonchiException naming the file and chunk if it cannot be read
	 */
	byte[] load(long[] origin, boolean keep);

	/**
	 * Loads a whole chunk straight into target's remaining bytes (exactly one chunk), advancing its position.
	 * Loaders that can decode into a buffer (inflating into the caller's array) override this.
	 *
	 * @return false if the chunk was never written (target untouched)
	 */
	default boolean loadInto(long[] origin, ByteBuffer target) {
		byte[] b = load(origin, false);
		if (b == null) {
			return false;
		}
		target.put(b, 0, target.remaining());
		return true;
	}
}
