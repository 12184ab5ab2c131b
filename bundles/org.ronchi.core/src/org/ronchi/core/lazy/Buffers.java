package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.CompoundIntegerDataset;
import org.eclipse.january.dataset.CompoundShortDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LongDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.ronchi.core.model.DType;

/**
 * Decodes raw element bytes into January datasets and back. Every binary format reader (HDF5 chunks,
 * DM, MRC, SER, TIFF strips) ends here, so byte order and the widening of unsigned types are handled
 * in one place.
 */
public final class Buffers {
	private Buffers() {
	}

	/** Allocates a dataset of the in-memory class for dtype. */
	public static Dataset allocate(DType dtype, int... shape) {
		if (dtype.isRgb()) {
			return DatasetFactory.zeros(dtype.channels(), dtype.januaryClass(), shape);
		}
		return DatasetFactory.zeros(dtype.januaryClass(), shape);
	}

	/**
	 * Decodes {@code count} elements of dtype from buf (at its position, in its byte order) into a new
	 * dataset of the given shape. The buffer's position is advanced.
	 */
	public static Dataset decode(DType dtype, ByteBuffer buf, int... shape) {
		Dataset d = allocate(dtype, shape);
		decodeInto(dtype, buf, d, 0, (int) Shapes.size(shape));
		return d;
	}

	/**
	 * Decodes n elements from buf into the backing array of target, starting at element index
	 * {@code at}. Target must be of {@link #allocate} class for dtype.
	 */
	public static void decodeInto(DType dtype, ByteBuffer buf, Dataset target, int at, int n) {
		switch (dtype) {
		case BOOL -> {
			boolean[] a = ((BooleanDataset) target).getData();
			for (int i = 0; i < n; i++) {
				a[at + i] = buf.get() != 0;
			}
		}
		case INT8 -> buf.get(((ByteDataset) target).getData(), at, n);
		case UINT8 -> {
			short[] a = ((ShortDataset) target).getData();
			for (int i = 0; i < n; i++) {
				a[at + i] = (short) (buf.get() & 0xff);
			}
		}
		case INT16 -> buf.asShortBuffer().get(((ShortDataset) target).getData(), at, n);
		case UINT16 -> {
			int[] a = ((IntegerDataset) target).getData();
			for (int i = 0; i < n; i++) {
				a[at + i] = buf.getShort(buf.position() + 2 * i) & 0xffff;
			}
		}
		case INT32 -> buf.asIntBuffer().get(((IntegerDataset) target).getData(), at, n);
		case UINT32 -> {
			long[] a = ((LongDataset) target).getData();
			for (int i = 0; i < n; i++) {
				a[at + i] = buf.getInt(buf.position() + 4 * i) & 0xffffffffL;
			}
		}
		case INT64, UINT64 -> buf.asLongBuffer().get(((LongDataset) target).getData(), at, n);
		case FLOAT32 -> buf.asFloatBuffer().get(((FloatDataset) target).getData(), at, n);
		case FLOAT64 -> buf.asDoubleBuffer().get(((DoubleDataset) target).getData(), at, n);
		case COMPLEX64 -> buf.asFloatBuffer().get(((ComplexFloatDataset) target).getData(), 2 * at, 2 * n);
		case COMPLEX128 -> buf.asDoubleBuffer().get(((ComplexDoubleDataset) target).getData(), 2 * at, 2 * n);
		case RGBA8, RGB8 -> {
			short[] a = ((CompoundShortDataset) target).getData();
			int c = dtype.channels();
			for (int i = 0; i < c * n; i++) {
				a[c * at + i] = (short) (buf.get() & 0xff);
			}
		}
		case RGBA16, RGB16 -> {
			int[] a = ((CompoundIntegerDataset) target).getData();
			int c = dtype.channels();
			for (int i = 0; i < c * n; i++) {
				a[c * at + i] = buf.getShort() & 0xffff;
			}
		}
		default -> throw new IllegalArgumentException("cannot decode " + dtype + " as numbers");
		}
		// bulk views above do not move the source buffer: advance it past what was consumed
		switch (dtype) {
		case INT16, UINT16, INT32, UINT32, INT64, UINT64, FLOAT32, FLOAT64, COMPLEX64, COMPLEX128 ->
			buf.position(buf.position() + n * dtype.itemSize());
		default -> {
		}
		}
	}

