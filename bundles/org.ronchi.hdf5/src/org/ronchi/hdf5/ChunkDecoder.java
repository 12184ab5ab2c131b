package org.ronchi.hdf5;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;
import org.ronchi.core.lazy.ChunkLoader;

/**
 * Decodes the chunks of one chunked dataset: the HDF5 part of a {@link org.ronchi.core.lazy.ChunkedSource}
 * (where a chunk is stays behind jhdf's chunk index, built on the first chunk). The pipelines almost every electron-microscopy file uses
 * (none, deflate, shuffle, shuffle + deflate) are decoded here from jhdf's raw chunk bytes, into a
 * buffer of the known chunk size with a reused {@link Inflater}, or straight into the caller's target;
 * everything else goes through jhdf's {@code getDecompressedChunk}. jhdf's deflate filter allocates an
 * Inflater per chunk and inflates 4 KiB at a time into a growing stream that is copied again at the end:
 * 1.6x slower than this on 1 MiB chunks of diffraction frames. The detector filters, bitshuffle (32008,
 * {@link Bitshuffle}) and LZ4 (32004, {@link Lz4Filter}), are decoded here too: jhdf's bitshuffle returns
 * wrong values for any chunk that is not a whole number of bitshuffle blocks. Like jhdf, a chunk's filter
 * mask (filters skipped for that chunk) is not honoured: jhdf's API does not expose it.
 */
final class ChunkDecoder implements ChunkLoader {
	/** HDF5 filter identifiers. */
	private static final int DEFLATE_ID = 1;
	private static final int SHUFFLE_ID = 2;
	/** Deflate expands at most 1032:1: a chunk shape bigger than that allows is forged. */
	private static final long MAX_INFLATE_RATIO = 1040;
	/** Per-thread scratch buffers up to this size are kept for the next chunk. */
	private static final int KEEP_SCRATCH = 16 << 20;
	private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
	private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
	private static final ThreadLocal<byte[]> SHUFFLED = new ThreadLocal<>();

	/** How chunks are decoded: chosen on the first chunk, as jhdf parses the filter pipeline lazily. */
	private enum Pipeline {
		RAW, DEFLATE, SHUFFLE, SHUFFLE_DEFLATE, BITSHUFFLE, LZ4, JHDF
	}

	private final Hdf5File file;
	private final ChunkedDataset dataset;
	private final String objectPath;
	private final int chunkBytes;
	private final boolean fits;
	private volatile Pipeline pipeline;
	private int shuffleItem;
	private Bitshuffle bitshuffle;

	ChunkDecoder(Hdf5File file, ChunkedDataset dataset, String objectPath, long chunkBytes) {
		this.file = file;
		this.dataset = dataset;
		this.objectPath = objectPath;
		// checked when a chunk is read, not here: opening a file must not fail on one odd dataset
		this.chunkBytes = (int) Math.min(chunkBytes, Integer.MAX_VALUE);
		this.fits = chunkBytes <= Integer.MAX_VALUE - 16;
	}

	int chunkBytes() {
		return chunkBytes;
	}

	private byte[] scratch(ThreadLocal<byte[]> holder) {
		byte[] b = holder.get();
		if (b == null || b.length < chunkBytes) {
			b = new byte[chunkBytes];
			if (chunkBytes <= KEEP_SCRATCH) {
				holder.set(b);
			}
		}
		return b;
	}

	/**
	 * Decodes the chunk at origin.
	 *
	 * @param keep true for a new array the caller may keep (the cache), false for a scratch array
	 *             private to the calling thread, overwritten by its next decode
	 * @return the decoded chunk (at least {@link #chunkBytes()} long), or null if it was never written
	 */
	@Override
	public byte[] load(long[] origin, boolean keep) {
		Pipeline p = pipeline();
		if (p == Pipeline.JHDF) {
			return viaJhdf(origin);
		}
		ByteBuffer raw = raw(origin);
		if (raw == null) {
			return null;
		}
		check(raw, p, origin); // before allocating: a forged chunk shape must not cost its size in memory
		byte[] out = keep ? new byte[chunkBytes] : scratch(SCRATCH);
		try {
			switch (p) {
			case RAW -> raw.get(out, 0, chunkBytes);
			case DEFLATE -> inflate(raw, ByteBuffer.wrap(out, 0, chunkBytes), origin);
			case SHUFFLE -> {
				byte[] s = scratch(SHUFFLED);
				raw.get(s, 0, chunkBytes);
				unshuffle(s, out);
			}
			case SHUFFLE_DEFLATE -> {
				byte[] s = scratch(SHUFFLED);
				inflate(raw, ByteBuffer.wrap(s, 0, chunkBytes), origin);
				unshuffle(s, out);
			}
			case BITSHUFFLE, LZ4 -> detectorFilter(p, raw, out, 0);
			default -> throw new IllegalStateException("unsupported pipeline: " + p);
			}
		} catch (RuntimeException e) {
			throw corrupt(origin, e);
		}
		return out;
	}

