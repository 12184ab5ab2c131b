package org.ronchi.processing.internal;

import java.nio.ByteBuffer;

import org.ronchi.core.model.DType;

/** Raw little-endian frame elements to float or double, unsigned types as unsigned; bulk copies first so loops vectorise. */
final class FrameConvert {
	private FrameConvert() {
	}

	static void toFloats(DType t, ByteBuffer b, int n, float[] out, short[] shorts) {
		switch (t) {
		case FLOAT32 -> b.asFloatBuffer().get(out, 0, n);
		case COMPLEX64 -> b.asFloatBuffer().get(out, 0, 2 * n);
		case UINT16 -> {
			b.asShortBuffer().get(shorts, 0, n);
			for (int i = 0; i < n; i++) {
				out[i] = shorts[i] & 0xffff;
			}
		}
		case INT16 -> {
			b.asShortBuffer().get(shorts, 0, n);
			for (int i = 0; i < n; i++) {
				out[i] = shorts[i];
			}
		}
		case COMPLEX128 -> {
			for (int i = 0; i < 2 * n; i++) {
				out[i] = (float) b.getDouble(b.position() + 8 * i);
			}
		}
		default -> {
			for (int i = 0; i < n; i++) {
				out[i] = (float) value(t, b, i);
			}
		}
		}
	}

	static void toDoubles(DType t, ByteBuffer b, int n, double[] out, short[] shorts) {
		switch (t) {
		case FLOAT64 -> b.asDoubleBuffer().get(out, 0, n);
		case COMPLEX128 -> b.asDoubleBuffer().get(out, 0, 2 * n);
		case UINT16 -> {
			b.asShortBuffer().get(shorts, 0, n);
			for (int i = 0; i < n; i++) {
				out[i] = shorts[i] & 0xffff;
			}
		}
		case COMPLEX64 -> {
			for (int i = 0; i < 2 * n; i++) {
				out[i] = b.getFloat(b.position() + 4 * i);
			}
		}
		default -> {
			for (int i = 0; i < n; i++) {
				out[i] = value(t, b, i);
			}
		}
		}
	}

	/** @return element i (absolute from the buffer's position) as double */
	static double value(DType t, ByteBuffer b, int i) {
		int p = b.position();
		return switch (t) {
		case BOOL, UINT8 -> b.get(p + i) & 0xff;
		case INT8 -> b.get(p + i);
		case INT16 -> b.getShort(p + 2 * i);
		case UINT16 -> b.getShort(p + 2 * i) & 0xffff;
		case INT32 -> b.getInt(p + 4 * i);
		case UINT32 -> b.getInt(p + 4 * i) & 0xffffffffL;
		case INT64 -> b.getLong(p + 8 * i);
		case UINT64 -> {
			long v = b.getLong(p + 8 * i);
			yield v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
		}
		case FLOAT16 -> Float.float16ToFloat(b.getShort(p + 2 * i));
		case FLOAT32 -> b.getFloat(p + 4 * i);
		case FLOAT64 -> b.getDouble(p + 8 * i);
		default -> throw new IllegalArgumentException("cannot convert " + t + " element by element");
		};
	}
}
