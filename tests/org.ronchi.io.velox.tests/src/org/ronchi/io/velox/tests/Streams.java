package org.ronchi.io.velox.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.ronchi.io.velox.internal.stream.StreamValues;

/**
 * Velox spectrum streams for tests: encoding a dense cube into a stream, and a reference decoder that
 * follows RosettaSciIO's numba loops ({@code _fill_array_with_stream[_sum_frames]}) statement by
 * statement, quirks included, to compare the real decoder against.
 */
final class Streams {
	static final int MARKER = 65535;

	private Streams() {
	}

	/** A stream held in memory. */
	record InMemory(int[] values) implements StreamValues {
		@Override
		public long length() {
			return values.length;
		}

		@Override
		public void read(long pos, char[] into, int at, int n) {
			for (int i = 0; i < n; i++) {
				into[at + i] = (char) values[(int) pos + i];
			}
		}

		@Override
		public Path file() {
			return null;
		}

		@Override
		public String where() {
			return "memory";
		}
	}

	/**
	 * Encodes counts[frame][y][x][channel] as Velox does: each pixel's X-rays in random order, a marker
	 * after every pixel but the last (RosettaSciIO's {@code array_to_stream} drops the final marker).
	 */
	static int[] encode(int[][][][] counts, Random rnd) {
		List<Integer> out = new ArrayList<>();
		for (int[][][] frame : counts) {
			for (int[][] row : frame) {
				for (int[] pixel : row) {
					List<Integer> events = new ArrayList<>();
					for (int c = 0; c < pixel.length; c++) {
						for (int k = 0; k < pixel[c]; k++) {
							events.add(c);
						}
					}
					Collections.shuffle(events, rnd);
					out.addAll(events);
					out.add(MARKER);
				}
			}
		}
		out.remove(out.size() - 1);
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** A random cube of counts: mostly empty channels, a few busy ones, as EDS maps look. */
	static int[][][][] randomCounts(Random rnd, int frames, int ny, int nx, int channels, int maxEvents) {
		int[][][][] c = new int[frames][ny][nx][channels];
		for (int[][][] f : c) {
			for (int[][] row : f) {
				for (int[] px : row) {
					int events = rnd.nextInt(maxEvents + 1);
					for (int e = 0; e < events; e++) {
						px[rnd.nextDouble() < 0.5 ? rnd.nextInt(Math.min(8, channels)) : rnd.nextInt(channels)]++;
					}
				}
			}
		}
		return c;
	}

	/**
	 * RosettaSciIO's dense decoding, as plain loops: counts per (frame - first, y, x, channel / rebin),
	 * frames summed into index 0 when sum is true. Counts are exact (no dtype wrapping).
	 */
	static long[] reference(int[] stream, int ny, int nx, int channels, int first, int last, boolean sum, int rebin) {
		int bins = channels / rebin;
		int frames = sum ? 1 : last - first;
		long[] si = new long[frames * ny * nx * bins];
		int nav = 0;
		int frame = 0;
		for (int v : stream) {
			if (nav == ny * nx) {
				nav = 0;
				frame++;
				if (frame == last) {
					break;
				}
			}
			if (v != MARKER) {
				if (first <= frame) {
					int f = sum ? 0 : frame - first;
					si[((f * ny + nav / nx) * nx + nav % nx) * bins + v / rebin]++;
				}
			} else {
				nav++;
			}
		}
		return si;
	}
}
