package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LongDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.eclipse.january.dataset.StringDataset;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * A typed, shaped value held in memory: the content of an attribute or of a small dataset. Fixed-size
 * elements are kept as little-endian bytes; variable-length strings, sequences and object references
 * are kept as strings, item bytes and nodes, and encoded at close, when heap and object addresses are known.
 */
public final class Value {
	private final Datatype type;
	private final long[] shape;
	private final ByteBuffer bytes;
	private final String[] strings;
	private final WNode[] targets;
	/** Items of a variable-length sequence, little-endian, each a whole number of base elements. */
	private final byte[][] items;

	private Value(Datatype type, long[] shape, ByteBuffer bytes, String[] strings, WNode[] targets) {
		this(type, shape, bytes, strings, targets, null);
	}

	private Value(Datatype type, long[] shape, ByteBuffer bytes, String[] strings, WNode[] targets, byte[][] items) {
		this.type = type;
		this.shape = shape.clone();
		this.bytes = bytes == null ? null : bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
		this.strings = strings;
		this.targets = targets;
		this.items = items;
		long n = Shapes.size(shape);
		long have;
		if (bytes != null) {
			have = bytes.remaining() / type.size();
		} else if (strings != null) {
			have = strings.length;
		} else if (items != null) {
			have = items.length;
		} else {
			have = targets.length;
		}
		if (bytes != null && bytes.remaining() % type.size() != 0 || have != n) {
			throw new IllegalArgumentException("shape " + Shapes.format(shape) + " needs " + n + " elements, got " + have);
		}
	}

	/**
	 * Infers the type: String (variable-length UTF-8, as h5py writes str), String[], Boolean (h5py's
	 * bool enum), Byte/Short/Integer/Long (signed), Float/Double, their primitive arrays (1-D), a January
	 * {@link Dataset} (N-D; signed integers, use {@link #of(Dataset, DType)} for unsigned), a
	 * {@link WNode} or WNode[] (object references), or a Value (returned as is).
	 */
	public static Value of(Object o) {
		return switch (o) {
		case Value v -> v;
		case WNode n -> ref(n);
		case WNode[] n -> refs(n);
		case String s -> string(s);
		case String[] s -> strings(new long[] { s.length }, s);
		case Boolean b -> scalar(DType.BOOL, b ? 1 : 0);
		case Byte b -> scalar(DType.INT8, b);
		case Short s -> scalar(DType.INT16, s);
		case Integer i -> scalar(DType.INT32, i);
		case Long l -> scalar(DType.INT64, l);
		case Float f -> scalar(DType.FLOAT32, f);
		case Double d -> scalar(DType.FLOAT64, d);
		case boolean[] a -> array(DType.BOOL, a);
		case byte[] a -> array(DType.INT8, a);
		case short[] a -> array(DType.INT16, a);
		case int[] a -> array(DType.INT32, a);
		case long[] a -> array(DType.INT64, a);
		case float[] a -> array(DType.FLOAT32, a);
		case double[] a -> array(DType.FLOAT64, a);
		case StringDataset d -> strings(Shapes.toLong(d.getShapeRef()), d.clone().getData());
		case Dataset d -> of(d, dtypeOf(d));
		case null -> throw new IllegalArgumentException("null value");
		default -> throw new IllegalArgumentException("cannot store a " + o.getClass().getName() + " in HDF5");
		};
	}

	/** A scalar of a numeric dtype, e.g. {@code scalar(DType.UINT32, 4_000_000_000L)}. */
	public static Value scalar(DType dtype, Number v) {
		Dataset d = dtype.isComplex() || dtype.isFloat() ? DatasetFactory.createFromObject(v.doubleValue())
				: DatasetFactory.createFromObject(v.longValue());
		return numeric(dtype, new long[0], d);
	}

	/** A 1-D array of a numeric dtype from a Java primitive array, converted element by element. */
	public static Value array(DType dtype, Object javaArray) {
		Dataset d = DatasetFactory.createFromObject(javaArray);
		return numeric(dtype, new long[] { d.getSize() }, d);
	}

