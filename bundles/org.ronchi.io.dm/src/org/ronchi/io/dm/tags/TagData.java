package org.ronchi.io.dm.tags;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a tag value into the Java value kept in the metadata tree: a boxed number for a
 * simple type, a String for uint16 arrays (DM stores text as UTF-16) and for code 18 strings, a
 * primitive array for other simple arrays (unsigned types widened: uint8 to short[], uint32 to long[]),
 * a primitive array for a struct whose fields share one type, and a List otherwise.
 */
final class TagData {
	private TagData() {
	}

	static Object decode(TagType type, ByteBuffer b) {
		return switch (type) {
		case TagType.Simple s -> simple(s.code(), b);
		case TagType.Text t -> text(b, (int) t.length());
		case TagType.Struct s -> struct(s.fieldCodes(), b);
		case TagType.Array a -> array(a, b);
		};
	}

	private static Object simple(int code, ByteBuffer b) {
		return switch (code) {
		case 2 -> b.getShort();
		case 3 -> b.getInt();
		case 4 -> b.getShort() & 0xffff;
		case 5 -> b.getInt() & 0xffffffffL;
		case 6 -> b.getFloat();
		case 7 -> b.getDouble();
		case 8 -> b.get() != 0;
		case 9 -> b.get();
		case 10 -> (short) (b.get() & 0xff);
		case 11, 12 -> b.getLong();
		default -> throw new IllegalArgumentException("unsupported tag data type: " + code);
		};
	}

	private static Object struct(int[] codes, ByteBuffer b) {
		boolean uniform = codes.length > 0;
		for (int c : codes) {
			uniform &= c == codes[0];
		}
		if (uniform) {
			return simpleArray(codes[0], codes.length, b);
		}
		List<Object> fields = new ArrayList<>(codes.length);
		for (int c : codes) {
			fields.add(simple(c, b));
		}
		return fields;
	}

	private static Object array(TagType.Array a, ByteBuffer b) {
		int n = Math.toIntExact(a.count());
		if (a.element() instanceof TagType.Simple s) {
			return s.code() == 4 ? utf16(b, n) : simpleArray(s.code(), n, b);
		}
		List<Object> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(decode(a.element(), b));
		}
		return out;
	}

	private static Object simpleArray(int code, int n, ByteBuffer b) {
		switch (code) {
		case 2: {
			short[] v = new short[n];
			b.asShortBuffer().get(v);
			b.position(b.position() + 2 * n);
			return v;
		}
		case 3: {
			int[] v = new int[n];
			b.asIntBuffer().get(v);
			b.position(b.position() + 4 * n);
			return v;
		}
		case 4: {
			int[] v = new int[n];
			for (int i = 0; i < n; i++) {
				v[i] = b.getShort() & 0xffff;
			}
			return v;
		}
		case 5: {
			long[] v = new long[n];
			for (int i = 0; i < n; i++) {
				v[i] = b.getInt() & 0xffffffffL;
			}
			return v;
		}
		case 6: {
			float[] v = new float[n];
			b.asFloatBuffer().get(v);
			b.position(b.position() + 4 * n);
			return v;
		}
		case 7: {
			double[] v = new double[n];
			b.asDoubleBuffer().get(v);
			b.position(b.position() + 8 * n);
			return v;
		}
		case 8: {
			boolean[] v = new boolean[n];
			for (int i = 0; i < n; i++) {
				v[i] = b.get() != 0;
			}
			return v;
		}
		case 9: {
			byte[] v = new byte[n];
			b.get(v);
			return v;
		}
		case 10: {
			short[] v = new short[n];
			for (int i = 0; i < n; i++) {
				v[i] = (short) (b.get() & 0xff);
			}
			return v;
		}
		case 11, 12: {
			long[] v = new long[n];
			b.asLongBuffer().get(v);
			b.position(b.position() + 8 * n);
			return v;
		}
		default:
			throw new IllegalArgumentException("unsupported tag data type: " + code);
		}
	}

	/** DM text: UTF-16 code units in the file's value byte order, kept verbatim. */
	private static String utf16(ByteBuffer b, int n) {
		byte[] raw = new byte[2 * n];
		b.get(raw);
		return new String(raw, b.order() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
	}

	private static String text(ByteBuffer b, int n) {
		byte[] raw = new byte[n];
		b.get(raw);
		return TagEntry.decodeName(raw);
	}
}
