package org.ronchi.io.mrc.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes small synthetic MRC files: any mode, byte order, axis order and extended header. */
final class MrcWriter {
	/** Value of the block element at (section, row, column). */
	interface Values {
		double at(int s, int r, int c);
	}

	int nx = 4;
	int ny = 3;
	int nz = 2;
	int mode = 2;
	int[] start = { 0, 0, 0 };
	int[] m = null;
	float[] cella = { 0, 0, 0 };
	int[] map = { 1, 2, 3 };
	int ispg = 0;
	String exttyp = "";
	byte[] extended = new byte[0];
	float[] origin = { 0, 0, 0 };
	ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	boolean mapStamp = true;
	String[] labels = {};
	Values values = (s, r, c) -> 100 * s + 10 * r + c;

	byte[] build() {
		int rowBytes = mode == 101 ? (nx + 1) / 2 : nx * itemSize();
		ByteBuffer b = ByteBuffer.allocate(1024 + extended.length + rowBytes * ny * nz).order(order);
		int[] mm = m == null ? new int[] { nx, ny, nz } : m;
		b.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
		b.putInt(16, start[0]).putInt(20, start[1]).putInt(24, start[2]);
		b.putInt(28, mm[0]).putInt(32, mm[1]).putInt(36, mm[2]);
		b.putFloat(40, cella[0]).putFloat(44, cella[1]).putFloat(48, cella[2]);
		b.putFloat(52, 90).putFloat(56, 90).putFloat(60, 90);
		b.putInt(64, map[0]).putInt(68, map[1]).putInt(72, map[2]);
		b.putInt(88, ispg).putInt(92, extended.length);
		b.put(104, (exttyp + "\0\0\0\0").substring(0, 4).getBytes(StandardCharsets.ISO_8859_1));
		b.putInt(108, 20140);
		b.putFloat(196, origin[0]).putFloat(200, origin[1]).putFloat(204, origin[2]);
		if (mapStamp) {
			b.put(208, "MAP ".getBytes(StandardCharsets.ISO_8859_1));
		}
		byte stamp = order == ByteOrder.LITTLE_ENDIAN ? (byte) 0x44 : (byte) 0x11;
		b.put(212, stamp).put(213, order == ByteOrder.LITTLE_ENDIAN ? (byte) 0x44 : (byte) 0x11);
		b.putInt(220, labels.length);
		for (int i = 0; i < labels.length; i++) {
			b.put(224 + 80 * i, labels[i].getBytes(StandardCharsets.ISO_8859_1));
		}
		b.put(1024, extended);
		b.position(1024 + extended.length);
		for (int s = 0; s < nz; s++) {
			for (int r = 0; r < ny; r++) {
				if (mode == 101) {
					for (int c = 0; c < nx; c += 2) {
						int lo = (int) values.at(s, r, c) & 0xf;
						int hi = c + 1 < nx ? (int) values.at(s, r, c + 1) & 0xf : 0;
						b.put((byte) (lo | hi << 4));
					}
					continue;
				}
				for (int c = 0; c < nx; c++) {
					double v = values.at(s, r, c);
					switch (mode) {
					case 0 -> b.put((byte) v);
					case 1, 6 -> b.putShort((short) v);
					case 2 -> b.putFloat((float) v);
					case 3 -> b.putShort((short) v).putShort((short) -v);
					case 4 -> b.putFloat((float) v).putFloat((float) -v);
					case 12 -> b.putShort(Float.floatToFloat16((float) v));
					default -> throw new IllegalArgumentException("mode " + mode);
					}
				}
			}
		}
		return b.array();
	}

	private int itemSize() {
		return switch (mode) {
		case 0 -> 1;
		case 1, 6, 12 -> 2;
		case 2, 3 -> 4;
		case 4 -> 8;
		default -> 1;
		};
	}
}
