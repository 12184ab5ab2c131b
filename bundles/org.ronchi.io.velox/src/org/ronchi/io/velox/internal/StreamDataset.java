package org.ronchi.io.velox.internal;

import java.nio.file.Path;

import org.eclipse.january.dataset.IntegerDataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5Dataset;
import org.ronchi.io.velox.internal.stream.StreamValues;

/**
 * The values of {@code /Data/SpectrumStream/<uuid>/Data}, an {@code (N, 1)} uint16 dataset in chunks
 * of {@code (8192, 1)}, read through {@link ColumnChunks} and widened to ints; other layouts
 * (contiguous) go through the generic HDF5 array reader.
 */
final class StreamDataset implements StreamValues {
	private final Path file;
	private final ArrayNode node;
	private final long length;
	private final ColumnChunks chunks;

	StreamDataset(Path file, ArrayNode node, Hdf5Dataset d) {
		long[] s = node.shape();
		if (node.dtype() != DType.UINT16 || s.length < 1 || s.length > 2 || s.length == 2 && s[1] != 1) {
			throw new VeloxException(file, node.path(), "unsupported spectrum stream: " + node.dtype().numpyName() + " data of shape "
					+ java.util.Arrays.toString(s) + " (Velox writes (N, 1) uint16)");
		}
		this.file = file;
		this.node = node;
		this.length = s[0];
		this.chunks = ColumnChunks.of(file, node, d);
	}

	@Override
	public long length() {
		return length;
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public String where() {
		return node.path();
	}

	@Override
	public void read(long pos, char[] into, int at, int n) {
		if (pos < 0 || n < 0 || pos + n > length || at < 0 || at + n > into.length) {
			throw new VeloxException(file, node.path(), "values [" + pos + ", " + (pos + n) + ") outside the stream of " + length);
		}
		if (chunks == null) {
			long[] start = node.rank() == 2 ? new long[] { pos, 0 } : new long[] { pos };
			int[] count = node.rank() == 2 ? new int[] { n, 1 } : new int[] { n };
			int[] v;
			try {
				v = ((IntegerDataset) node.source().read(start, count)).getData();
			} catch (org.ronchi.core.io.RonchiException e) {
				throw e;
			} catch (RuntimeException e) {
				throw new VeloxException(file, node.path(), "cannot be read (corrupt?): " + e, e);
			}
			for (int i = 0; i < n; i++) {
				into[at + i] = (char) v[i];
			}
			return;
		}
		int done = 0;
		int chunkLength = chunks.chunkRows();
		while (done < n) {
			long p = pos + done;
			long chunk = p / chunkLength;
			int inChunk = (int) (p - chunk * chunkLength);
			int take = Math.min(chunkLength - inChunk, n - done);
			chunks.chunk(chunk, 0).asCharBuffer().get(inChunk, into, at + done, take);
			done += take;
		}
	}
}
