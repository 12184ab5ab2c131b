package org.ronchi.io.velox.internal.stream;

import static org.ronchi.io.velox.internal.stream.StreamGeometry.MARKER;

import java.util.List;

import org.ronchi.io.velox.internal.VeloxException;

/**
 * The two passes over a spectrum stream, as pure functions: {@link #index} scans a whole stream once
 * and records where every scan row starts; {@link #accumulate} counts the X-rays of a run of rows into
 * a spectrum-image buffer. Both read the stream in blocks of {@value #BLOCK} values, carrying the
 * pixel position across blocks, so memory stays flat whatever the stream's length.
 * <p>
 * Hand-written: the encoding is Velox's own (see {@link StreamGeometry}); RosettaSciIO decodes it into
 * a dense cube with numba, which needs the whole cube in memory.
 */
public final class StreamDecoder {
	/** Values read per block: 2 MB, a multiple of Velox's 8192-value chunks. */
	public static final int BLOCK = 1 << 20;

	private StreamDecoder() {
	}

	/**
	 * Scans the whole stream: row starts, marker count, and a check that every other value is a
	 * channel below {@code g.channels()}.
	 *
	 * @throws VeloxException at the first value that is neither a channel nor the marker
	 */
	public static StreamIndex index(StreamValues values, StreamGeometry g) {
		StreamIndex.Builder rows = new StreamIndex.Builder();
		long n = values.length();
		int nx = g.nx();
		int channels = g.channels();
		int inRow = 0;
		long markers = 0;
		char[] v = new char[(int) Math.min(BLOCK, n)];
		for (long pos = 0; pos < n; pos += BLOCK) {
			int m = (int) Math.min(BLOCK, n - pos);
			values.read(pos, v, 0, m);
			for (int i = 0; i < m; i++) {
				char c = v[i];
				if (c >= channels) { // MARKER is above every channel, so one test serves both
					if (c != MARKER) {
						throw VeloxException.at(values.file(), values.where() + " value", pos + i,
								"count in channel " + (int) c + ", but the stream has " + channels + " channels (bincount)");
					}
					markers++;
					if (++inRow == nx) {
						rows.add(pos + i + 1);
						inRow = 0;
					}
				}
			}
		}
		return rows.build(n, markers);
	}

	/** Where the counts of a box of pixels go in a C-order buffer. */
	public record Window(int x0, int xCount, int yCount, int rowStride, int pixelStride, int[] channelMap) {
	}

	/**
	 * Counts the X-rays of stream values {@code [from, to)}, which start at the first pixel of a row, into
	 * {@code acc}. Pixel (y, x) of the run (y counted from that row) lands at
	 * {@code base + y * rowStride + (x - x0) * pixelStride + channelMap[value]} when x is inside
	 * {@code [x0, x0 + xCount)}, y below {@code yCount} and the map entry not negative.
	 */
	public static void accumulate(StreamValues values, long from, long to, int nx, Window w, int[] acc, int base) {
		int[] map = w.channelMap();
		int x0 = w.x0();
		int x1 = x0 + w.xCount();
		int x = 0;
		int y = 0;
		int pixel = x0 == 0 ? base : -1;
		char[] v = new char[(int) Math.max(0, Math.min(BLOCK, to - from))];
		for (long pos = from; pos < to; pos += BLOCK) {
			int m = (int) Math.min(BLOCK, to - pos);
			values.read(pos, v, 0, m);
			for (int i = 0; i < m; i++) {
				char c = v[i];
				if (c == MARKER) {
					if (++x == nx) {
						x = 0;
						y++;
					}
					pixel = x >= x0 && x < x1 && y < w.yCount() ? base + y * w.rowStride() + (x - x0) * w.pixelStride() : -1;
				} else if (pixel >= 0) {
					int k = map[c];
					if (k >= 0) {
						acc[pixel + k]++;
					}
				}
			}
		}
	}

	/** Stream values {@code [from, to)}: the same rows of one frame of one detector segment. */
	public record Run(StreamValues values, long from, long to) {
	}

	/**
	 * Adds up several runs that cover the same {@code rows} (the frames and detector segments of a
	 * summed spectrum image) pixel by pixel: each pixel takes its X-rays from every run while its
	 * spectrum sits in the L1 cache, instead of every frame sweeping the whole cube through memory.
	 * Same placement as {@link #accumulate}; the runs' values must fit in one array.
	 */
	public static void accumulateSummed(List<Run> runs, int rows, int nx, Window w, int[] acc, int base) {
		int k = runs.size();
		int[] cur = new int[k];
		int[] lim = new int[k];
		long total = 0;
		for (int i = 0; i < k; i++) {
			cur[i] = (int) total;
			total += Math.max(0, runs.get(i).to() - runs.get(i).from());
			lim[i] = Math.toIntExact(total);
		}
		char[] buf = new char[(int) total];
		for (int i = 0; i < k; i++) {
			Run run = runs.get(i);
			if (lim[i] > cur[i]) {
				run.values().read(run.from(), buf, cur[i], lim[i] - cur[i]);
			}
		}
		int[] map = w.channelMap();
		int x0 = w.x0();
		int x1 = x0 + w.xCount();
		for (int y = 0; y < rows; y++) {
			for (int x = 0; x < nx; x++) {
				int pixel = x >= x0 && x < x1 && y < w.yCount() ? base + y * w.rowStride() + (x - x0) * w.pixelStride() : -1;
				for (int i = 0; i < k; i++) {
					cur[i] = pixel < 0 ? skipPixel(buf, cur[i], lim[i]) : addPixel(buf, cur[i], lim[i], map, acc, pixel);
				}
			}
		}
	}

	/*
	 * One pixel's values, up to and including its closing marker, as methods of their own: called once
	 * per pixel and frame, they are compiled after a few thousand pixels, where the loop around them
	 * would wait for on-stack replacement and run interpreted through most of a first read.
	 */

	/** Counts the values of the pixel starting at p into acc; returns the position after its marker. */
	private static int addPixel(char[] buf, int p, int end, int[] map, int[] acc, int pixel) {
		while (p < end) {
			char c = buf[p++];
			if (c == MARKER) {
				break;
			}
			int m = map[c];
			if (m >= 0) {
				acc[pixel + m]++;
			}
		}
		return p;
	}

	/** @return the position after the marker that closes the pixel starting at p */
	private static int skipPixel(char[] buf, int p, int end) {
		while (p < end && buf[p++] != MARKER) {
			// skip the pixel
		}
		return p;
	}

	/**
	 * @return for every uint16 value, the offset of its channel bin inside a pixel's spectrum when the
	 *         channels are summed in groups of {@code rebin} and bins {@code [first, first + count)} are
	 *         kept; -1 for everything else, the marker included
	 */
	public static int[] channelMap(int channels, int rebin, int first, int count) {
		int[] map = new int[MARKER + 1];
		java.util.Arrays.fill(map, -1);
		for (int c = 0; c < channels; c++) {
			int bin = c / rebin - first;
			if (bin >= 0 && bin < count) {
				map[c] = bin;
			}
		}
		return map;
	}
}
