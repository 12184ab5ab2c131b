package org.ronchi.io.tiff.codec;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * What a codec needs to know about the strip or tile it decodes.
 *
 * @param file        for error messages
 * @param name        "strip 3 of page 0", for error messages
 * @param offset      where the compressed bytes start, for error messages
 * @param width       pixels per row of the block (image width for strips, tile width for tiles)
 * @param rows        rows in the block (fewer in the last strip)
 * @param samples     samples per pixel stored in the block (1 for planar-separate images)
 * @param sampleBytes bytes per sample
 * @param order       the file's byte order, which decoded multi-byte samples must be in
 */
public record Block(Path file, String name, long offset, int width, int rows, int samples, int sampleBytes, ByteOrder order) {

	/** @return bytes per decoded row */
	public int rowBytes() {
		return width * samples * sampleBytes;
	}

	/** @return the decoded size in bytes */
	public int bytes() {
		return rows * rowBytes();
	}
}
