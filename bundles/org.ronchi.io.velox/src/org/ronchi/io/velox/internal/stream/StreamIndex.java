package org.ronchi.io.velox.internal.stream;

import java.util.Arrays;

/**
 * Where each scan row of each frame starts in a stream: the compact index that makes a spectrum
 * image randomly accessible without decoding it. Row {@code r} (counted over all frames,
 * {@code r = frame * ny + y}) holds the values {@code [start(r), end(r))}; the markers between its
 * pixels are inside that range, the marker that closes its last pixel is not.
 * <p>
 * One long per row: a 512 x 512 scan of 100 frames costs 400 KB, where a per-pixel index would cost
 * 200 MB and a dense cube 100 GB. Reading a pixel then scans its row (a few thousand values).
 * Rows after the end of the stream (an aborted acquisition) exist and are empty.
 */
public final class StreamIndex {
	private final long[] starts;
	private final int rows;
	private final long length;
	private final long markers;

	StreamIndex(long[] starts, int rows, long length, long markers) {
		this.starts = starts;
		this.rows = rows;
		this.length = length;
		this.markers = markers;
	}

	/** @return the number of rows that begin inside the stream */
	public int rows() {
		return rows;
	}

	/** @return the number of pixel markers in the stream */
	public long markers() {
		return markers;
	}

	/** @return the number of values in the stream */
	public long length() {
		return length;
	}

	/** @return the position of row r's first value, or the stream length for a row past its end */
	public long start(long r) {
		return r < rows ? starts[(int) r] : length;
	}

	/** @return the position after row r's last value (its closing marker excluded) */
	public long end(long r) {
		return r + 1 < rows ? starts[(int) r + 1] - 1 : length;
	}

	/** Collects row starts while a stream is scanned. */
	static final class Builder {
		private long[] starts = new long[1024];
		private int rows = 1; // row 0 starts at 0

		void add(long start) {
			if (rows == starts.length) {
				if (rows == Integer.MAX_VALUE - 8) {
					throw new IllegalStateException("more than 2^31 scan rows");
				}
				starts = Arrays.copyOf(starts, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * rows));
			}
			starts[rows++] = start;
		}

		StreamIndex build(long length, long markers) {
			return new StreamIndex(starts, rows, length, markers);
		}
	}
}
