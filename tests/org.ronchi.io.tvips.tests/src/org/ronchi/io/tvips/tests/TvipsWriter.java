package org.ronchi.io.tvips.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes TVIPS recordings: the 256-byte series header, then frames of a header and u16 pixels, split
 * into files of at most {@code partBytes} (so frames straddle files, as the recorder's fixed-size parts
 * do). Frame k's pixel (r, c) is {@code k * 100 + r * 10 + c}. v2 frame headers of 80 bytes carry the
 * scan position {@code scan(k)} at offsets 68 (x) and 72 (y); v1 headers are 12 bytes.
 */
final class TvipsWriter {
	interface Positions {
		/** @return {x, y} of frame k */
		float[] of(long k);
	}

	private TvipsWriter() {
	}

	static int pixel(long k, int r, int c) {
		return (int) (k * 100 + r * 10 + c);
	}

	static List<Path> write(Path dir, String name, int version, int width, int height, int frames, Positions scan, long partBytes)
			throws IOException {
		int fh = version == 1 ? 12 : 80;
		int record = fh + width * height * 2;
		ByteBuffer b = ByteBuffer.allocate(256 + frames * record).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(256).putInt(version).putInt(width).putInt(height).putInt(16).putInt(0).putInt(0).putInt(1).putInt(1).putInt(3).putInt(300)
				.putInt(0).putInt(version == 1 ? 0 : fh);
		b.position(256);
		for (int k = 0; k < frames; k++) {
			int at = b.position();
			b.putInt(at, k).putInt(at + 4, 1_600_000_000).putInt(at + 8, 10 * k);
			if (version == 2) {
				b.putInt(at + 24, 2);
				float[] xy = scan == null ? new float[] { 0, 0 } : scan.of(k);
				b.putFloat(at + 68, xy[0]).putFloat(at + 72, xy[1]);
			}
			b.position(at + fh);
			for (int r = 0; r < height; r++) {
				for (int c = 0; c < width; c++) {
					b.putShort((short) pixel(k, r, c));
				}
			}
		}
		byte[] all = b.array();
		List<Path> parts = new ArrayList<>();
		for (int i = 0; (long) i * partBytes < all.length; i++) {
			int from = (int) (i * partBytes);
			int to = (int) Math.min(all.length, from + partBytes);
			Path p = dir.resolve(name + String.format(Locale.ROOT, "_%03d.tvips", i));
			Files.write(p, java.util.Arrays.copyOfRange(all, from, to));
			parts.add(p);
		}
		return parts;
	}
}
