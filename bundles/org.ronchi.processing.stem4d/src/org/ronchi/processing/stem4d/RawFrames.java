package org.ronchi.processing.stem4d;

import java.nio.ByteBuffer;

import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.Frame;
import org.ronchi.processing.Kernel;

/**
 * Copies a window of each frame's raw elements into a NAV block, at an offset: the kernel of crop
 * (window smaller than the frame), pad (block larger, the rest keeps the fill value) and thin (the
 * whole frame). Values keep their dtype (copied as raw elements); one slot per delivered frame.
 *
 * @param y0 first frame row copied, x0 first column
 * @param h rows copied, w columns copied
 * @param oy row of the block they go to, ox its column
 * @param bw block width (columns), block block size in elements
 */
record RawFrames(int nx, int y0, int x0, int h, int w, int oy, int ox, int bw, int block, int item) implements Kernel {

	@Override
	public void processFrame(Frame f, BufferSet out) {
		ByteBuffer src = f.raw();
		Buffer dst = out.get("data");
		int base = f.index() * block;
		for (int y = 0; y < h; y++) {
			int from = ((y0 + y) * nx + x0) * item;
			dst.decode(base + (oy + y) * bw + ox, w, src.duplicate().limit(from + w * item).position(from));
		}
	}
}
