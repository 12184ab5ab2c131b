package org.ronchi.io.velox.internal.stream;

import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LongDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * An EDS spectrum image decoded from one or more Velox spectrum streams (one per detector segment;
 * several are summed channel by channel). Shape {@code (y, x, channels / rebin)}, or
 * {@code (frames, y, x, channels / rebin)} when frames are kept apart.
 * <p>
 * Nothing is decoded at open: the first read scans each stream once into a {@link StreamIndex}; every
 * read then decodes only the rows it needs. Counts are accumulated as ints and stored in the output
 * dtype the way NumPy's {@code +=} on that dtype would leave them (a uint16 count of 65536 wraps to 0),
 * so that the result equals RosettaSciIO's for every {@code SI_dtype}.
 */
public final class SpectrumImageSource implements ArraySource {
	/** Stream values decoded together when frames are summed: 32 MB of chars. */
	private static final long BAND_VALUES = 16L << 20;
	/** A single row longer than this (512 MB) is decoded frame by frame instead. */
	private static final long MAX_BAND_VALUES = 256L << 20;

	private final List<StreamValues> streams;
	private final StreamGeometry geometry;
	private final FrameSelection frames;
	private final DType dtype;
	private final long[] shape;
	private final int[] fullChannelMap;
	private volatile StreamIndex[] indexes;