	/**
	 * Decodes the chunk at origin into target's next {@link #chunkBytes()} bytes (advancing its position);
	 * deflated and unfiltered chunks go straight into target, bitshuffled and LZ4 ones too when it is an
	 * array.
	 *
	 * @return false if the chunk was never written (target untouched)
	 */
	@Override
	public boolean loadInto(long[] origin, ByteBuffer target) {
		Pipeline p = pipeline();
		if ((p == Pipeline.BITSHUFFLE || p == Pipeline.LZ4) && target.hasArray()) {
			ByteBuffer raw = raw(origin);
			if (raw == null) {
				return false;
			}
			check(raw, p, origin);
			try {
				detectorFilter(p, raw, target.array(), target.arrayOffset() + target.position());
			} catch (RuntimeException e) {
				throw corrupt(origin, e);
			}
			target.position(target.position() + chunkBytes);
			return true;
		}
		if (p == Pipeline.RAW || p == Pipeline.DEFLATE) {
			ByteBuffer raw = raw(origin);
			if (raw == null) {
				return false;
			}
			check(raw, p, origin);
			try {
				if (p == Pipeline.RAW) {
					target.put(raw.limit(raw.position() + chunkBytes));
				} else {
					inflate(raw, target.slice(target.position(), chunkBytes), origin);
					target.position(target.position() + chunkBytes);
				}
			} catch (RuntimeException e) {
				throw corrupt(origin, e);
			}
			return true;
		}
		byte[] b = load(origin, false);
		if (b == null) {
			return false;
		}
		target.put(b, 0, chunkBytes);
		return true;
	}

	private void checkFits() {
		if (!fits) {
			throw new Hdf5Exception(file.path(), objectPath, "chunks of more than 2 GiB do not fit a Java array");
		}
	}

	private Pipeline pipeline() {
		checkFits();
		Pipeline p = pipeline;
		if (p == null) {
			try {
				pipeline = p = choose(dataset.getFilters());
			} catch (HdfException e) {
				pipeline = p = Pipeline.JHDF; // jhdf reports the unsupported filter itself, per chunk
			} catch (ChunkFormatException e) {
				throw new Hdf5Exception(file.path(), objectPath, e.getMessage(), e);
			}
		}
		return p;
	}

	/** Filters are listed in the order they were applied when writing: shuffle first, then deflate. */
	private Pipeline choose(List<PipelineFilterWithData> filters) {
		int n = filters.size();
		if (n == 1 && filters.get(0).getId() == Bitshuffle.FILTER_ID) {
			bitshuffle = Bitshuffle.of(filters.get(0).getFilterData(), dataset.getDataType().getSize());
			return Pipeline.BITSHUFFLE;
		}
		if (n == 1 && filters.get(0).getId() == Lz4Filter.FILTER_ID) {
			return Pipeline.LZ4;
		}
		boolean shuffled = n > 0 && filters.get(0).getId() == SHUFFLE_ID;
		if (shuffled) {
			int[] data = filters.get(0).getFilterData();
			if (data == null || data.length == 0 || data[0] <= 0) {
				return Pipeline.JHDF;
			}
			shuffleItem = data[0]; // the element size
		}
		int rest = n - (shuffled ? 1 : 0);
		if (rest == 0) {
			return shuffled ? Pipeline.SHUFFLE : Pipeline.RAW;
		}
		if (rest == 1 && filters.get(n - 1).getId() == DEFLATE_ID) {
			return shuffled ? Pipeline.SHUFFLE_DEFLATE : Pipeline.DEFLATE;
		}
		return Pipeline.JHDF; // fletcher32, lzf, lz4, bitshuffle, ...: jhdf's filters, which name what they lack
	}

