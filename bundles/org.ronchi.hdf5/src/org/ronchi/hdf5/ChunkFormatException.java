package org.ronchi.hdf5;

/**
 * A filtered chunk that does not decode ({@link Bitshuffle}, {@link Lz4Filter}): the message says what is
 * wrong inside the chunk; {@link ChunkDecoder} turns it into an {@link Hdf5Exception} naming the file, the
 * dataset and the chunk. Never leaves this package.
 */
final class ChunkFormatException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	ChunkFormatException(String problem) {
		super(problem);
	}
}
