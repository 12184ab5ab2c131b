package org.ronchi.core.lazy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.model.DType;

/**
 * The run reader behind {@link Layout#read} and {@link Layout#readInto}: the one place a box of stored
 * elements becomes positional reads, so a speed-up here lands in every binary format.
 * <ol>
 * <li>The box is cut into runs ({@link BoxRuns}): elements consecutive in the box and in the source.</li>
 * <li>The box (C order) is split into pieces of {@value #PIECE_BYTES} bytes read in parallel: each piece
 * bounds the temporary memory of a read and the JDK's per-thread copy buffer for heap targets.</li>
 * <li>Within a piece, runs that follow each other in the source are one read straight into the target;
 * runs separated by gaps of up to {@value #MAX_GAP} bytes (a spectrum of a spectrum image stored
 * spectrum-first, rows of a crop, rows stored bottom first) are fetched with one read of the span and
 * copied out, so a strided box costs a few reads, not one per run.</li>
 * <li>{@code readInto} swaps big-endian elements in place, per piece; {@code read} decodes each piece
 * into the dataset in the stored byte order ({@link Buffers}).</li>
 * </ol>
 */
final class LayoutReader {
	/** Pieces of the box read in parallel, and the size of the temporary buffers of {@code read}. */
	static final int PIECE_BYTES = 4 << 20;
	/** Gaps up to this many bytes are read through rather than starting a new read. */
	static final long MAX_GAP = 64 << 10;
	/** Largest read that gathers runs across gaps. */
	static final long MAX_SPAN = 16 << 20;
	private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

	private final Layout layout;
	private final ByteSource source;
	private final BoxRuns runs;
	private final int item;
	private final long[] frameStrides;

	private LayoutReader(Layout layout, ByteSource source, long[] start, int[] count) {
		this.layout = layout;
		this.source = source;
		this.item = layout.dtype().itemSize();
		long[] shape = layout.shape();
		int fixed = layout.placedFrames() ? layout.frameRank() : 0;
		this.runs = new BoxRuns(new long[shape.length], shape, layout.strides(), item, fixed, start, count);
		this.frameStrides = Shapes.strides(Arrays.copyOf(shape, layout.frameRank()));
	}

	static Dataset read(Layout layout, ByteSource source, long[] start, int[] count) {
		long total = Shapes.checkBox(source.path(), layout.shape(), start, count, layout.dtype().itemSize());
		Dataset out = Buffers.allocate(layout.dtype(), count);
		if (total == 0) {
			return out;
		}
		LayoutReader r = new LayoutReader(layout, source, start, count);
		DType dtype = layout.dtype();
		r.inPieces(total, (from, to) -> {
			ByteBuffer buf = ByteBuffer.allocate((int) ((to - from) * r.item)).order(layout.order());
			r.readPiece(from, to, buf, 0);
			Buffers.decodeInto(dtype, buf, out, (int) from, (int) (to - from));
		});
		return out;
	}

	static void readInto(Layout layout, ByteSource source, long[] start, int[] count, ByteBuffer target) {
		long total = Shapes.checkBox(source.path(), layout.shape(), start, count, layout.dtype().itemSize());
		int item = layout.dtype().itemSize();
		if (total * item > target.remaining()) {
			throw new BufferOverflowException();
		}
		target.order(ByteOrder.LITTLE_ENDIAN);
		int base = target.position();
		if (total > 0) {
			LayoutReader r = new LayoutReader(layout, source, start, count);
			r.inPieces(total, (from, to) -> {
				int at = base + (int) (from * item);
				r.readPiece(from, to, target.duplicate(), at);
				Buffers.toLittleEndian(layout.dtype(), layout.order(), target, at, (int) ((to - from) * item));
			});
		}
		target.position(base + (int) (total * item));
	}

	private interface Piece {
		void read(long from, long to);
	}

	/** Runs the pieces of the box, in parallel when there are several. */
	private void inPieces(long total, Piece piece) {
		long per = Math.max(1, PIECE_BYTES / item);
		int n = (int) ((total + per - 1) / per);
		IntStream range = IntStream.range(0, n);
		(n > 1 ? range.parallel() : range).forEach(p -> piece.read(p * per, Math.min(total, (p + 1) * per)));
	}

	/** Reads box elements {@code [from, to)} as stored into dst from index at (dst's position and order unused). */
	private void readPiece(long from, long to, ByteBuffer dst, int at) {
		long run = runs.runLength();
		long within = from % run;
		BoxRuns.Cursor c = runs.cursor(from / run);
		Spans spans = new Spans(dst);
		long lastFrame = -1;
		long origin = layout.offset();
		boolean placed = layout.placedFrames();
		for (long e = from;;) {
			long n = Math.min(run - within, to - e);
			long frame = frameIndex(c);
			if (placed && frame != lastFrame) {
				origin = layout.frameOrigin(frame);
				lastFrame = frame;
			}
			int dstAt = at + (int) ((e - from) * item);
			if (origin < 0) {
				spans.flush();
				fill(dst, dstAt, (int) (n * item));
			} else {
				spans.add(origin + c.blockOffset() + within * item, (int) (n * item), dstAt, frame);
			}
			e += n;
			if (e >= to) {
				break;
			}
			within = 0;
			c.next();
		}
		spans.flush();
	}

