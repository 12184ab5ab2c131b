package org.ronchi.hdf5;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.CompoundDataType.CompoundDataMember;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import io.jhdf.object.datatype.Reference;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.writer.Datatype;

/**
 * Translates HDF5 datatypes (as jhdf parses them) to Ronchi's {@link DType} as h5py reads them:
 * integers, IEEE floats of 2, 4 and 8 bytes (half floats held as float32), bit fields and enums as their
 * integers (h5py's bool enum as bool), opaque elements as bytes and fixed-size arrays as their base type
 * (both adding trailing dimensions: {@link Element}), compound {r, i} pairs of floats, which is how h5py
 * (and numpy) store complex numbers, and numpy's RGB(A) records;
 * and to the writer's {@link Datatype}, which describes a stored type whole (record members and
 * offsets, string kinds) for {@link Hdf5Dataset#type()}.
 */
final class HdfTypes {
	private HdfTypes() {
	}

	/**
	 * How a stored element reads in the core model: its {@link DType}, its byte order, and the dimensions
	 * it adds after the dataspace's (a fixed-size array's, an opaque element's bytes), as h5py reads them.
	 */
	record Element(DType dtype, ByteOrder order, int[] trailing) {
		/** @return the element's size in bytes as stored */
		int storedSize() {
			int n = dtype.itemSize();
			for (int d : trailing) {
				n *= d;
			}
			return n;
		}
	}

	private static final int[] SCALAR = new int[0];

	/**
	 * @return the element as the model reads it: integers, IEEE floats of 2, 4 or 8 bytes, bit fields
	 *         (unsigned integers of their size), enums (their integer type; h5py's bool enum as bool),
	 *         opaque elements (their bytes, a trailing dimension), fixed-size arrays (their base element,
	 *         trailing dimensions), complex and RGB(A) records; anything else {@link DType#OTHER} or
	 *         {@link DType#STRING}
	 */
	static Element element(DataType t) {
		if (t instanceof EnumDataType e && isBoolEnum(e)) {
			return new Element(DType.BOOL, ByteOrder.LITTLE_ENDIAN, SCALAR);
		}
		if (t instanceof EnumDataType e) {
			return element(e.getBaseType());
		}
		if (t instanceof ArrayDataType a) {
			Element base = element(a.getBaseType());
			if (!base.dtype().isNumeric() || base.trailing().length > 0) {
				return new Element(DType.OTHER, ByteOrder.LITTLE_ENDIAN, SCALAR);
			}
			return new Element(base.dtype(), base.order(), a.getArrayTypeDimensions().clone());
		}
		if (t instanceof OpaqueDataType o) {
			return new Element(DType.UINT8, ByteOrder.LITTLE_ENDIAN, new int[] { o.getSize() });
		}
		return new Element(dtype(t), order(t), SCALAR);
	}

	static DType dtype(DataType t) {
		if (t instanceof FixedPoint f) {
			return integerOrOther(f.getSize(), f.isSigned());
		}
		if (t instanceof FloatingPoint f) {
			return f.getSize() == 2 || f.getSize() == 4 || f.getSize() == 8 ? DType.floating(f.getSize()) : DType.OTHER;
		}
		if (t instanceof BitField b) {
			return integerOrOther(b.getSize(), false); // h5py reads bit fields as unsigned integers
		}
		if (t instanceof EnumDataType e) {
			return isBoolEnum(e) ? DType.BOOL : dtype(e.getBaseType());
		}
		if (t instanceof CompoundDataType c) {
			DType rgb = rgbOf(c);
			return rgb != null ? rgb : complexOf(c);
		}
		if (t instanceof StringData || t instanceof VariableLength v && isString(v)) {
			return DType.STRING;
		}
		return DType.OTHER;
	}

