package org.ronchi.hdf5;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.CompoundDataType.CompoundDataMember;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.Reference;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.writer.Datatype;

/**
 * Translates HDF5 datatypes (as jhdf parses them) to Ronchi's {@link DType}: integers, floats, h5py's
 * bool enum, and compound {r, i} pairs of floats, which is how h5py (and numpy) store complex numbers;
 * and to the writer's {@link Datatype}, which describes a stored type whole (record members and
 * offsets, string kinds) for {@link Hdf5Dataset#type()}.
 */
final class HdfTypes {
	private HdfTypes() {
	}

	static DType dtype(DataType t) {
		if (t instanceof FixedPoint f) {
			return DType.integer(f.getSize(), f.isSigned());
		}
		if (t instanceof FloatingPoint f) {
			return f.getSize() == 4 || f.getSize() == 8 ? DType.floating(f.getSize()) : DType.OTHER;
		}
		if (t instanceof BitField b && b.getSize() == 1) {
			return DType.BOOL;
		}
		if (t instanceof EnumDataType e && isBoolEnum(e)) {
			return DType.BOOL;
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
