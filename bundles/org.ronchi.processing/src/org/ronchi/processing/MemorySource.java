package org.ronchi.processing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * An array held in memory as raw little-endian elements, as an {@link ArraySource}: data computed in
 * the UI or by the demo, and test inputs with any chunk shape. Reads copy (through the core layout
 * reader, as files are read); the bytes are never changed.
 */
public final class MemorySource implements ArraySource {
	private final DType dtype;
	private final long[] shape;
	private final int[] chunk;
	private final ByteSource bytes;
	private final Layout layout;

	/**
	 * @param littleEndian the elements in C order (its position to its limit)
	 * @param chunk the chunk shape to report, or null
	 */
	public MemorySource(DType dtype, long[] shape, ByteBuffer littleEndian, int[] chunk) {
		if (littleEndian.remaining() != Shapes.size(shape) * dtype.itemSize()) {
			throw new IllegalArgumentException("shape " + Shapes.format(shape) + " of " + dtype.numpyName() + " needs "
					+ Shapes.size(shape) * dtype.itemSize() + " bytes, got " + littleEndian.remaining());
		}
		this.dtype = dtype;
		this.shape = shape.clone();
		this.chunk = chunk == null ? null : chunk.clone();
		this.bytes = ByteSource.of(Path.of("memory"), littleEndian);
		this.layout = Layout.of(dtype, ByteOrder.LITTLE_ENDIAN, 0, shape);
	}

	/** A source holding a January dataset's values as dtype (converted as January casts). */
	public static MemorySource of(Dataset d, DType dtype, int[] chunk) {
		Dataset c = Buffers.contiguous(dtype, d);
		ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(c.getSize(), dtype.itemSize())).order(ByteOrder.LITTLE_ENDIAN);
		Buffers.encode(dtype, c, 0, c.getSize(), b);
		return new MemorySource(dtype, Shapes.toLong(d.getShapeRef()), b.flip(), chunk);
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		return chunk == null ? null : chunk.clone();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(Shapes.size(count) * dtype.itemSize())).order(ByteOrder.LITTLE_ENDIAN);
		readInto(start, count, b);
		b.flip();
		return Buffers.decode(dtype, b, count);
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		layout.readInto(bytes, start, count, target);
	}
}