	/** @return the chunk's stored bytes (a view of the file), or null if it was never written */
	private ByteBuffer raw(long[] origin) {
		try {
			return dataset.getRawChunkBuffer(offset(origin));
		} catch (HdfException e) {
			if (unallocated(e)) {
				return null;
			}
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + ": " + e.getMessage(), e);
		} catch (RuntimeException e) {
			throw corrupt(origin, e);
		}
	}

	private byte[] viaJhdf(long[] origin) {
		byte[] bytes;
		try {
			bytes = dataset.getDecompressedChunk(offset(origin));
		} catch (HdfException e) {
			if (unallocated(e)) {
				return null;
			}
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + ": " + e.getMessage(), e);
		} catch (RuntimeException e) {
			throw corrupt(origin, e);
		}
		if (bytes.length < chunkBytes) {
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + " decodes to "
					+ bytes.length + " bytes, expected " + chunkBytes);
		}
		return bytes;
	}

	private static boolean unallocated(HdfException e) {
		String m = String.valueOf(e.getMessage());
		return m.contains("No chunk") || m.contains("not found");
	}

	private static int[] offset(long[] origin) {
		int[] off = new int[origin.length];
		for (int d = 0; d < origin.length; d++) {
			off[d] = Math.toIntExact(origin[d]);
		}
		return off;
	}

	/** Stored sizes that cannot hold the chunk are refused before anything is allocated for it. */
	private void check(ByteBuffer raw, Pipeline p, long[] origin) {
		boolean deflated = p == Pipeline.DEFLATE || p == Pipeline.SHUFFLE_DEFLATE;
		boolean lz4 = p == Pipeline.LZ4 || p == Pipeline.BITSHUFFLE && bitshuffle.compressed();
		long most = deflated ? raw.remaining() * MAX_INFLATE_RATIO + 64 : lz4 ? raw.remaining() * Lz4Filter.MAX_RATIO : raw.remaining();
		if (chunkBytes > most) {
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + " stores "
					+ raw.remaining() + " bytes, too few for " + chunkBytes + " bytes");
		}
	}

	/** Inflates raw into out's remaining bytes, which must all be filled. */
	private void inflate(ByteBuffer raw, ByteBuffer out, long[] origin) {
		Inflater inf = INFLATER.get();
		inf.reset();
		try {
			inf.setInput(raw);
			while (out.hasRemaining()) {
				if (inf.inflate(out) == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
					throw new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + " inflates to "
							+ inf.getBytesWritten() + " bytes, expected " + chunkBytes);
				}
			}
		} catch (DataFormatException e) {
			throw new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + ": bad deflate data: "
					+ e.getMessage(), e);
		} finally {
			inf.reset(); // drop the reference to the file mapping
		}
	}

	/** Decodes a bitshuffled or LZ4 chunk into out at off. */
	private void detectorFilter(Pipeline p, ByteBuffer raw, byte[] out, int off) {
		if (p == Pipeline.BITSHUFFLE) {
			bitshuffle.decode(raw, out, off, chunkBytes);
		} else {
			Lz4Filter.decode(raw, out, off, chunkBytes);
		}
	}

	/** Undoes HDF5's byte shuffle: byte b of element i was stored at b * n + i. */
	private void unshuffle(byte[] in, byte[] out) {
		int item = shuffleItem;
		int n = chunkBytes / item;
		for (int b = 0; b < item; b++) {
			int from = b * n;
			for (int i = 0; i < n; i++) {
				out[i * item + b] = in[from + i];
			}
		}
		int tail = n * item; // bytes past the last whole element are stored unshuffled
		System.arraycopy(in, tail, out, tail, chunkBytes - tail);
	}

	private Hdf5Exception corrupt(long[] origin, RuntimeException e) {
		if (e instanceof Hdf5Exception h) {
			return h;
		}
		if (e instanceof ChunkFormatException c) {
			return new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin) + ": " + c.getMessage(), c);
		}
		return new Hdf5Exception(file.path(), objectPath, "chunk at " + Arrays.toString(origin)
				+ " cannot be decoded (truncated or corrupt?): " + e, e);
	}
}