	/**
	 * @param dtype an integer or float type; counts are stored in it
	 * @throws IllegalArgumentException if rebin does not divide the channels or dtype cannot hold counts
	 */
	public SpectrumImageSource(List<StreamValues> streams, StreamGeometry geometry, FrameSelection frames, DType dtype) {
		if (streams.isEmpty()) {
			throw new IllegalArgumentException("no stream");
		}
		if (geometry.channels() % frames.rebin() != 0) {
			throw new IllegalArgumentException("rebin " + frames.rebin() + " does not divide the " + geometry.channels() + " channels");
		}
		if (!dtype.isNumeric() || dtype.isComplex() || dtype == DType.BOOL) {
			throw new IllegalArgumentException("counts cannot be stored as " + dtype.numpyName());
		}
		this.streams = List.copyOf(streams);
		this.geometry = geometry;
		this.frames = frames;
		this.dtype = dtype;
		int bins = geometry.channels() / frames.rebin();
		this.shape = frames.sum() ? new long[] { geometry.ny(), geometry.nx(), bins }
				: new long[] { frames.count(), geometry.ny(), geometry.nx(), bins };
		this.fullChannelMap = StreamDecoder.channelMap(geometry.channels(), frames.rebin(), 0, bins);
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	/**
	 * @return one scan row: reading one spectrum decodes its whole row (in every frame), so reads
	 *         aligned on rows cost no more than reads of single pixels
	 */
	@Override
	public int[] chunkShape() {
		int[] c = new int[shape.length];
		Arrays.fill(c, 1);
		c[c.length - 2] = (int) shape[shape.length - 2];
		c[c.length - 1] = (int) shape[shape.length - 1];
		return c;
	}

	/** @return the row index of each stream, scanning the streams on the first call */
	public StreamIndex[] indexes() {
		StreamIndex[] idx = indexes;
		if (idx == null) {
			synchronized (this) {
				idx = indexes;
				if (idx == null) {
					var s = streams.size() > 1 ? streams.parallelStream() : streams.stream();
					idx = s.map(v -> StreamDecoder.index(v, geometry)).toArray(StreamIndex[]::new);
					indexes = idx;
				}
			}
		}
		return idx;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		check(start, count);
		Dataset out = Buffers.allocate(dtype, count);
		if (Shapes.size(count) == 0) {
			return out;
		}
		int r = count.length;
		int ch0 = (int) start[r - 1];
		int chCount = count[r - 1];
		int y0 = (int) start[r - 3];
		int[] map = ch0 == 0 && chCount == shape[r - 1] ? fullChannelMap
				: StreamDecoder.channelMap(geometry.channels(), frames.rebin(), ch0, chCount);
		int pixelStride = chCount;
		int rowStride = count[r - 2] * pixelStride;
		int frameStride = count[r - 3] * rowStride;
		StreamDecoder.Window w = new StreamDecoder.Window((int) start[r - 2], count[r - 2], count[r - 3], rowStride, pixelStride, map);
		int[] acc = out instanceof IntegerDataset i ? i.getData() : new int[(int) Shapes.size(count)];
		int fFrom = frames.sum() ? frames.first() : frames.first() + (int) start[0];
		int fTo = frames.sum() ? frames.last() : fFrom + count[0];
		if (frames.sum()) {
			readSummed(y0, count[r - 3], w, acc);
		} else {
			StreamIndex[] idx = indexes();
			int rows = count[r - 3];
			// frames land in disjoint parts of acc: decoded in parallel
			parallel(fTo - fFrom).forEach(i -> {
				int f = fFrom + i;
				for (int s = 0; s < streams.size(); s++) {
					if (f < framesIn(idx[s])) {
						long firstRow = f * (long) geometry.ny() + y0;
						StreamDecoder.accumulate(streams.get(s), idx[s].start(firstRow), idx[s].end(firstRow + rows - 1), geometry.nx(), w,
								acc, i * frameStride);
					}
				}
			});
		}
		store(acc, out);
		return out;
	}

	/** @return the frames that begin inside an indexed stream */
	private long framesIn(StreamIndex idx) {
		return (idx.rows() + geometry.ny() - 1) / geometry.ny();
	}

	/**
	 * Summed frames: rows are taken in bands, each band from every frame and detector segment at once
	 * ({@link StreamDecoder#accumulateSummed}); a band holds as many rows as fit in
	 * {@value #BAND_VALUES} stream values, at least one.
	 */
	private void readSummed(int y0, int rows, StreamDecoder.Window w, int[] acc) {
		StreamIndex[] idx = indexes();
		List<int[]> bands = new java.util.ArrayList<>();
		for (int y = 0; y < rows;) {
			int band = 0;
			long values = 0;
			while (y + band < rows && (band == 0 || values + rowValues(idx, y0 + y + band) <= BAND_VALUES)) {
				values += rowValues(idx, y0 + y + band);
				band++;
			}
			bands.add(new int[] { y, band, values > MAX_BAND_VALUES ? 1 : 0 });
			y += band;
		}
		// bands land in disjoint rows of acc: decoded in parallel
		parallel(bands.size()).forEach(b -> readBand(idx, y0, bands.get(b), w, acc));
	}

	private void readBand(StreamIndex[] idx, int y0, int[] band, StreamDecoder.Window w, int[] acc) {
		int y = band[0];
		int rows = band[1];
		long ny = geometry.ny();
		List<StreamDecoder.Run> runs = new java.util.ArrayList<>();
		for (int s = 0; s < streams.size(); s++) {
			for (long f = frames.first(); f < frames.last() && f < framesIn(idx[s]); f++) {
				long first = f * ny + y0 + y;
				runs.add(new StreamDecoder.Run(streams.get(s), idx[s].start(first), idx[s].end(first + rows - 1)));
			}
		}
		StreamDecoder.Window bw = new StreamDecoder.Window(w.x0(), w.xCount(), rows, w.rowStride(), w.pixelStride(), w.channelMap());
		if (band[2] == 0) {
			StreamDecoder.accumulateSummed(runs, rows, geometry.nx(), bw, acc, y * w.rowStride());
		} else { // one row too long to hold at once: frame by frame, in blocks
			for (StreamDecoder.Run run : runs) {
				StreamDecoder.accumulate(run.values(), run.from(), run.to(), geometry.nx(), bw, acc, y * w.rowStride());
			}
		}
	}

	private static java.util.stream.IntStream parallel(int n) {
		java.util.stream.IntStream r = java.util.stream.IntStream.range(0, n);
		return n > 1 ? r.parallel() : r;
	}

	/** @return the stream values of scan row y over every frame read and every detector segment */
	private long rowValues(StreamIndex[] idx, long y) {
		long n = 0;
		for (int s = 0; s < streams.size(); s++) {
			for (long f = frames.first(); f < frames.last() && f < framesIn(idx[s]); f++) {
				long r = f * geometry.ny() + y;
				n += Math.max(0, idx[s].end(r) - idx[s].start(r) + 1);
			}
		}
		return n;
	}

	private String where() {
		return "spectrum image from " + streams.get(0).where();
	}

	private void check(long[] start, int[] count) {
		if (start.length != shape.length || count.length != shape.length) {
			throw new InvalidRequestException(streams.get(0).file(), where(), "slice of rank " + start.length + " for shape " + Shapes.format(shape));
		}
		for (int i = 0; i < shape.length; i++) {
			if (start[i] < 0 || count[i] < 0 || start[i] + count[i] > shape[i]) {
				throw new InvalidRequestException(streams.get(0).file(), where(), "slice [" + start[i] + ", " + (start[i] + count[i])
						+ ") is outside dimension " + i + " of size " + shape[i]);
			}
		}
		// a sparse stream can describe a cube far larger than the file: refuse what memory cannot hold
		// (the counts as ints, plus the output when its type is not int) instead of failing with an OutOfMemoryError
		long n = Shapes.size(count);
		long bytes = n * (4 + (dtype.januaryClass() == IntegerDataset.class ? 0 : 8));
		if (n > Integer.MAX_VALUE - 8 || bytes > Runtime.getRuntime().maxMemory() / 2) {
			throw new InvalidRequestException(streams.get(0).file(), where(), "a slice of " + Shapes.format(Shapes.toLong(count))
					+ " needs " + (bytes >> 20) + " MB, more than one read may take here; read it in parts");
		}
	}

	/** Leaves each count as the output dtype holds it: unsigned types wrap as NumPy's do. */
	private void store(int[] acc, Dataset out) {
		int n = acc.length;
		switch (dtype) {
		case UINT16 -> {
			for (int i = 0; i < n; i++) {
				acc[i] &= 0xffff;
			}
		}
		case INT32 -> {
			// accumulated in place
		}
		case UINT8 -> {
			short[] d = ((ShortDataset) out).getData();
			for (int i = 0; i < n; i++) {
				d[i] = (short) (acc[i] & 0xff);
			}
		}
		case INT16 -> {
			short[] d = ((ShortDataset) out).getData();
			for (int i = 0; i < n; i++) {
				d[i] = (short) acc[i];
			}
		}
		case INT8 -> {
			byte[] d = ((ByteDataset) out).getData();
			for (int i = 0; i < n; i++) {
				d[i] = (byte) acc[i];
			}
		}
		case UINT32, INT64, UINT64 -> {
			long[] d = ((LongDataset) out).getData();
			for (int i = 0; i < n; i++) {
				d[i] = acc[i];
			}
		}
		case FLOAT32 -> {
			float[] d = ((FloatDataset) out).getData();
			for (int i = 0; i < n; i++) {
				d[i] = acc[i];
			}
		}
		case FLOAT64 -> {
			double[] d = ((DoubleDataset) out).getData();
			for (int i = 0; i < n; i++) {
				d[i] = acc[i];
			}
		}
		default -> throw new IllegalStateException("unsupported spectrum-image dtype: " + dtype.numpyName());
		}
	}
}
