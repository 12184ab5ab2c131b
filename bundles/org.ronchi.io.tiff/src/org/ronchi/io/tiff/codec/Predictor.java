package org.ronchi.io.tiff.codec;

import java.nio.ByteOrder;

import org.ronchi.io.tiff.TiffException;

/**
 * Undoes the predictor applied before compression (tag 317): 1 none; 2 horizontal differencing of integer
 * samples (TIFF 6.0 section 14), per sample channel, in the file's byte order; 3 floating-point prediction
 * (Adobe Photoshop TIFF technical note 3): bytes of each row shuffled by significance, then differenced.
 */
public final class Predictor {
	public static final int NONE = 1;
	public static final int HORIZONTAL = 2;
	public static final int FLOATING_POINT = 3;

	private Predictor() {
	}

	/** @throws TiffException for an unknown predictor, before any data is read */
	public static void check(int predictor, java.nio.file.Path file, String where) {
		switch (predictor) {
		case NONE, HORIZONTAL, FLOATING_POINT -> {
		}
		default -> throw new TiffException(file, where, "unsupported predictor: " + predictor);
		}
	}

	/** Undoes the predictor in place on a decoded block. */
	public static void undo(int predictor, byte[] data, Block b) {
		switch (predictor) {
		case NONE -> {
		}
		case HORIZONTAL -> horizontal(data, b);
		case FLOATING_POINT -> floatingPoint(data, b);
		default -> throw new TiffException(b.file(), b.name(), "unsupported predictor: " + predictor);
		}
	}

	private static void horizontal(byte[] d, Block b) {
		int spp = b.samples();
		int bps = b.sampleBytes();
		int n = b.width() * spp;
		boolean little = b.order() == ByteOrder.LITTLE_ENDIAN;
		for (int r = 0; r < b.rows(); r++) {
			int row = r * b.rowBytes();
			for (int i = spp; i < n; i++) {
				int at = row + i * bps;
				int prev = at - spp * bps;
				if (bps == 1) {
					d[at] += d[prev];
				} else {
					put(d, at, bps, little, get(d, at, bps, little) + get(d, prev, bps, little));
				}
			}
		}
	}

	private static long get(byte[] d, int at, int n, boolean little) {
		long v = 0;
		for (int k = 0; k < n; k++) {
			int shift = 8 * (little ? k : n - 1 - k);
			v |= (long) (d[at + k] & 0xff) << shift;
		}
		return v;
	}

	private static void put(byte[] d, int at, int n, boolean little, long v) {
		for (int k = 0; k < n; k++) {
			int shift = 8 * (little ? k : n - 1 - k);
			d[at + k] = (byte) (v >>> shift);
		}
	}

	private static void floatingPoint(byte[] d, Block b) {
		int spp = b.samples();
		int bps = b.sampleBytes();
		int wc = b.width() * spp;
		int rowBytes = b.rowBytes();
		byte[] tmp = new byte[rowBytes];
		boolean little = b.order() == ByteOrder.LITTLE_ENDIAN;
		for (int r = 0; r < b.rows(); r++) {
			int row = r * rowBytes;
			for (int i = spp; i < rowBytes; i++) {
				d[row + i] += d[row + i - spp];
			}
			System.arraycopy(d, row, tmp, 0, rowBytes);
			// byte k of each value sits in the k-th plane of the row, most significant plane first
			for (int c = 0; c < wc; c++) {
				for (int k = 0; k < bps; k++) {
					int dst = little ? bps - 1 - k : k;
					d[row + c * bps + dst] = tmp[k * wc + c];
				}
			}
		}
	}
}
