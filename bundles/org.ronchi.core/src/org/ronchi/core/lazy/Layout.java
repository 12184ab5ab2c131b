package org.ronchi.core.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.model.DType;

/**
 * Where the elements of an array are in a {@link ByteSource}: element type and byte order, shape, and
 * for each dimension the distance in bytes between neighbours (negative for data stored in reverse,
 * such as images stored bottom row first). Element {@code i} is at
 * {@code offset + sum(i[d] * strides[d])}. Per-frame headers and footers are strides too: frames of
 * {@code h x w} pixels each preceded by a 384-byte header are {@link #frames} with a frame stride of
 * {@code 384 + h * w * item}.
 * <p>
 * Frames that are not evenly spaced (found through an offset table, some missing) are placed one by one:
 * {@link #framesAt} gives the position of each frame of the leading dimensions, -1 for a frame that does
 * not exist (its elements read as {@link #missing the fill value}). Frames in several files are read
 * through {@link ByteSource#concat}.
 * <p>
 * A layout only describes; {@link #read} and {@link #readInto} are the one run reader every binary format
 * reads through (see {@link LayoutReader}): the box is cut into runs ({@link BoxRuns}), runs adjacent or
 * close in the file are fetched with one positional read, big boxes are read in pieces in parallel, and
 * {@link #readInto} reads straight into the caller's buffer. Immutable: {@link #framesAt}, {@link #flip},
 * {@link #named} and {@link #missing} return a changed copy.
 */
public final class Layout {
	private final DType dtype;
	private final ByteOrder order;
	private final long[] shape;
	private final long[] strides;
	private final long offset;
	private final int frameRank;
	private final LongUnaryOperator frames;
	private final LongFunction<String> names;
	private final double fill;

