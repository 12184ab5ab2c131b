package org.ronchi.io.tiff.format;

/**
 * IFD entry field types (TIFF 6.0 section 2 "IFD Entry" and section 12; BigTIFF adds LONG8, SLONG8, IFD8),
 * with their size in bytes.
 */
public enum FieldType {
	BYTE(1, 1), ASCII(2, 1), SHORT(3, 2), LONG(4, 4), RATIONAL(5, 8), SBYTE(6, 1), UNDEFINED(7, 1), SSHORT(8, 2),
	SLONG(9, 4), SRATIONAL(10, 8), FLOAT(11, 4), DOUBLE(12, 8), IFD(13, 4), LONG8(16, 8), SLONG8(17, 8), IFD8(18, 8);

	private final int code;
	private final int size;

	FieldType(int code, int size) {
		this.code = code;
		this.size = size;
	}

	public int code() {
		return code;
	}

	/** @return bytes per value */
	public int size() {
		return size;
	}

	public boolean isInteger() {
		return switch (this) {
		case BYTE, SHORT, LONG, SBYTE, SSHORT, SLONG, IFD, LONG8, SLONG8, IFD8, UNDEFINED -> true;
		default -> false;
		};
	}

	/**
	 * @return the type with this code, or null: the specification tells readers to skip fields of an
	 *         unexpected type rather than fail, so unknown types are not an error here
	 */
	public static FieldType of(int code) {
		for (FieldType t : values()) {
			if (t.code == code) {
				return t;
			}
		}
		return null;
	}
}
