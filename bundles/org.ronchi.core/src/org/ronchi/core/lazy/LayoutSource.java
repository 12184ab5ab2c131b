package org.ronchi.core.lazy;

import java.nio.ByteBuffer;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.model.DType;

/**
 * An array described by a {@link Layout} in a {@link ByteSource}, as an {@link ArraySource}: what a binary
 * format returns when its elements need no decoding beyond byte order (DM, MRC, SER, raw detector frames,
 * contiguous HDF5). Both read paths go through the layout's run reader.
 */
public final class LayoutSource implements ArraySource {
	private final ByteSource bytes;
	private final Layout layout;
	private final int[] chunk;

	/**
	 * @param chunk the storage unit reads should align with (one frame: 1 along the frame dimensions, the
	 *              whole frame along the others), or null
	 */
	public LayoutSource(ByteSource bytes, Layout layout, int[] chunk) {
		if (chunk != null && chunk.length != layout.shape().length) {
			throw new IllegalArgumentException("chunk shape of rank " + chunk.length + " for rank " + layout.shape().length);
		}
		this.bytes = bytes;
		this.layout = layout;
		this.chunk = chunk == null ? null : chunk.clone();
	}

	/** @return a source whose chunks are single frames: 1 along the layout's frame dimensions */
	public static LayoutSource frames(ByteSource bytes, Layout layout) {
		long[] shape = layout.shape();
		int[] chunk = new int[shape.length];
		for (int d = 0; d < shape.length; d++) {
			chunk[d] = d < layout.frameRank() ? 1 : (int) Math.min(shape[d], Integer.MAX_VALUE);
		}
		return new LayoutSource(bytes, layout, chunk);
	}

	/** @return this source reversed along axis in its layout, or null if the layout cannot flip it */
	LayoutSource flipped(int axis) {
		if (axis < 0 || axis >= layout.shape().length || (layout.placedFrames() && axis < layout.frameRank())) {
			return null;
		}
		return new LayoutSource(bytes, layout.flip(axis), chunk);
	}

	@Override
	public DType dtype() {
		return layout.dtype();
	}

	@Override
	public long[] shape() {
		return layout.shape();
	}

	@Override
	public int[] chunkShape() {
		return chunk == null ? null : chunk.clone();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		return layout.read(bytes, start, count);
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		layout.readInto(bytes, start, count, target);
	}
}