	/**
	 * Encodes elements of a dataset (of the {@link #allocate} class for dtype) as dtype in little-endian
	 * order, narrowing unsigned types back to their on-disk width.
	 */
	public static void encode(DType dtype, Dataset d, int from, int n, ByteBuffer out) {
		out.order(ByteOrder.LITTLE_ENDIAN);
		switch (dtype) {
		case BOOL -> {
			boolean[] a = ((BooleanDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.put((byte) (a[from + i] ? 1 : 0));
			}
		}
		case INT8 -> out.put(((ByteDataset) d).getData(), from, n);
		case UINT8 -> {
			short[] a = ((ShortDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.put((byte) a[from + i]);
			}
		}
		case INT16 -> {
			short[] a = ((ShortDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putShort(a[from + i]);
			}
		}
		case UINT16 -> {
			int[] a = ((IntegerDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putShort((short) a[from + i]);
			}
		}
		case INT32 -> {
			int[] a = ((IntegerDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putInt(a[from + i]);
			}
		}
		case UINT32 -> {
			long[] a = ((LongDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putInt((int) a[from + i]);
			}
		}
		case INT64, UINT64 -> {
			long[] a = ((LongDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putLong(a[from + i]);
			}
		}
		case FLOAT32 -> {
			float[] a = ((FloatDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putFloat(a[from + i]);
			}
		}
		case FLOAT64 -> {
			double[] a = ((DoubleDataset) d).getData();
			for (int i = 0; i < n; i++) {
				out.putDouble(a[from + i]);
			}
		}
		case COMPLEX64 -> {
			float[] a = ((ComplexFloatDataset) d).getData();
			for (int i = 0; i < 2 * n; i++) {
				out.putFloat(a[2 * from + i]);
			}
		}
		case COMPLEX128 -> {
			double[] a = ((ComplexDoubleDataset) d).getData();
			for (int i = 0; i < 2 * n; i++) {
				out.putDouble(a[2 * from + i]);
			}
		}
		case RGBA8, RGB8 -> {
			short[] a = ((CompoundShortDataset) d).getData();
			int c = dtype.channels();
			for (int i = 0; i < c * n; i++) {
				out.put((byte) a[c * from + i]);
			}
		}
		case RGBA16, RGB16 -> {
			int[] a = ((CompoundIntegerDataset) d).getData();
			int c = dtype.channels();
			for (int i = 0; i < c * n; i++) {
				out.putShort((short) a[c * from + i]);
			}
		}
		default -> throw new IllegalArgumentException("cannot encode " + dtype);
		}
	}

	/**
	 * Reverses the bytes of each element of {@code [from, from + bytes)} of b in place if they are stored
	 * big-endian, so that they read as little-endian ({@link ArraySource#readInto}); complex elements are
	 * swapped per part, colour pixels per channel, bytes are left alone.
	 */
	public static void toLittleEndian(DType dtype, ByteOrder stored, ByteBuffer b, int from, int bytes) {
		int unit = dtype == DType.BOOL || stored == ByteOrder.LITTLE_ENDIAN ? 1
				: dtype.isComplex() ? dtype.itemSize() / 2 : dtype.itemSize() / dtype.channels();
		for (int i = from; unit > 1 && i < from + bytes; i += unit) {
			for (int j = 0; j < unit / 2; j++) {
				byte t = b.get(i + j);
				b.put(i + j, b.get(i + unit - 1 - j));
				b.put(i + unit - 1 - j, t);
			}
		}
	}

	private static final byte[] ZEROS = new byte[64 << 10];

	/** Writes bytes zeros into b from index at (position unchanged): elements never written. */
	static void zero(ByteBuffer b, int at, long bytes) {
		for (long done = 0; done < bytes; done += ZEROS.length) {
			b.put((int) (at + done), ZEROS, 0, (int) Math.min(ZEROS.length, bytes - done));
		}
	}

	/** @return d as a contiguous dataset of dtype's in-memory class (a view is copied only if needed) */
	public static Dataset contiguous(DType dtype, Dataset d) {
		Class<? extends Dataset> clazz = dtype.januaryClass();
		Dataset c = d.getClass() == clazz || clazz.isInstance(d) ? d : d.cast(clazz);
		return c.getStrides() == null && c.getOffset() == 0 ? c : c.clone();
	}
}
