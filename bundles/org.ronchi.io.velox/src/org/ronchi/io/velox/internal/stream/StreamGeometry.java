package org.ronchi.io.velox.internal.stream;

/**
 * How a stream's values map onto a spectrum image: {@code ny} rows of {@code nx} pixels per frame,
 * {@code channels} energy channels (the stream's {@code bincount}).
 * <p>
 * The encoding, as FEI described it to the HyperSpy developers and as RosettaSciIO decodes it: every
 * value below {@value #MARKER} is one X-ray counted in that channel of the current pixel; the value
 * {@value #MARKER} (the "gate pulse") ends the current pixel and moves to the next one in raster
 * order; after {@code ny * nx} markers the next frame begins. The last pixel of a stream may have no
 * closing marker.
 */
public record StreamGeometry(int ny, int nx, int channels) {
	/** The value that ends a pixel. */
	public static final int MARKER = 65535;

	public StreamGeometry {
		if (ny < 1 || nx < 1) {
			throw new IllegalArgumentException("scan of " + ny + " x " + nx + " pixels");
		}
		if (channels < 1 || channels >= MARKER) {
			throw new IllegalArgumentException(channels + " channels: a uint16 stream holds 1 to " + (MARKER - 1));
		}
	}

	/** @return pixels per frame */
	public long frameSize() {
		return (long) ny * nx;
	}
}