	/** @return the HDF5 class of t in words, for errors: "HDF5 compound records", "HDF5 time values" */
	static String describe(DataType t) {
		String what;
		if (t instanceof CompoundDataType) {
			what = "compound records";
		} else if (t instanceof VariableLength) {
			what = "variable-length sequences";
		} else if (t instanceof Reference) {
			what = "references";
		} else if (t instanceof FixedPoint || t instanceof FloatingPoint || t instanceof BitField) {
			what = t.getSize() + "-byte numbers";
		} else if (t instanceof ArrayDataType) {
			what = "arrays of non-numeric elements";
		} else {
			what = "elements of datatype class " + t.getDataClass();
		}
		return "HDF5 " + what;
	}

	private static DType integerOrOther(int size, boolean signed) {
		return size == 1 || size == 2 || size == 4 || size == 8 ? DType.integer(size, signed) : DType.OTHER;
	}

	/**
	 * @return the names of an enum's values as "NAME=value, ..." in value order, for an attribute; null for
	 *         other types and h5py's bool
	 */
	static String enumNames(DataType t) {
		DataType e = t instanceof ArrayDataType a ? a.getBaseType() : t;
		if (!(e instanceof EnumDataType en) || isBoolEnum(en)) {
			return null;
		}
		// jhdf 0.13 reads the values little-endian whatever the base type's order: swap big-endian ones back
		boolean swap = order(en.getBaseType()) == ByteOrder.BIG_ENDIAN;
		int size = en.getBaseType().getSize();
		java.util.TreeMap<Long, String> byValue = new java.util.TreeMap<>();
		for (Map.Entry<Integer, String> m : en.getEnumMapping().entrySet()) {
			int v = m.getKey();
			long value = !swap || size == 1 ? v : size == 2 ? Short.reverseBytes((short) v) : Integer.reverseBytes(v);
			byValue.put(value, m.getValue());
		}
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<Long, String> m : byValue.entrySet()) {
			sb.append(sb.length() == 0 ? "" : ", ").append(m.getValue()).append('=').append(m.getKey());
		}
		return sb.toString();
	}

	/** @return the type as the writer describes it, or null when it has no such description */
	static Datatype datatype(DataType t) {
		try {
			if (t instanceof FixedPoint f) {
				return new Datatype.FixedPoint(f.getSize(), f.isSigned());
			}
			if (t instanceof FloatingPoint f) {
				return new Datatype.FloatingPoint(f.getSize());
			}
			if (t instanceof StringData s) {
				return new Datatype.FixedString(s.getSize(), StandardCharsets.UTF_8.equals(s.getCharset()));
			}
			if (t instanceof VariableLength v && isString(v)) {
				return Datatype.VLEN_STRING;
			}
			if (t instanceof VariableLength v) {
				Datatype base = datatype(v.getParent());
				return base == null ? null : new Datatype.VlenSequence(base);
			}
			if (t instanceof Reference r && r.getType() == Reference.ReferenceType.OBJECT) {
				return Datatype.OBJECT_REFERENCE;
			}
			if (t instanceof EnumDataType e) {
				return enumerated(e);
			}
			if (t instanceof CompoundDataType c) {
				return compound(c);
			}
			return null;
		} catch (IllegalArgumentException e) {
			return null; // sizes or layouts the writer does not write (a 3-byte integer, an overlapping member)
		}
	}

	private static Datatype enumerated(EnumDataType e) {
		if (!(datatype(e.getBaseType()) instanceof Datatype.FixedPoint base)) {
			return null;
		}
		List<String> names = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		for (Map.Entry<Integer, String> m : e.getEnumMapping().entrySet()) {
			values.add(m.getKey().longValue());
			names.add(m.getValue());
		}
		return new Datatype.Enumerated(base, names, values);
	}

	private static Datatype compound(CompoundDataType c) {
		List<Datatype.Member> members = new ArrayList<>();
		for (CompoundDataMember m : c.getMembers()) {
			Datatype type = datatype(m.getDataType());
			int[] dims = m.getDimensionSize();
			if (type == null || dims != null && Arrays.stream(dims).reduce(1, (a, b) -> a * b) != 1) {
				return null; // array members have no Datatype
			}
			members.add(new Datatype.Member(m.getName(), m.getOffset(), type));
		}
		return new Datatype.Compound(c.getSize(), members);
	}

	/** @return the byte order of numeric data (little-endian when the type has none) */
	static ByteOrder order(DataType t) {
		if (t instanceof FixedPoint f) {
			return f.getByteOrder();
		}
		if (t instanceof FloatingPoint f) {
			return f.getByteOrder();
		}
		if (t instanceof CompoundDataType c && !c.getMembers().isEmpty()) {
			return order(c.getMembers().get(0).getDataType());
		}
		if (t instanceof EnumDataType e) {
			return order(e.getBaseType());
		}
		if (t instanceof BitField b) {
			return b.getByteOrder();
		}
		if (t instanceof ArrayDataType a) {
			return order(a.getBaseType());
		}
		return ByteOrder.LITTLE_ENDIAN;
	}

	/** @return whether t is h5py's bool: a 1-byte enum {FALSE = 0, TRUE = 1} */
	static boolean isBool(DataType t) {
		return t instanceof EnumDataType e && isBoolEnum(e);
	}

	private static boolean isBoolEnum(EnumDataType e) {
		return e.getSize() == 1 && e.getEnumMapping().size() == 2 && "FALSE".equals(e.getEnumMapping().get(0))
				&& "TRUE".equals(e.getEnumMapping().get(1));
	}

	private static boolean isString(VariableLength v) {
		return v.getJavaType() == String.class;
	}

	/**
	 * @return the colour type of numpy's RGB(A) records (HyperSpy's rgb8, rgba8, rgb16, rgba16): members
	 *         R, G, B (and A) of one unsigned integer type of 1 or 2 bytes, packed in that order; else null
	 */
	private static DType rgbOf(CompoundDataType c) {
		List<CompoundDataMember> m = c.getMembers();
		List<String> names = m.stream().map(CompoundDataMember::getName).toList();
		if (!names.equals(List.of("R", "G", "B")) && !names.equals(List.of("R", "G", "B", "A"))) {
			return null;
		}
		int size = m.get(0).getDataType().getSize();
		for (int i = 0; i < m.size(); i++) {
			if (!(m.get(i).getDataType() instanceof FixedPoint f) || f.isSigned() || f.getSize() != size || m.get(i).getOffset() != i * size) {
				return null;
			}
		}
		if (c.getSize() != m.size() * size || size > 2) {
			return null;
		}
		if (size == 1) {
			return m.size() == 4 ? DType.RGBA8 : DType.RGB8;
		}
		return m.size() == 4 ? DType.RGBA16 : DType.RGB16;
	}

	/** A compound of two equal floats at offsets 0 and size, named like real/imaginary parts. */
	private static DType complexOf(CompoundDataType c) {
		List<CompoundDataMember> m = c.getMembers();
		if (m.size() != 2) {
			return DType.OTHER;
		}
		DataType a = m.get(0).getDataType();
		DataType b = m.get(1).getDataType();
		if (!(a instanceof FloatingPoint) || !(b instanceof FloatingPoint) || a.getSize() != b.getSize()
				|| m.get(0).getOffset() != 0 || m.get(1).getOffset() != a.getSize() || c.getSize() != 2 * a.getSize()) {
			return DType.OTHER;
		}
		String n0 = m.get(0).getName().toLowerCase();
		String n1 = m.get(1).getName().toLowerCase();
		boolean named = (n0.startsWith("r") && n1.startsWith("i")) || (n0.contains("real") && n1.contains("imag"));
		if (!named) {
			return DType.OTHER;
		}
		return a.getSize() == 4 ? DType.COMPLEX64 : a.getSize() == 8 ? DType.COMPLEX128 : DType.OTHER;
	}
}
