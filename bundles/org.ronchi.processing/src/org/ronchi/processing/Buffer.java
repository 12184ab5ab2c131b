package org.ronchi.processing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LongDataset;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * The storage of one result buffer, a primitive array in C order so kernels write it in tight loops:
 * float32 and complex64 in {@code float[]} (complex interleaved re, im), float64 and complex128 in
 * {@code double[]}, int64 in {@code long[]}, int32 in {@code int[]}, every other type as raw
 * little-endian bytes in {@code byte[]} (copies of input elements). A partition's NAV buffer holds
 * only that partition's positions.
 */
public final class Buffer {
	private final BufferSpec spec;
	private final long[] shape;
	private final Object data;

	/** Allocates a buffer of this shape, every element set to the spec's fill value. */
	public Buffer(BufferSpec spec, long[] shape) {
		this.spec = spec;
		this.shape = shape.clone();
		long n = Shapes.size(shape) * (spec.dtype().isComplex() ? 2 : 1);
		int len = Math.toIntExact(storage(spec.dtype()) == byte[].class ? n * spec.dtype().itemSize() : n);
		this.data = switch (storageOf(spec.dtype())) {
		case 'f' -> new float[len];
		case 'd' -> new double[len];
		case 'l' -> new long[len];
		case 'i' -> new int[len];
		default -> new byte[len];
		};
		if (spec.fill() != 0) {
			fill(spec.fill());
		}
	}

	/** @return the Java array class that holds dtype in a buffer */
	public static Class<?> storage(DType dtype) {
		return switch (storageOf(dtype)) {
		case 'f' -> float[].class;
		case 'd' -> double[].class;
		case 'l' -> long[].class;
		case 'i' -> int[].class;
		default -> byte[].class;
		};
	}

	private static char storageOf(DType t) {
		return switch (t) {
		case FLOAT32, COMPLEX64 -> 'f';
		case FLOAT64, COMPLEX128 -> 'd';
		case INT64 -> 'l';
		case INT32 -> 'i';
		case STRING, OTHER -> throw new IllegalArgumentException("a buffer cannot hold " + t);
		default -> 'b';
		};
	}

	public BufferSpec spec() {
		return spec;
	}

	public String name() {
		return spec.name();
	}

	public DType dtype() {
		return spec.dtype();
	}

	public long[] shape() {
		return shape.clone();
	}

	/** @return number of elements (complex values count once) */
	public long size() {
		return Shapes.size(shape);
	}

	/** @return elements per navigation position of a NAV buffer (the per-position block size) */
	public int perPosition() {
		return Math.toIntExact(Shapes.size(spec.shape()));
	}

	public float[] floats() {
		return (float[]) as(float[].class);
	}

	public double[] doubles() {
		return (double[]) as(double[].class);
	}

	public long[] longs() {
		return (long[]) as(long[].class);
	}

	public int[] ints() {
		return (int[]) as(int[].class);
	}

	/** @return the raw little-endian bytes of a buffer whose dtype has no primitive array of its own */
	public byte[] bytes() {
		return (byte[]) as(byte[].class);
	}

	/** @return the backing array, whatever its type */
	public Object array() {
		return data;
	}

	private Object as(Class<?> c) {
		if (data.getClass() != c) {
			throw new IllegalStateException("buffer " + spec.name() + " of " + spec.dtype() + " is held in " + data.getClass().getSimpleName()
					+ ", not " + c.getSimpleName());
		}
		return data;
	}

	/** Sets every element (both parts of complex values) to v; raw byte buffers only take 0. */
	public void fill(double v) {
		switch (data) {
		case float[] a -> Arrays.fill(a, (float) v);
		case double[] a -> Arrays.fill(a, v);
		case long[] a -> Arrays.fill(a, (long) v);
		case int[] a -> Arrays.fill(a, (int) v);
		case byte[] a -> {
			if (v != 0) {
				fillRaw(a, v);
			} else {
				Arrays.fill(a, (byte) 0);
			}
		}
		default -> throw new IllegalStateException();
		}
	}

	private void fillRaw(byte[] a, double v) {
		Dataset one = DatasetFactory.createFromObject(spec.dtype().januaryClass(), new double[] { v });
		ByteBuffer b = ByteBuffer.allocate(spec.dtype().itemSize());
		Buffers.encode(spec.dtype(), Buffers.contiguous(spec.dtype(), one), 0, 1, b);
		int item = spec.dtype().itemSize();
		for (int i = 0; i < a.length; i += item) {
			System.arraycopy(b.array(), 0, a, i, item);
		}
	}

	/** Writes elements [from, from+n) as little-endian bytes of the dtype into out. */
	public void encode(long from, long n, ByteBuffer out) {
		out.order(ByteOrder.LITTLE_ENDIAN);
		int f = Math.toIntExact(from);
		int c = Math.toIntExact(n);
		int k = spec.dtype().isComplex() ? 2 : 1;
		switch (data) {
		case float[] a -> out.asFloatBuffer().put(a, f * k, c * k);
		case double[] a -> out.asDoubleBuffer().put(a, f * k, c * k);
		case long[] a -> out.asLongBuffer().put(a, f, c);
		case int[] a -> out.asIntBuffer().put(a, f, c);
		case byte[] a -> out.duplicate().put(a, f * spec.dtype().itemSize(), c * spec.dtype().itemSize());
		default -> throw new IllegalStateException();
		}
		out.position(out.position() + c * spec.dtype().itemSize());
	}

	/** Reads elements [from, from+n) from little-endian bytes of the dtype in in. */
	public void decode(long from, long n, ByteBuffer in) {
		in.order(ByteOrder.LITTLE_ENDIAN);
		int f = Math.toIntExact(from);
		int c = Math.toIntExact(n);
		int k = spec.dtype().isComplex() ? 2 : 1;
		switch (data) {
		case float[] a -> in.asFloatBuffer().get(a, f * k, c * k);
		case double[] a -> in.asDoubleBuffer().get(a, f * k, c * k);
		case long[] a -> in.asLongBuffer().get(a, f, c);
		case int[] a -> in.asIntBuffer().get(a, f, c);
		case byte[] a -> in.duplicate().get(a, f * spec.dtype().itemSize(), c * spec.dtype().itemSize());
		default -> throw new IllegalStateException();
		}
		in.position(in.position() + c * spec.dtype().itemSize());
	}

	/** @return a copy of the buffer as a January dataset of the dtype's in-memory class */
	public Dataset toDataset() {
		int[] s = Shapes.toInt(shape);
		if (data instanceof byte[] a) {
			return Buffers.decode(spec.dtype(), ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN), s);
		}
		Dataset d = DatasetFactory.zeros(spec.dtype().januaryClass(), s);
		Object target = switch (d) {
		case ComplexFloatDataset c -> c.getData();
		case ComplexDoubleDataset c -> c.getData();
		case FloatDataset f -> f.getData();
		case DoubleDataset f -> f.getData();
		case LongDataset f -> f.getData();
		case IntegerDataset f -> f.getData();
		default -> throw new IllegalStateException();
		};
		System.arraycopy(data, 0, target, 0, java.lang.reflect.Array.getLength(data));
		return d;
	}

	@Override
	public String toString() {
		return spec.name() + " " + spec.kind() + " " + spec.dtype().numpyName() + " " + Shapes.format(shape);
	}
}