	private Layout(DType dtype, ByteOrder order, long[] shape, long[] strides, long offset, int frameRank, LongUnaryOperator frames,
			LongFunction<String> names, double fill) {
		if (dtype.itemSize() <= 0) {
			throw new IllegalArgumentException(dtype + " has no fixed element size");
		}
		if (shape.length != strides.length) {
			throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " with strides " + Arrays.toString(strides));
		}
		for (long n : shape) {
			if (n < 0) {
				throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
			}
		}
		this.dtype = dtype;
		this.order = order;
		this.shape = shape;
		this.strides = strides;
		this.offset = offset;
		this.frameRank = frameRank;
		this.frames = frames;
		this.names = names;
		this.fill = fill;
	}

	/** @return an array stored in C order from offset, elements one after the other */
	public static Layout of(DType dtype, ByteOrder order, long offset, long... shape) {
		long[] s = Shapes.strides(shape);
		for (int d = 0; d < s.length; d++) {
			s[d] = Math.multiplyExact(s[d], (long) dtype.itemSize());
		}
		return strided(dtype, order, offset, shape, s);
	}

	/** @return an array with element {@code i} at {@code offset + sum(i[d] * strides[d])} (strides in bytes) */
	public static Layout strided(DType dtype, ByteOrder order, long offset, long[] shape, long[] strides) {
		return new Layout(dtype, order, shape.clone(), strides.clone(), offset, 0, null, d -> "data", 0);
	}

	/**
	 * @param offset where the first frame's header starts
	 * @param nav    the shape frames are arranged in (C order: frame k is the k-th stored)
	 * @param frame  the shape of one frame (C order)
	 * @param header bytes before each frame's elements
	 * @param footer bytes after each frame's elements
	 * @return frames stored one after the other, each between a header and a footer; errors name the frame
	 */
	public static Layout frames(DType dtype, ByteOrder order, long offset, long[] nav, long[] frame, long header, long footer) {
		Layout f = of(dtype, order, 0, frame);
		long frameStride = Math.addExact(Math.addExact(header, footer), Math.multiplyExact(Shapes.size(frame), (long) dtype.itemSize()));
		long[] shape = new long[nav.length + frame.length];
		long[] strides = new long[shape.length];
		long[] navStrides = Shapes.strides(nav);
		for (int d = 0; d < nav.length; d++) {
			shape[d] = nav[d];
			strides[d] = Math.multiplyExact(navStrides[d], frameStride);
		}
		System.arraycopy(frame, 0, shape, nav.length, frame.length);
		System.arraycopy(f.strides, 0, strides, nav.length, frame.length);
		return new Layout(dtype, order, shape, strides, Math.addExact(offset, header), nav.length, null, i -> "frame " + i, 0);
	}

	/**
	 * @param rank   how many leading dimensions index frames
	 * @param origin for frame k (C order over those dimensions), where its element 0 is relative to
	 *               {@link #offset()}, or -1 if the frame does not exist; called once per frame a read
	 *               touches (it may read and check a frame header), from several threads at once
	 * @return this layout with its leading dimensions placed frame by frame; the strides of those
	 *         dimensions no longer matter
	 */
	public Layout framesAt(int rank, LongUnaryOperator origin) {
		if (rank < 1 || rank > shape.length) {
			throw new IllegalArgumentException(rank + " frame dimensions of " + shape.length);
		}
		long[] s = strides.clone();
		Arrays.fill(s, 0, rank, 0);
		return new Layout(dtype, order, shape, s, offset, rank, origin, names, fill);
	}

	/** @return this layout with dimension d read in reverse (index 0 is the last stored) */
	public Layout flip(int d) {
		if (d < frameRank && frames != null) {
			throw new IllegalArgumentException("dimension " + d + " is placed frame by frame and cannot be flipped");
		}
		long[] s = strides.clone();
		s[d] = -s[d];
		long o = shape[d] == 0 ? offset : Math.addExact(offset, Math.multiplyExact(shape[d] - 1, strides[d]));
		return new Layout(dtype, order, shape, s, o, frameRank, frames, names, fill);
	}

	/** @return this layout with errors naming the structure read ("image data", "MRC data") */
	public Layout named(String structure) {
		return named(k -> structure);
	}

	/** @return this layout with errors naming the frame read ("SER data element 3") */
	public Layout named(LongFunction<String> frameName) {
		return new Layout(dtype, order, shape, strides, offset, frameRank, frames, frameName, fill);
	}

	/** @return this layout with the elements of missing frames reading as value (0 unless set) */
	public Layout missing(double value) {
		return new Layout(dtype, order, shape, strides, offset, frameRank, frames, names, value);
	}

	public DType dtype() {
		return dtype;
	}

	public ByteOrder order() {
		return order;
	}

	public long[] shape() {
		return shape.clone();
	}

	/** @return bytes between neighbours along each dimension (0 for dimensions placed frame by frame) */
	public long[] strides() {
		return strides.clone();
	}

	/** @return the position of element 0 (of each frame's element 0, for frames placed one by one) */
	public long offset() {
		return offset;
	}

	/** @return how many leading dimensions index frames (for messages, and for frames placed one by one) */
	public int frameRank() {
		return frameRank;
	}

	/**
	 * @return one past the last byte any element occupies, for layouts whose frames are not placed one by
	 *         one (check it against the file size before describing a file with this layout); offset when
	 *         the array is empty
	 */
	public long end() {
		if (frames != null) {
			throw new IllegalStateException("frames placed one by one have no known end");
		}
		long hi = offset;
		for (int d = 0; d < shape.length; d++) {
			if (shape[d] == 0) {
				return offset;
			}
			if (strides[d] > 0) {
				hi = Math.addExact(hi, Math.multiplyExact(shape[d] - 1, strides[d]));
			}
		}
		return Math.addExact(hi, dtype.itemSize());
	}

	/**
	 * Reads the box {@code [start, start + count)} into a new dataset of {@code dtype().januaryClass()}.
	 *
	 * @throws org.ronchi.core.io.InvalidRequestException if the box is outside the shape or too big for one array
	 * @throws org.ronchi.core.io.RonchiException naming the frame or structure if the source is truncated
	 */
	public Dataset read(ByteSource source, long[] start, int[] count) {
		return LayoutReader.read(this, source, start, count);
	}

	/**
	 * Reads the box's elements in their on-disk width, little-endian, C order into target at its position
	 * (the {@link ArraySource#readInto} contract): straight from the source, swapped in place if stored
	 * big-endian.
	 */
	public void readInto(ByteSource source, long[] start, int[] count, ByteBuffer target) {
		LayoutReader.readInto(this, source, start, count, target);
	}

	// -- for the reader

	boolean placedFrames() {
		return frames != null;
	}

	/** @return where frame k's element 0 is, or -1 if it does not exist */
	long frameOrigin(long k) {
		if (frames == null) {
			return offset;
		}
		long o = frames.applyAsLong(k);
		return o < 0 ? -1 : offset + o;
	}

	String structure(long frame) {
		return names.apply(frame);
	}

	double fill() {
		return fill;
	}

	@Override
	public String toString() {
		return dtype.numpyName() + " " + Shapes.format(shape) + " " + order + " at " + offset + ", strides " + Arrays.toString(strides)
				+ (frames != null ? ", " + frameRank + " dimensions placed frame by frame" : "");
	}
}
