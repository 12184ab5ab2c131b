package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.DType;

/**
 * The record of a point list: named, typed fields, stored packed and little-endian in field order (a
 * NumPy structured dtype without padding; the HDF5 compound type emdfile writes for a PointListArray).
 * This class owns that byte layout: {@link PointList#encode} and {@link PointList#decode} follow it.
 *
 * @param fields at least one; names unique
 */
public record RecordType(List<Field> fields) {

	/**
	 * One field.
	 *
	 * @param dtype a real number type (integers of any width, float32, float64)
	 * @param units of the values, "" if none
	 */
	public record Field(String name, DType dtype, String units) {
		public Field {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("a record field needs a name");
			}
			if (!dtype.isNumeric() || dtype.isComplex() || dtype == DType.BOOL || dtype.isRgb()) {
				throw new IllegalArgumentException("record field " + name + ": " + dtype.numpyName() + " is not a real number type");
			}
			units = units == null ? "" : units;
		}

		public static Field of(String name, DType dtype) {
			return new Field(name, dtype, "");
		}
	}

	public RecordType {
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a record type needs at least one field");
		}
		for (int i = 0; i < fields.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (fields.get(i).name().equals(fields.get(j).name())) {
					throw new IllegalArgumentException("record field '" + fields.get(i).name() + "' given twice");
				}
			}
		}
	}

	public static RecordType of(Field... fields) {
		return new RecordType(List.of(fields));
	}

	/** @return bytes per record */
	public int size() {
		int n = 0;
		for (Field f : fields) {
			n += f.dtype().itemSize();
		}
		return n;
	}

	/** @return the byte offset of field i in a record */
	public int offset(int i) {
		int n = 0;
		for (int k = 0; k < i; k++) {
			n += fields.get(k).dtype().itemSize();
		}
		return n;
	}

	/**
	 * Writes field f of the record at byte {@code at} of b (absolute, little-endian): floats rounded to
	 * the field's width, integers truncated to it (unsigned values as their bits).
	 */
	public void put(ByteBuffer b, int at, int f, double v) {
		DType t = fields.get(f).dtype();
		if (t.isFloat()) {
			int p = at + offset(f);
			if (t == DType.FLOAT32) {
				b.order(ByteOrder.LITTLE_ENDIAN).putFloat(p, (float) v);
			} else {
				b.order(ByteOrder.LITTLE_ENDIAN).putDouble(p, v);
			}
		} else {
			putLong(b, at, f, (long) v);
		}
	}

	/** Writes an integer value of field f (a float field takes it as a double). */
	public void putLong(ByteBuffer b, int at, int f, long v) {
		DType t = fields.get(f).dtype();
		int p = at + offset(f);
		b.order(ByteOrder.LITTLE_ENDIAN);
		switch (t) {
		case FLOAT32, FLOAT64 -> put(b, at, f, v);
		case INT8, UINT8 -> b.put(p, (byte) v);
		case INT16, UINT16 -> b.putShort(p, (short) v);
		case INT32, UINT32 -> b.putInt(p, (int) v);
		default -> b.putLong(p, v);
		}
	}

	/** @return field f of the record at byte {@code at} of b, unsigned integers read as unsigned */
	public double getDouble(ByteBuffer b, int at, int f) {
		DType t = fields.get(f).dtype();
		if (t == DType.FLOAT32) {
			return b.order(ByteOrder.LITTLE_ENDIAN).getFloat(at + offset(f));
		}
		return t == DType.FLOAT64 ? b.order(ByteOrder.LITTLE_ENDIAN).getDouble(at + offset(f)) : getLong(b, at, f);
	}

	/** @return an integer field (uint64 as its bits), or a float field truncated */
	public long getLong(ByteBuffer b, int at, int f) {
		int p = at + offset(f);
		b.order(ByteOrder.LITTLE_ENDIAN);
		return switch (fields.get(f).dtype()) {
		case FLOAT32, FLOAT64 -> (long) getDouble(b, at, f);
		case INT8 -> b.get(p);
		case UINT8 -> b.get(p) & 0xffL;
		case INT16 -> b.getShort(p);
		case UINT16 -> b.getShort(p) & 0xffffL;
		case INT32 -> b.getInt(p);
		case UINT32 -> b.getInt(p) & 0xffffffffL;
		default -> b.getLong(p);
		};
	}

	/** @return the index of the named field, or -1 */
	public int index(String name) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	public List<String> names() {
		List<String> out = new ArrayList<>();
		fields.forEach(f -> out.add(f.name()));
		return out;
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder("(");
		for (Field f : fields) {
			sb.append(sb.length() > 1 ? ", " : "").append(f.name()).append(' ').append(f.dtype().numpyName());
		}
		return sb.append(')').toString();
	}
}
