package org.ronchi.io.tia.internal;

import java.nio.file.Path;

import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.DType;

/**
 * The element value types of a SER data element (the {@code DataType} field), as listed in the TIA
 * series file description by C. Boothroyd: codes 1 to 10.
 */
enum SerDataType {
	UINT8(1, DType.UINT8),
	UINT16(2, DType.UINT16),
	UINT32(3, DType.UINT32),
	INT8(4, DType.INT8),
	INT16(5, DType.INT16),
	INT32(6, DType.INT32),
	FLOAT32(7, DType.FLOAT32),
	FLOAT64(8, DType.FLOAT64),
	COMPLEX64(9, DType.COMPLEX64),
	COMPLEX128(10, DType.COMPLEX128);

	private final int code;
	private final DType dtype;

	SerDataType(int code, DType dtype) {
		this.code = code;
		this.dtype = dtype;
	}

	int code() {
		return code;
	}

	DType dtype() {
		return dtype;
	}

	/** @throws UnsupportedFormatException for a code outside 1..10 */
	static SerDataType of(int code, Path file, String where) {
		return switch (code) {
		case 1 -> UINT8;
		case 2 -> UINT16;
		case 3 -> UINT32;
		case 4 -> INT8;
		case 5 -> INT16;
		case 6 -> INT32;
		case 7 -> FLOAT32;
		case 8 -> FLOAT64;
		case 9 -> COMPLEX64;
		case 10 -> COMPLEX128;
		default -> throw new UnsupportedFormatException(file, where, "unsupported SER data type: " + code);
		};
	}
}
