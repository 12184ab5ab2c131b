package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * The filters applied to each chunk before it is stored, in libhdf5's pipeline order: shuffle (id 2:
 * byte j of every element grouped together, which makes smooth integer data compress better), then
 * deflate (id 1: a zlib stream, as {@link Deflater} writes by default). Runs in the writing thread,
 * so chunks written from several threads are compressed in parallel.
 */
final class ChunkFilters {
	private final boolean shuffle;
	private final int deflateLevel;
	private final int elementSize;

	/** @param deflateLevel 0 to 9, or -1 for no deflate */
	ChunkFilters(boolean shuffle, int deflateLevel, int elementSize) {
		this.shuffle = shuffle && elementSize > 1; // shuffling single bytes changes nothing
		this.deflateLevel = deflateLevel;
		this.elementSize = elementSize;
	}

	boolean isEmpty() {
		return !shuffle && deflateLevel < 0;
	}

	List<FilterPipelineMessage.Filter> describe() {
		List<FilterPipelineMessage.Filter> f = new ArrayList<>();
		if (shuffle) {
			f.add(new FilterPipelineMessage.Filter(2, "shuffle", elementSize));
		}
		if (deflateLevel >= 0) {
			f.add(new FilterPipelineMessage.Filter(1, "deflate", deflateLevel));
		}
		return f;
	}

	/** @return the stored form of a full chunk (from its position to its limit) */
	ByteBuffer apply(ByteBuffer chunk) {
		if (isEmpty()) {
			return chunk;
		}
		byte[] data = bytes(chunk);
		if (shuffle) {
			data = shuffle(data, elementSize);
		}
		if (deflateLevel >= 0) {
			return deflate(data, deflateLevel);
		}
		return ByteBuffer.wrap(data);
	}

	private static byte[] bytes(ByteBuffer b) {
		if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) {
			return b.array();
		}
		byte[] a = new byte[b.remaining()];
		b.duplicate().get(a);
		return a;
	}

	static byte[] shuffle(byte[] in, int size) {
		int n = in.length / size;
		byte[] out = new byte[in.length];
		for (int j = 0; j < size; j++) {
			int o = j * n;
			for (int i = 0, k = j; i < n; i++, k += size) {
				out[o + i] = in[k];
			}
		}
		// bytes past the last whole element stay in place, as libhdf5's shuffle leaves them
		System.arraycopy(in, n * size, out, n * size, in.length - n * size);
		return out;
	}

	private static ByteBuffer deflate(byte[] in, int level) {
		Deflater d = new Deflater(level);
		try {
			d.setInput(in);
			d.finish();
			byte[] out = new byte[in.length + in.length / 1000 + 64];
			int n = 0;
			while (!d.finished()) {
				if (n == out.length) {
					out = Arrays.copyOf(out, out.length * 2);
				}
				n += d.deflate(out, n, out.length - n);
			}
			return ByteBuffer.wrap(out, 0, n);
		} finally {
			d.end();
		}
	}
}
