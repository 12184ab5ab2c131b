package org.ronchi.io.merlin.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes Merlin frames as the detector does, for the synthetic tests: the ASCII header (fields as the
 * Merlin manual lists them, NUL-padded to 384 bytes per chip... 768 for a quad) and the pixels,
 * processed (big-endian U08/U16/U32) or RAW (R64: the readout's 64-bit words with their bytes last
 * first, quad rows holding chips 4|3|2|1 with chips 3 and 4 turned by 180 degrees).
 */
final class MibWriter {
	final int rows;
	final int columns;
	final boolean quad;
	final int depth;
	final boolean raw;
	/** Frame k's time stamp in ns after the first; a longer gap after each scan row when rowLength > 0. */
	long frameNanos = 1_000_000;
	int rowLength;

	MibWriter(int rows, int columns, boolean quad, int depth, boolean raw) {
		this.rows = rows;
		this.columns = columns;
		this.quad = quad;
		this.depth = depth;
		this.raw = raw;
	}

	int headerSize() {
		return quad ? 768 : 384;
	}

	String pixelType() {
		if (raw) {
			return "R64";
		}
		return depth <= 6 ? "U08" : depth == 12 ? "U16" : "U32";
	}

	/** @return the header's width and height: RAW quads as the readout sends them, 24-bit RAW doubled */
	int[] headerSize2d() {
		if (!raw) {
			return new int[] { columns, rows };
		}
		int w = quad ? 2 * columns : columns;
		int h = quad ? rows / 2 : rows;
		return new int[] { depth == 24 ? 2 * w : w, h };
	}

	byte[] header(long sequence, long nanos) {
		int[] wh = headerSize2d();
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "MQ1,%06d,%05d,%02d,%04d,%04d,%s,%6s,%s,", sequence, headerSize(), quad ? 4 : 1, wh[0], wh[1], pixelType(),
				quad ? "2x2" : "1x1", quad ? "0F" : "01"));
		Instant t = Instant.ofEpochSecond(1_620_406_270L, 905_800_928L + nanos);
		s.append("2021-05-07 18:51:10.905800,0.001000,0,0,0,");
		s.append("4.000000E+1,5.110000E+2,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,");
		for (int c = 0; c < (quad ? 4 : 1); c++) {
			s.append("3RX,068,511,000,000,000,000,000,000,100,255,100,125,100,100,080,100,090,030,128,004,255,126,128,174,172,511,511,");
		}
		s.append("MQ1A,").append(t).append(",1000000ns,").append(depth).append(',');
		byte[] text = s.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[headerSize()];
		System.arraycopy(text, 0, out, 0, text.length);
		return out;
	}

	/** @return the pixels of a frame of values (rows x columns, as the frame is shown before any flip) */
	byte[] pixels(int[] frame) {
		if (!raw) {
			int item = depth <= 6 ? 1 : depth == 12 ? 2 : 4;
			byte[] b = new byte[frame.length * item];
			for (int i = 0; i < frame.length; i++) {
				for (int j = 0; j < item; j++) {
					b[i * item + j] = (byte) (frame[i] >>> (8 * (item - 1 - j)));
				}
			}
			return b;
		}
		int[] stream = quad ? unplace(frame) : frame;
		int n = stream.length;
		switch (depth) {
		case 1: {
			byte[] b = new byte[n / 8];
			for (int p = 0; p < n; p++) {
				int j = p & 63;
				b[(p >>> 6) * 8 + 7 - (j >>> 3)] |= (byte) ((stream[p] & 1) << (j & 7));
			}
			return b;
		}
		case 6: {
			byte[] b = new byte[n];
			for (int p = 0; p < n; p++) {
				b[(p & ~7) + 7 - (p & 7)] = (byte) stream[p];
			}
			return b;
		}
		case 12:
			return twelve(stream, 0);
		default: {
			byte[] hi = twelve(stream, 12);
			byte[] lo = twelve(stream, 0);
			byte[] b = new byte[hi.length + lo.length];
			System.arraycopy(hi, 0, b, 0, hi.length);
			System.arraycopy(lo, 0, b, hi.length, lo.length);
			return b;
		}
		}
	}

	private static byte[] twelve(int[] stream, int shift) {
		byte[] b = new byte[2 * stream.length];
		for (int p = 0; p < stream.length; p++) {
			int v = (stream[p] >>> shift) & 0xfff;
			int q = (p & ~3) + 3 - (p & 3);
			b[2 * q] = (byte) (v >>> 8);
			b[2 * q + 1] = (byte) v;
		}
		return b;
	}

	/** The quad frame (2c x 2c) as the readout's c rows of chips 4|3|2|1. */
	private int[] unplace(int[] frame) {
		int c = rows / 2;
		int side = 2 * c;
		int w = 4 * c;
		int[] s = new int[c * w];
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < c; x++) {
				if (y < c) {
					s[y * w + 3 * c + x] = frame[y * side + x];
					s[y * w + 2 * c + x] = frame[y * side + c + x];
				} else {
					int row = (side - 1 - y) * w;
					s[row + c + c - 1 - x] = frame[y * side + x];
					s[row + c - 1 - x] = frame[y * side + c + x];
				}
			}
		}
		return s;
	}

	/** @return frame k's values, different in every pixel and frame, within the counter depth */
	int[] frame(int k) {
		int max = (1 << depth) - 1;
		int[] f = new int[rows * columns];
		for (int i = 0; i < f.length; i++) {
			long v = (i * 2654435761L + k * 40503L + (i >>> 5) * 7L) & 0x7fffffff;
			f[i] = (int) (v % (max + 1));
		}
		return f;
	}

	/** Writes frames [from, from + n) of the acquisition, numbered from sequence. */
	void write(Path file, int from, int n, long firstSequence) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int k = from; k < from + n; k++) {
				out.write(header(firstSequence + k - from, nanos(k)));
				out.write(pixels(frame(k)));
			}
		}
	}

	long nanos(int k) {
		return k * frameNanos + (rowLength > 0 ? (k / rowLength) * 50_000L : 0);
	}

	static void hdr(Path file, long frames, long perTrigger, String extra) throws IOException {
		String s = "HDR,\t\nTime and Date Stamp (day, mnth, yr, hr, min, s):\t07/05/2021 18:50:41\nChip Type (Medipix 3.0, Medipix 3.1, Medipix 3RX):\tMedipix 3RX\n"
				+ "Counter Depth (number):\t6\nFrames in Acquisition (Number):\t" + frames + "\nFrames per Trigger (Number):\t" + perTrigger + "\n" + extra
				+ "Readout System:\tMerlin Quad\nEnd\t";
		Files.writeString(file, s, StandardCharsets.ISO_8859_1);
	}
}
