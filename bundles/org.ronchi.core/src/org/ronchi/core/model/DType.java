package org.ronchi.core.model;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.CompoundIntegerDataset;
import org.eclipse.january.dataset.CompoundShortDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LongDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.eclipse.january.dataset.StringDataset;

/**
 * Element types as stored on disk, named as NumPy names them. January has no unsigned types, so each
 * unsigned type is held in memory in the next wider signed January class ({@link #januaryClass()});
 * the on-disk type is kept here so that exports write it back unchanged.
 */
public enum DType {
	BOOL("bool", "|b1", 1, BooleanDataset.class, false),
	INT8("int8", "|i1", 1, ByteDataset.class, false),
	UINT8("uint8", "|u1", 1, ShortDataset.class, true),
	INT16("int16", "<i2", 2, ShortDataset.class, false),
	UINT16("uint16", "<u2", 2, IntegerDataset.class, true),
	INT32("int32", "<i4", 4, IntegerDataset.class, false),
	UINT32("uint32", "<u4", 4, LongDataset.class, true),
	INT64("int64", "<i8", 8, LongDataset.class, false),
	/** Values of 2^63 and more wrap to negative in memory; exports write the original bits. */
	UINT64("uint64", "<u8", 8, LongDataset.class, true),
	FLOAT32("float32", "<f4", 4, FloatDataset.class, false),
	FLOAT64("float64", "<f8", 8, DoubleDataset.class, false),
	COMPLEX64("complex64", "<c8", 8, ComplexFloatDataset.class, false),
	COMPLEX128("complex128", "<c16", 16, ComplexDoubleDataset.class, false),
	/** Four unsigned bytes per pixel, as DigitalMicrograph stores RGB(A) images. */
	RGBA8("rgba8", "[('R', '|u1'), ('G', '|u1'), ('B', '|u1'), ('A', '|u1')]", 4, CompoundShortDataset.class, true),
	/** Three unsigned bytes per pixel: HyperSpy's rgb8 (a numpy record R, G, B). */
	RGB8("rgb8", "[('R', '|u1'), ('G', '|u1'), ('B', '|u1')]", 3, CompoundShortDataset.class, true),
	/** Three uint16 per pixel: HyperSpy's rgb16. */
	RGB16("rgb16", "[('R', '<u2'), ('G', '<u2'), ('B', '<u2')]", 6, CompoundIntegerDataset.class, true),
	/** Four uint16 per pixel: HyperSpy's rgba16. */
	RGBA16("rgba16", "[('R', '<u2'), ('G', '<u2'), ('B', '<u2'), ('A', '<u2')]", 8, CompoundIntegerDataset.class, true),
	/** Text; size is not fixed. Exports are not supported. */
	STRING("str", "", 0, StringDataset.class, false),
	/** Anything else (HDF5 compound records, opaque, references): described, not read as numbers. */
	OTHER("object", "", 0, null, false);

	private final String numpyName;
	private final String npyDescr;
	private final int itemSize;
	private final Class<? extends Dataset> januaryClass;
	private final boolean unsigned;

	DType(String numpyName, String npyDescr, int itemSize, Class<? extends Dataset> januaryClass, boolean unsigned) {
		this.numpyName = numpyName;
		this.npyDescr = npyDescr;
		this.itemSize = itemSize;
		this.januaryClass = januaryClass;
		this.unsigned = unsigned;
	}

	/** @return the NumPy dtype name, e.g. {@code uint16}, {@code complex64} */
	public String numpyName() {
		return numpyName;
	}

	/** @return the little-endian descr as written into an .npy header */
	public String npyDescr() {
		return npyDescr;
	}

	/** @return bytes per element on disk (0 for variable-size types) */
	public int itemSize() {
		return itemSize;
	}

	/** @return the January class that holds values of this type in memory, or null if none does */
	public Class<? extends Dataset> januaryClass() {
		return januaryClass;
	}

	public boolean isUnsigned() {
		return unsigned;
	}

	public boolean isNumeric() {
		return januaryClass != null && this != STRING;
	}

	public boolean isComplex() {
		return this == COMPLEX64 || this == COMPLEX128;
	}

	/** @return the colour channels of an RGB(A) type (3 or 4), 1 for every other type */
	public int channels() {
		return switch (this) {
		case RGB8, RGB16 -> 3;
		case RGBA8, RGBA16 -> 4;
		default -> 1;
		};
	}

	/**
	 * @return true for the colour types: records of unsigned channels, held in January's compound
	 *         datasets with {@link #channels()} elements per pixel; not numbers to compute with
	 */
	public boolean isRgb() {
		return channels() > 1;
	}

	public boolean isFloat() {
		return this == FLOAT32 || this == FLOAT64;
	}

	/** @return the integer type of the given size and signedness */
	public static DType integer(int bytes, boolean signed) {
		return switch (bytes) {
		case 1 -> signed ? INT8 : UINT8;
		case 2 -> signed ? INT16 : UINT16;
		case 4 -> signed ? INT32 : UINT32;
		case 8 -> signed ? INT64 : UINT64;
		default -> throw new IllegalArgumentException("unsupported integer size: " + bytes + " bytes");
		};
	}

	/** @return the floating-point type of the given size */
	public static DType floating(int bytes) {
		return switch (bytes) {
		case 4 -> FLOAT32;
		case 8 -> FLOAT64;
		default -> throw new IllegalArgumentException("unsupported float size: " + bytes + " bytes");
		};
	}

	/** @return the type with this NumPy name */
	public static DType fromNumpy(String name) {
		for (DType t : values()) {
			if (t.numpyName.equals(name)) {
				return t;
			}
		}
		throw new IllegalArgumentException("unknown dtype: " + name);
	}
}
