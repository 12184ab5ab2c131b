package org.ronchi.io.mrc.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * The MRC data modes (header word 4, MRC2014 specification table "Modes"): how a value is stored and
 * the type it is read as. Modes without a NumPy type of their own are widened: complex int16 (3) to
 * complex64, float16 (12) to float32, packed 4-bit (101, IMOD) to uint8.
 */
enum MrcMode {
	INT8(0, DType.INT8, 1),
	INT16(1, DType.INT16, 2),
	FLOAT32(2, DType.FLOAT32, 4),
	COMPLEX_INT16(3, DType.COMPLEX64, 4),
	COMPLEX64(4, DType.COMPLEX64, 8),
	UINT16(6, DType.UINT16, 2),
	FLOAT16(12, DType.FLOAT32, 2),
	/** IMOD: two values per byte, the first in the low 4 bits; each row starts on a new byte. */
	UINT4(101, DType.UINT8, 0);

	private final int code;
	private final DType dtype;
	private final int bytes;

	MrcMode(int code, DType dtype, int bytes) {
		this.code = code;
		this.dtype = dtype;
		this.bytes = bytes;
	}

	int code() {
		return code;
	}

	/** @return the type values are read as */
	DType dtype() {
		return dtype;
	}

	/** @throws UnsupportedFormatException for a mode outside the table */
	static MrcMode of(int code, Path file) {
		return switch (code) {
		case 0 -> INT8;
		case 1 -> INT16;
		case 2 -> FLOAT32;
		case 3 -> COMPLEX_INT16;
		case 4 -> COMPLEX64;
		case 6 -> UINT16;
		case 12 -> FLOAT16;
		case 101 -> UINT4;
		default -> throw new UnsupportedFormatException(file, "MRC header at 0xc", "unsupported MRC mode: " + code);
		};
	}

	/** @return true if a mode code names a mode of the table (for the content probe, which must not throw) */
	static boolean known(int code) {
		return code == 0 || code == 1 || code == 2 || code == 3 || code == 4 || code == 6 || code == 12 || code == 101;
	}

	/** @return bytes of one stored value, 0 for packed 4-bit values */
	int bytesPerValue() {
		return bytes;
	}

	/** @return bytes of one row of nx values */
	long rowBytes(long nx) {
		return this == UINT4 ? (nx + 1) / 2 : nx * bytes;
	}

	/**
	 * Decodes values {@code [c0, c0 + n)} of the row that starts at {@code rowStart} in buf (whose byte
	 * order is the file's) into out at element index {@code at}.
	 */
	void decodeRow(ByteBuffer buf, int rowStart, int c0, int n, Dataset out, int at) {
		switch (this) {
		case COMPLEX_INT16 -> {
			float[] a = ((ComplexFloatDataset) out).getData();
			int p = rowStart + c0 * 4;
			for (int i = 0; i < 2 * n; i++) {
				a[2 * at + i] = buf.getShort(p + 2 * i);
			}
		}
		case FLOAT16 -> {
			float[] a = ((FloatDataset) out).getData();
			int p = rowStart + c0 * 2;
			for (int i = 0; i < n; i++) {
				a[at + i] = Float.float16ToFloat(buf.getShort(p + 2 * i));
			}
		}
		case UINT4 -> {
			short[] a = ((ShortDataset) out).getData();
			for (int i = 0; i < n; i++) {
				int c = c0 + i;
				int b = buf.get(rowStart + c / 2) & 0xff;
				a[at + i] = (short) ((c & 1) == 0 ? b & 0x0f : b >>> 4);
			}
		}
		default -> {
			buf.position(rowStart + c0 * bytes);
			Buffers.decodeInto(dtype, buf, out, at, n);
		}
		}
	}
}
