package org.ronchi.io.dm.tags;

import java.util.Arrays;

/**
 * The type of a data tag's value, decoded from its info array (the "encoded type"): a list of codes
 * where 2..12 are simple numbers, 15 a struct, 18 a string and 20 an array, each followed by its
 * parameters. Examples: {@code [7]} a double; {@code [20, 4, 9]} an array of 9 uint16 (a UTF-16
 * string); {@code [15, 0, 2, 0, 6, 0, 6]} a struct of two floats; {@code [20, 15, 0, 2, 0, 6, 0, 6, 8]}
 * an array of 8 such structs. Struct and field name lengths are always 0: DM stores no names there.
 */
public sealed interface TagType permits TagType.Simple, TagType.Text, TagType.Struct, TagType.Array {

	/** @return the bytes the value takes in the file; throws ArithmeticException on overflow */
	long byteSize();

	/** @return the type as a short readable text, e.g. "float32[2048]" */
	String describe();

	/** A number or boolean. */
	record Simple(int code) implements TagType {
		@Override
		public long byteSize() {
			return size(code);
		}

		@Override
		public String describe() {
			return name(code);
		}
	}

	/** A string of 1-byte characters (code 18; rare, DM writes strings as uint16 arrays). */
	record Text(long length) implements TagType {
		@Override
		public long byteSize() {
			return length;
		}

		@Override
		public String describe() {
			return "string[" + length + "]";
		}
	}

	/** A struct of simple fields, e.g. a rectangle or a complex number. */
	record Struct(int[] fieldCodes) implements TagType {
		@Override
		public long byteSize() {
			long n = 0;
			for (int c : fieldCodes) {
				n += size(c);
			}
			return n;
		}

		@Override
		public String describe() {
			return "struct" + Arrays.stream(fieldCodes).mapToObj(TagType::name).toList();
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Struct s && Arrays.equals(fieldCodes, s.fieldCodes);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(fieldCodes);
		}
	}

	/** An array of count elements of one type. */
	record Array(TagType element, long count) implements TagType {
		@Override
		public long byteSize() {
			return Math.multiplyExact(element.byteSize(), count);
		}

		@Override
		public String describe() {
			return element.describe() + "[" + count + "]";
		}
	}

	/** @return bytes of a simple type, or -1 if the code is not one */
	static int size(long code) {
		return switch (code >= 0 && code < 256 ? (int) code : -1) {
		case 2, 4 -> 2; // int16, uint16
		case 3, 5, 6 -> 4; // int32, uint32, float32
		case 7, 11, 12 -> 8; // float64, int64, uint64 (the last two new in DM4)
		case 8, 9, 10 -> 1; // bool, int8 ("char"), uint8 ("octet")
		default -> -1;
		};
	}

	static String name(int code) {
		return switch (code) {
		case 2 -> "int16";
		case 3 -> "int32";
		case 4 -> "uint16";
		case 5 -> "uint32";
		case 6 -> "float32";
		case 7 -> "float64";
		case 8 -> "bool";
		case 9 -> "int8";
		case 10 -> "uint8";
		case 11 -> "int64";
		case 12 -> "uint64";
		default -> "type " + code;
		};
	}

	/**
	 * Decodes an info array.
	 *
	 * @throws IllegalArgumentException with the reason, for the caller to report with file and offset
	 */
	static TagType parse(long[] info) {
		int[] cursor = { 0 };
		TagType t = parse(info, cursor, 0);
		if (cursor[0] != info.length) {
			throw new IllegalArgumentException("info array " + Arrays.toString(info) + " has " + (info.length - cursor[0])
					+ " entries after its type " + t.describe());
		}
		return t;
	}

	private static TagType parse(long[] info, int[] cursor, int depth) {
		if (depth > 8) {
			throw new IllegalArgumentException("info array nests arrays more than 8 deep");
		}
		long code = next(info, cursor);
		switch (code >= 0 && code < 256 ? (int) code : -1) {
		case 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12:
			return new Simple((int) code);
		case 15: {
			next(info, cursor); // struct name length, always 0
			long fields = next(info, cursor);
			if (fields < 0 || fields > (info.length - cursor[0]) / 2) {
				throw new IllegalArgumentException("struct of " + fields + " fields in an info array of " + info.length);
			}
			int[] codes = new int[(int) fields];
			for (int i = 0; i < fields; i++) {
				next(info, cursor); // field name length, always 0
				long c = next(info, cursor);
				if (size(c) < 0) {
					throw new IllegalArgumentException("unsupported struct field type: " + c);
				}
				codes[i] = (int) c;
			}
			return new Struct(codes);
		}
		case 18:
			return new Text(nonNegative(next(info, cursor), "string length"));
		case 20: {
			TagType element = parse(info, cursor, depth + 1);
			long count = nonNegative(next(info, cursor), "array length");
			if (count > 0 && element.byteSize() == 0) {
				throw new IllegalArgumentException("array of " + count + " elements of type " + element.describe() + " that take no bytes");
			}
			return new Array(element, count);
		}
		default:
			throw new IllegalArgumentException("unsupported tag data type: " + code);
		}
	}

	private static long next(long[] info, int[] cursor) {
		if (cursor[0] >= info.length) {
			throw new IllegalArgumentException("info array " + Arrays.toString(info) + " ends early");
		}
		return info[cursor[0]++];
	}

	private static long nonNegative(long v, String what) {
		if (v < 0) {
			throw new IllegalArgumentException(what + " " + v + " is negative");
		}
		return v;
	}
}
