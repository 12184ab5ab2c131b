package org.ronchi.core.lazy;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;


/**
 * The records at one position of a point list array (e.g. the Bragg peaks found in one diffraction
 * pattern): {@link #length()} records of a {@link RecordType}, held column by column, floating-point
 * fields as {@code double[]}, integer fields as {@code long[]} (uint64 as its bits). Immutable.
 */
public final class PointList {
	private final RecordType type;
	private final int length;
	private final Object[] columns;

	private PointList(RecordType type, int length, Object[] columns) {
		this.type = type;
		this.length = length;
		this.columns = columns;
	}

	/** @return no records */
	public static PointList empty(RecordType type) {
		return of(type, new Object[type.fields().size()]);
	}

	/**
	 * @param columns one primitive array per field, in field order (any numeric element type, e.g. as an
	 *                HDF5 reader decodes them; null for none), all of the same length
	 */
	public static PointList of(RecordType type, Object... columns) {
		int nf = type.fields().size();
		if (columns.length != nf) {
			throw new IllegalArgumentException(columns.length + " columns for the " + nf + " fields " + type);
		}
		int n = columns[0] == null ? 0 : Array.getLength(columns[0]);
		Object[] cols = new Object[nf];
		for (int f = 0; f < nf; f++) {
			int len = columns[f] == null ? 0 : Array.getLength(columns[f]);
			if (len != n) {
				throw new IllegalArgumentException("field " + type.fields().get(f).name() + " has " + len + " values, the first " + n);
			}
			boolean real = type.fields().get(f).dtype().isFloat();
			double[] d = real ? new double[n] : null;
			long[] l = real ? null : new long[n];
			for (int i = 0; i < n; i++) {
				Number v = (Number) Array.get(columns[f], i);
				if (real) {
					d[i] = v.doubleValue();
				} else {
					l[i] = v.longValue();
				}
			}
			cols[f] = real ? d : l;
		}
		return new PointList(type, n, cols);
	}

	/** Reads n records laid out as {@link RecordType} says from the buffer's position, which advances. */
	public static PointList decode(RecordType type, ByteBuffer in, int n) {
		int size = type.size();
		int nf = type.fields().size();
		Object[] cols = new Object[nf];
		int base = in.position();
		for (int f = 0; f < nf; f++) {
			if (type.fields().get(f).dtype().isFloat()) {
				double[] d = new double[n];
				for (int i = 0; i < n; i++) {
					d[i] = type.getDouble(in, base + i * size, f);
				}
				cols[f] = d;
			} else {
				long[] l = new long[n];
				for (int i = 0; i < n; i++) {
					l[i] = type.getLong(in, base + i * size, f);
				}
				cols[f] = l;
			}
		}
		in.position(base + n * size);
		return new PointList(type, n, cols);
	}

	/** Appends the records, laid out as {@link RecordType} says, at out's position (little-endian), which advances. */
	public void encode(ByteBuffer out) {
		int size = type.size();
		int base = out.position();
		for (int i = 0; i < length; i++) {
			for (int f = 0; f < columns.length; f++) {
				if (columns[f] instanceof double[] d) {
					type.put(out, base + i * size, f, d[i]);
				} else {
					type.putLong(out, base + i * size, f, ((long[]) columns[f])[i]);
				}
			}
		}
		out.position(base + length * size);
	}

	public RecordType type() {
		return type;
	}

	/** @return the number of records */
	public int length() {
		return length;
	}

	public double getDouble(int record, int field) {
		Object c = columns[field];
		return c instanceof double[] d ? d[record] : ((long[]) c)[record];
	}

	public long getLong(int record, int field) {
		Object c = columns[field];
		return c instanceof long[] l ? l[record] : (long) ((double[]) c)[record];
	}

	/** @return a copy of the named field's values as doubles */
	public double[] doubles(String field) {
		int f = field(field);
		double[] out = new double[length];
		for (int i = 0; i < length; i++) {
			out[i] = getDouble(i, f);
		}
		return out;
	}

	private int field(String name) {
		int f = type.index(name);
		if (f < 0) {
			throw new IllegalArgumentException("no field '" + name + "'; the fields are " + type.names());
		}
		return f;
	}

	@Override
	public String toString() {
		return length + " records " + type;
	}
}
