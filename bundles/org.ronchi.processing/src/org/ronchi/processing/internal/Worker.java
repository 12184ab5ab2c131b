package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ronchi.core.model.DType;

/**
 * What one worker thread owns and reuses: the direct buffer tiles are read into, and the arrays the
 * frame accessors convert into. Direct, so that contiguous data goes from the page cache into it in
 * one copy.
 */
final class Worker {
	private ByteBuffer raw;
	final float[] floats;
	final double[] doubles;
	final short[] shorts;
	final int frameSize;

	Worker(DType dtype, int frameSize) {
		this.frameSize = frameSize;
		int k = dtype.isComplex() ? 2 : 1;
		this.floats = new float[frameSize * k];
		this.doubles = new double[frameSize * k];
		this.shorts = dtype.itemSize() == 2 ? new short[frameSize] : new short[0];
	}

	/** @return a buffer of at least bytes capacity, cleared, little-endian */
	ByteBuffer raw(long bytes) {
		int n = Math.toIntExact(bytes);
		if (raw == null || raw.capacity() < n) {
			raw = ByteBuffer.allocateDirect(Math.max(n, 4096)).order(ByteOrder.LITTLE_ENDIAN);
		}
		raw.clear().limit(n);
		return raw;
	}

	/** @return bytes held */
	long footprint() {
		return (raw == null ? 0 : raw.capacity()) + 4L * floats.length + 8L * doubles.length + 2L * shorts.length;
	}
}