	/** An N-D array of a numeric dtype from a January dataset, converted as January casts. */
	public static Value of(Dataset d, DType dtype) {
		return numeric(dtype, Shapes.toLong(d.getShapeRef()), d);
	}

	/** A scalar variable-length UTF-8 string. */
	public static Value string(String s) {
		return new Value(Datatype.VLEN_STRING, new long[0], null, new String[] { s }, null);
	}

	/** Variable-length UTF-8 strings of the given shape (C order). */
	public static Value strings(long[] shape, String... s) {
		return new Value(Datatype.VLEN_STRING, shape, null, s.clone(), null);
	}

	/** Fixed-length strings, NUL-padded to the longest (h5py reads them as bytes); 1-D, or scalar for one. */
	public static Value fixedStrings(String... s) {
		byte[][] enc = new byte[s.length][];
		int size = 1;
		boolean utf8 = false;
		for (int i = 0; i < s.length; i++) {
			enc[i] = s[i].getBytes(StandardCharsets.UTF_8);
			size = Math.max(size, enc[i].length);
			utf8 |= enc[i].length != s[i].length();
		}
		ByteBuffer b = ByteBuffer.allocate(size * s.length);
		for (int i = 0; i < s.length; i++) {
			b.put(i * size, enc[i]);
		}
		long[] shape = s.length == 1 ? new long[0] : new long[] { s.length };
		return new Value(new Datatype.FixedString(size, utf8), shape, b, null, null);
	}

	/** A scalar object reference, resolved at close (the target may be created after this call). */
	public static Value ref(WNode target) {
		return refs(new long[0], target);
	}

	/** A 1-D array of object references. */
	public static Value refs(WNode... targets) {
		return refs(new long[] { targets.length }, targets);
	}

	/** Object references of the given shape. */
	public static Value refs(long[] shape, WNode... targets) {
		for (WNode t : targets) {
			if (t == null) {
				throw new IllegalArgumentException("null reference target");
			}
		}
		return new Value(Datatype.OBJECT_REFERENCE, shape, null, null, targets.clone());
	}

	/** A 1-D array of variable-length sequences; see {@link #sequences(Datatype, long[], List)}. */
	public static Value sequences(Datatype base, List<?> items) {
		return sequences(base, new long[] { items.size() }, items);
	}

	/**
	 * Variable-length sequences of the given shape (C order), each item a list of elements of base
	 * (h5py: an object array of 1-D arrays). An item is a ByteBuffer of little-endian elements (records
	 * of a {@link Datatype.Compound}, say) or a 1-D January {@link Dataset} when base is the type of a
	 * numeric dtype ({@link Datatype#of(DType)}); the items are copied now (held in memory until close)
	 * and go to the global heap at close.
	 */
	public static Value sequences(Datatype base, long[] shape, List<?> items) {
		Datatype.VlenSequence type = new Datatype.VlenSequence(base);
		byte[][] b = new byte[items.size()][];
		for (int i = 0; i < b.length; i++) {
			b[i] = switch (items.get(i)) {
			case ByteBuffer buf -> {
				if (buf.remaining() % base.size() != 0) {
					throw new IllegalArgumentException("sequence item " + i + ": " + buf.remaining() + " bytes is not a whole number of "
							+ base.size() + "-byte elements");
				}
				byte[] copy = new byte[buf.remaining()];
				buf.duplicate().get(copy);
				yield copy;
			}
			case Dataset d -> numericBytes(dtypeFor(base), d);
			case null -> throw new IllegalArgumentException("sequence item " + i + " is null");
			default -> throw new IllegalArgumentException("sequence item " + i + ": cannot store a " + items.get(i).getClass().getName());
			};
		}
		return new Value(type, shape, null, null, null, b);
	}

