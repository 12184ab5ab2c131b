package org.ronchi.io.dm.image;

import org.ronchi.core.model.DType;

/**
 * DM's image data types (ImageData/DataType), with the element type Ronchi presents and how the bytes
 * are laid out. Types 8 and 23 are RGB(A) as a little-endian uint32 per pixel (bytes B, G, R, A);
 * 5, 27 and 28 are the packed complex formats DM uses for FFTs, unpacked to full complex arrays.
 */
public enum ImageDataType {
	INT16(1, DType.INT16, Layout.PLAIN),
	FLOAT32(2, DType.FLOAT32, Layout.PLAIN),
	COMPLEX64(3, DType.COMPLEX64, Layout.PLAIN),
	/** 2N x 2N float32 values holding half of a conjugate-symmetric FFT (DM's original packing). */
	PACKED_COMPLEX_SQUARE(5, DType.COMPLEX64, Layout.PACKED_SQUARE),
	UINT8(6, DType.UINT8, Layout.PLAIN),
	INT32(7, DType.INT32, Layout.PLAIN),
	RGB(8, DType.RGBA8, Layout.RGBA),
	INT8(9, DType.INT8, Layout.PLAIN),
	UINT16(10, DType.UINT16, Layout.PLAIN),
	UINT32(11, DType.UINT32, Layout.PLAIN),
	FLOAT64(12, DType.FLOAT64, Layout.PLAIN),
	COMPLEX128(13, DType.COMPLEX128, Layout.PLAIN),
	BOOL(14, DType.BOOL, Layout.PLAIN),
	RGBA(23, DType.RGBA8, Layout.RGBA),
	/** Rows of nx/2 + 1 complex64 values, the non-redundant half of each FFT row. */
	PACKED_COMPLEX64(27, DType.COMPLEX64, Layout.PACKED_HALF),
	/** As {@link #PACKED_COMPLEX64} with complex128 values. */
	PACKED_COMPLEX128(28, DType.COMPLEX128, Layout.PACKED_HALF);

	/** How the pixels are stored. */
	public enum Layout {
		/** One element of the presented type per pixel. */
		PLAIN,
		/** One uint32 per pixel, reordered to R, G, B, A. */
		RGBA,
		/** Half rows of complex values; see {@link PackedHalfSource}. */
		PACKED_HALF,
		/** A square of float32 holding a packed FFT; see {@link PackedSquareSource}. */
		PACKED_SQUARE
	}

	private final int code;
	private final DType dtype;
	private final Layout layout;

	ImageDataType(int code, DType dtype, Layout layout) {
		this.code = code;
		this.dtype = dtype;
		this.layout = layout;
	}

	public int code() {
		return code;
	}

	/** @return the element type of the presented (unpacked) array */
	public DType dtype() {
		return dtype;
	}

	public Layout layout() {
		return layout;
	}

	/** @return bytes per stored element: one float32 per pixel for type 5, else the element size */
	public int storedItemSize() {
		return layout == Layout.PACKED_SQUARE ? 4 : dtype.itemSize();
	}

	/**
	 * @throws IllegalArgumentException "unsupported image data type: N" for codes DM defines but this reader
	 *         does not read (0 null, 4 obsolete, 15..22 and 24..26 RGB variants) and for anything else
	 */
	public static ImageDataType of(long code) {
		return switch (code >= 0 && code < 256 ? (int) code : -1) {
		case 1 -> INT16;
		case 2 -> FLOAT32;
		case 3 -> COMPLEX64;
		case 5 -> PACKED_COMPLEX_SQUARE;
		case 6 -> UINT8;
		case 7 -> INT32;
		case 8 -> RGB;
		case 9 -> INT8;
		case 10 -> UINT16;
		case 11 -> UINT32;
		case 12 -> FLOAT64;
		case 13 -> COMPLEX128;
		case 14 -> BOOL;
		case 23 -> RGBA;
		case 27 -> PACKED_COMPLEX64;
		case 28 -> PACKED_COMPLEX128;
		default -> throw new IllegalArgumentException("unsupported image data type: " + code);
		};
	}
}