	/** @return the frame the cursor's run is in (C order over the frame dimensions), 0 without frames */
	private long frameIndex(BoxRuns.Cursor c) {
		long k = 0;
		for (int d = 0; d < frameStrides.length; d++) {
			k += c.blockIndex(d) * frameStrides[d];
		}
		return k;
	}

	/** The elements of a missing frame: the layout's fill value, in the stored byte order. */
	private void fill(ByteBuffer dst, int at, int bytes) {
		double v = layout.fill();
		if (v == 0) {
			Buffers.zero(dst, at, bytes);
			return;
		}
		ByteBuffer one = ByteBuffer.allocate(item).order(layout.order());
		switch (layout.dtype()) {
		case FLOAT32 -> one.putFloat((float) v);
		case FLOAT64 -> one.putDouble(v);
		case COMPLEX64 -> one.putFloat((float) v).putFloat(0);
		case COMPLEX128 -> one.putDouble(v).putDouble(0);
		default -> {
			long bits = (long) v;
			for (int i = 0; i < item; i++) {
				int shift = 8 * (layout.order() == ByteOrder.LITTLE_ENDIAN ? i : item - 1 - i);
				one.put((byte) (bits >>> shift));
			}
		}
		}
		for (int done = 0; done < bytes; done += item) {
			dst.put(at + done, one.array(), 0, item);
		}
	}

	private static byte[] scratch(int bytes) {
		byte[] s = SCRATCH.get();
		if (s == null || s.length < bytes) {
			s = new byte[bytes];
			SCRATCH.set(s); // at most MAX_SPAN per thread
		}
		return s;
	}

	/**
	 * Runs of one piece gathered into reads, in order. A span is either direct (runs that follow each
	 * other in the source: one read straight into the target) or gathered (runs within {@link #MAX_GAP}
	 * of each other, in any order: one read of the whole span into scratch, then copies).
	 */
	private final class Spans {
		private final ByteBuffer dst;
		private boolean open;
		private boolean direct;
		private long lo;
		private long hi;
		private int dstStart;
		private long firstFrame;
		private int n;
		private long[] at = new long[16];
		private int[] to = new int[16];
		private int[] len = new int[16];
		private long[] frames = new long[16];

		Spans(ByteBuffer dst) {
			this.dst = dst;
		}

		void add(long pos, int length, int dstAt, long frame) {
			if (open) {
				if (direct && pos == hi) {
					hi += length; // runs are consecutive in the target: this one extends the read
					return;
				}
				long nlo = Math.min(lo, pos);
				long nhi = Math.max(hi, pos + length);
				long gap = pos >= hi ? pos - hi : pos + length <= lo ? lo - pos - length : 0;
				if (gap <= MAX_GAP && nhi - nlo <= MAX_SPAN) {
					if (direct) {
						direct = false;
						n = 0;
						record(lo, dstStart, (int) (hi - lo), firstFrame);
					}
					record(pos, dstAt, length, frame);
					lo = nlo;
					hi = nhi;
					return;
				}
				flush();
			}
			open = true;
			direct = true;
			lo = pos;
			hi = pos + length;
			dstStart = dstAt;
			firstFrame = frame;
		}

		private void record(long pos, int dstAt, int length, long frame) {
			if (n == at.length) {
				at = Arrays.copyOf(at, 2 * n);
				to = Arrays.copyOf(to, 2 * n);
				len = Arrays.copyOf(len, 2 * n);
				frames = Arrays.copyOf(frames, 2 * n);
			}
			at[n] = pos;
			to[n] = dstAt;
			len[n] = length;
			frames[n] = frame;
			n++;
		}

		void flush() {
			if (!open) {
				return;
			}
			open = false;
			if (direct) {
				source.readFully(layout.structure(firstFrame), lo, dst.duplicate().limit(dstStart + (int) (hi - lo)).position(dstStart));
				return;
			}
			if (!source.contains(lo, hi - lo)) {
				for (int i = 0; i < n; i++) { // name the first frame that is cut off: its read fails before reading
					source.readFully(layout.structure(frames[i]), at[i], dst.duplicate().limit(to[i] + len[i]).position(to[i]));
				}
			}
			byte[] s = scratch((int) (hi - lo));
			source.readFully(layout.structure(frames[0]), lo, ByteBuffer.wrap(s, 0, (int) (hi - lo)));
			for (int i = 0; i < n; i++) {
				dst.put(to[i], s, (int) (at[i] - lo), len[i]);
			}
		}
	}
}