	/** @return the numeric dtype whose file type is t */
	private static DType dtypeFor(Datatype t) {
		for (DType d : DType.values()) {
			if (d != DType.OTHER && d != DType.STRING && Datatype.of(d).equals(t)) {
				return d;
			}
		}
		throw new IllegalArgumentException("January datasets hold no " + t + ": give the items as ByteBuffers");
	}

	private static byte[] numericBytes(DType dtype, Dataset d) {
		Dataset c = Buffers.contiguous(dtype, d);
		ByteBuffer b = ByteBuffer.allocate(c.getSize() * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
		Buffers.encode(dtype, c, 0, c.getSize(), b);
		return b.array();
	}

	/** Elements of any fixed-size type (records, enums...) as little-endian bytes, C order. */
	public static Value raw(Datatype type, long[] shape, ByteBuffer littleEndian) {
		if (!Datatype.isFixed(type)) {
			throw new IllegalArgumentException(type + " values are built with strings(), sequences() or refs()");
		}
		ByteBuffer copy = ByteBuffer.allocate(littleEndian.remaining()).put(littleEndian.duplicate()).flip();
		return new Value(type, shape, copy, null, null);
	}

	private static Value numeric(DType dtype, long[] shape, Dataset d) {
		if (!dtype.isNumeric() && !dtype.isRgb()) {
			throw new IllegalArgumentException("not a numeric dtype: " + dtype);
		}
		return new Value(Datatype.of(dtype), shape, ByteBuffer.wrap(numericBytes(dtype, d)), null, null);
	}

	private static DType dtypeOf(Dataset d) {
		return switch (d) {
		case BooleanDataset x -> DType.BOOL;
		case ByteDataset x -> DType.INT8;
		case ShortDataset x -> DType.INT16;
		case IntegerDataset x -> DType.INT32;
		case LongDataset x -> DType.INT64;
		case FloatDataset x -> DType.FLOAT32;
		case DoubleDataset x -> DType.FLOAT64;
		case ComplexFloatDataset x -> DType.COMPLEX64;
		case ComplexDoubleDataset x -> DType.COMPLEX128;
		default -> throw new IllegalArgumentException("cannot store a " + d.getClass().getSimpleName() + " in HDF5");
		};
	}

	public Datatype type() {
		return type;
	}

	public long[] shape() {
		return shape.clone();
	}

	long[] shapeRef() {
		return shape;
	}

	/** @return the encoded size in bytes */
	long byteSize() {
		return Shapes.size(shape) * type.size();
	}

	/** Puts the strings or sequence items into the global heap; @return where they went, or null if none */
	GlobalHeap.Ids addTo(GlobalHeap heap) {
		if (strings != null) {
			return heap.add(strings);
		}
		if (items == null) {
			return null;
		}
		int[] counts = new int[items.length];
		byte[][] objects = new byte[items.length][];
		int base = ((Datatype.VlenSequence) type).base().size();
		for (int i = 0; i < items.length; i++) {
			counts[i] = items[i].length / base;
			objects[i] = counts[i] == 0 ? null : items[i]; // empty: no heap object, as libhdf5 writes
		}
		return heap.add(objects, counts);
	}

	/** @return true if the bytes depend on addresses known only at close (heap objects, references) */
	boolean isResolvedAtClose() {
		return strings != null || items != null || targets != null;
	}

	/** @return the reference targets, or null */
	WNode[] targets() {
		return targets;
	}

	/** Writes the elements; ids must come from the global heap when this holds strings. */
	void encode(ByteBuffer out, GlobalHeap.Ids ids) {
		if (bytes != null) {
			out.put(bytes.duplicate());
		} else if (strings != null || items != null) {
			ids.encode(out);
		} else {
			for (WNode t : targets) {
				out.putLong(t.headerAddress());
			}
		}
	}

	@Override
	public String toString() {
		String what;
		if (strings != null) {
			what = Arrays.toString(strings);
		} else if (targets != null) {
			what = Arrays.toString(targets);
		} else if (items != null) {
			what = items.length + " sequences";
		} else {
			what = byteSize() + " bytes";
		}
		return type + " " + Shapes.format(shape) + " " + what;
	}
}
