package org.ronchi.io.tiff.tests;

import java.nio.ByteOrder;

/** The encoding side of the TIFF predictors, for building fixtures. */
final class Predictors {
	private Predictors() {
	}

	/** Predictor 2: each sample minus the same sample of the pixel to its left, right to left. */
	static void horizontal(byte[] d, int width, int rows, int spp, int bps, ByteOrder order) {
		boolean little = order == ByteOrder.LITTLE_ENDIAN;
		int rowBytes = width * spp * bps;
		for (int r = 0; r < rows; r++) {
			for (int i = width * spp - 1; i >= spp; i--) {
				int at = r * rowBytes + i * bps;
				int prev = at - spp * bps;
				put(d, at, bps, little, get(d, at, bps, little) - get(d, prev, bps, little));
			}
		}
	}

	/** Predictor 3: values to big-endian byte planes, then byte-wise differences with stride spp. */
	static void floating(byte[] d, int width, int rows, int spp, int bps, ByteOrder order) {
		boolean little = order == ByteOrder.LITTLE_ENDIAN;
		int wc = width * spp;
		int rowBytes = wc * bps;
		byte[] tmp = new byte[rowBytes];
		for (int r = 0; r < rows; r++) {
			int row = r * rowBytes;
			for (int c = 0; c < wc; c++) {
				for (int k = 0; k < bps; k++) {
					int src = little ? bps - 1 - k : k; // k-th most significant byte
					tmp[k * wc + c] = d[row + c * bps + src];
				}
			}
			for (int i = rowBytes - 1; i >= spp; i--) {
				tmp[i] -= tmp[i - spp];
			}
			System.arraycopy(tmp, 0, d, row, rowBytes);
		}
	}

	private static long get(byte[] d, int at, int n, boolean little) {
		long v = 0;
		for (int k = 0; k < n; k++) {
			v |= (long) (d[at + k] & 0xff) << (8 * (little ? k : n - 1 - k));
		}
		return v;
	}

	private static void put(byte[] d, int at, int n, boolean little, long v) {
		for (int k = 0; k < n; k++) {
			d[at + k] = (byte) (v >>> (8 * (little ? k : n - 1 - k)));
		}
	}
}
