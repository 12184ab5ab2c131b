package org.ronchi.io.blockfile.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes blockfiles as RosettaSciIO's writer does: the 240-byte header, a note, the navigation image at
 * 0x1000, the patterns from the next multiple of 16, each behind {@code AA 55} + its u32 number. Pattern
 * k's pixel (r, c) is {@code (k * 7 + r * 3 + c) % 251}; the navigation image's (y, x) is {@code y * nx + x + 1}.
 */
final class BlockfileWriter {
	private BlockfileWriter() {
	}

	static int pixel(long k, int r, int c) {
		return (int) ((k * 7 + r * 3 + c) % 251);
	}

	/** @param patterns how many patterns to store (the header still says ny x nx) */
	static Path write(Path file, int ny, int nx, int dp, long patterns) throws IOException {
		int off1 = 0x1000;
		int off2 = off1 + nx * ny;
		off2 += off2 % 16;
		long record = 6 + (long) dp * dp;
		ByteBuffer b = ByteBuffer.allocate((int) (off2 + patterns * record)).order(ByteOrder.LITTLE_ENDIAN);
		b.put("IMGBLO".getBytes(StandardCharsets.ISO_8859_1));
		b.putShort((short) 0x0102).putInt(off1).putInt(off2).putInt(131141);
		b.putShort((short) dp).putShort((short) 0).putShort((short) nx).putShort((short) ny).putShort((short) 1000);
		b.putDouble(1.5).putDouble(2.5).putInt(300000).putShort((short) 5000).putInt(1500);
		b.putDouble(42339.5); // 2015-12-01T12:00
		b.position(240);
		b.put("synthetic note".getBytes(StandardCharsets.ISO_8859_1));
		for (int i = 0; i < nx * ny; i++) {
			b.put(off1 + i, (byte) (i + 1));
		}
		for (long k = 0; k < patterns; k++) {
			int at = (int) (off2 + k * record);
			b.putShort(at, (short) 0x55AA).putInt(at + 2, (int) k);
			for (int r = 0; r < dp; r++) {
				for (int c = 0; c < dp; c++) {
					b.put(at + 6 + r * dp + c, (byte) pixel(k, r, c));
				}
			}
		}
		Files.write(file, b.array());
		return file;
	}
}
