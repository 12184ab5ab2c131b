package org.ronchi.io.merlin.internal;

import java.nio.ByteBuffer;

import org.ronchi.core.io.ByteSource;
import org.ronchi.core.lazy.ChunkLoader;

/**
 * Decodes RAW ({@code R64}) frames, one frame per chunk of a {@link org.ronchi.core.lazy.ChunkedSource}
 * (values little-endian in the frame's element type). The readout sends 64-bit words whose bytes come
 * last first, so within each word the pixel order is reversed by the element size:
 * <ul>
 * <li>1 bit: pixel {@code 64 w + 8 b + i} is bit i (least significant first) of byte {@code 7 - b} of
 * word w;</li>
 * <li>6 bits: one byte per pixel, reversed in groups of 8; 12 bits: one big-endian u16 per pixel,
 * reversed in groups of 4;</li>
 * <li>24 bits: two 12-bit frames one after the other, the first holding the 12 most significant
 * bits.</li>
 * </ul>
 * A quad's stream rows hold chips 4, 3, 2, 1 side by side; chips 1 and 2 make the top half of the
 * frame as they are, chips 3 and 4 the bottom half turned by 180 degrees (LiberTEM's {@code mib.py}
 * documents the same arrangement; the samples' RAW and processed frames agree with it).
 */
final class RawFrames implements ChunkLoader {
	private final ByteSource bytes;
	private final MibPixels px;
	private final long headerSize;
	private final long stride;

	RawFrames(ByteSource bytes, MibPixels px, long headerSize, long stride) {
		this.bytes = bytes;
		this.px = px;
		this.headerSize = headerSize;
		this.stride = stride;
	}

	@Override
	public byte[] load(long[] origin, boolean keep) {
		long k = origin[0];
		ByteBuffer in = ByteBuffer.allocate((int) px.bytes);
		bytes.readFully("frame " + k, k * stride + headerSize, in);
		int[] stream = decode(in.array(), px.depth, px.streamWidth * px.streamRows);
		int[] frame = px.quad ? placeQuad(stream, px.streamRows) : stream;
		return encode(frame, px.dtype.itemSize());
	}

	/** @return the stream's pixels in readout order, rows one after the other */
	static int[] decode(byte[] b, int depth, int n) {
		int[] out = new int[n];
		switch (depth) {
		case 1:
			for (int p = 0; p < n; p++) {
				int word = p >>> 6;
				int j = p & 63;
				out[p] = (b[word * 8 + 7 - (j >>> 3)] >>> (j & 7)) & 1;
			}
			break;
		case 6:
			for (int p = 0; p < n; p++) {
				out[p] = b[(p & ~7) + 7 - (p & 7)] & 0xff;
			}
			break;
		case 12:
			twelveBits(b, 0, out, 0);
			break;
		case 24:
			twelveBits(b, 0, out, 12);
			int[] low = new int[n];
			twelveBits(b, 2L * n, low, 0);
			for (int p = 0; p < n; p++) {
				out[p] |= low[p];
			}
			break;
		default:
			throw new IllegalArgumentException("counter depth " + depth);
		}
		return out;
	}

	private static void twelveBits(byte[] b, long from, int[] out, int shift) {
		int base = (int) from;
		for (int p = 0; p < out.length; p++) {
			int q = base + 2 * ((p & ~3) + 3 - (p & 3));
			out[p] = (((b[q] & 0xff) << 8) | (b[q + 1] & 0xff)) << shift;
		}
	}

	/** @return the 2c x 2c frame of a quad's c rows of 4c stream pixels (chips 4|3|2|1) */
	static int[] placeQuad(int[] stream, int c) {
		int w = 4 * c;
		int side = 2 * c;
		int[] out = new int[side * side];
		for (int y = 0; y < c; y++) {
			System.arraycopy(stream, y * w + 3 * c, out, y * side, c); // chip 1, top left
			System.arraycopy(stream, y * w + 2 * c, out, y * side + c, c); // chip 2, top right
		}
		for (int y = c; y < side; y++) {
			int row = (side - 1 - y) * w;
			for (int x = 0; x < c; x++) {
				out[y * side + x] = stream[row + c + c - 1 - x]; // chip 3, bottom left, turned
				out[y * side + c + x] = stream[row + c - 1 - x]; // chip 4, bottom right, turned
			}
		}
		return out;
	}

	private static byte[] encode(int[] v, int item) {
		byte[] out = new byte[v.length * item];
		for (int i = 0; i < v.length; i++) {
			int x = v[i];
			for (int j = 0; j < item; j++) {
				out[i * item + j] = (byte) (x >>> (8 * j));
			}
		}
		return out;
	}
}
