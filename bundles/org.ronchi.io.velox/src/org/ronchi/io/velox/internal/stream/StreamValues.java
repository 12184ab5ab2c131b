package org.ronchi.io.velox.internal.stream;

/**
 * The values of one Velox spectrum stream, read in blocks: the {@code (N, 1)} uint16 dataset
 * {@code /Data/SpectrumStream/<uuid>/Data} of a file, or an array in memory (tests, benchmark).
 * Implementations must allow concurrent {@link #read} calls.
 */
public interface StreamValues {

	/** @return the number of values N */
	long length();

	/**
	 * Reads values {@code [pos, pos + n)} into {@code into[at, at + n)}. Java's char is an unsigned
	 * 16-bit integer, exactly a uint16 value: the bytes are copied in bulk, without widening.
	 *
	 * @throws org.ronchi.core.io.RonchiException if they cannot be read
	 */
	void read(long pos, char[] into, int at, int n);

	/** @return the file the values are in (null for values in memory), for error messages */
	java.nio.file.Path file();

	/** @return where the values are in the file, for error messages (an HDF5 path) */
	String where();
}
