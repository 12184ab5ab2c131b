package org.ronchi.io.dm.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.ronchi.core.io.RonchiException;
import org.ronchi.io.dm.DmFormatException;

/**
 * Reads a box of a C-order array stored contiguously in a file, with positional reads only (safe for
 * concurrent callers). The box is cut into runs of contiguous bytes; runs separated by small gaps are
 * fetched with one read, so a strided access (one spectrum of a spectrum image stored spectrum-first)
 * costs a few reads, not one per element.
 */
final class HyperslabReader {
	/** Gaps up to this many bytes are read through rather than seeking. */
	private static final long MAX_GAP = 64 * 1024;
	/** Largest single read when merging runs. */
	private static final long MAX_SPAN = 16L << 20;

	private final Path file;
	private final FileChannel channel;
	private final long offset;
	private final long[] shape;
	private final int itemSize;

	HyperslabReader(Path file, FileChannel channel, long offset, long[] shape, int itemSize) {
		this.file = file;
		this.channel = channel;
		this.offset = offset;
		this.shape = shape.clone();
		this.itemSize = itemSize;
	}

	/**
	 * @return the box's bytes in C order, {@code product(count) * itemSize} of them, position 0. The caller
	 *         has checked that the box lies inside the shape and fits in one array.
	 */
	byte[] read(long[] start, int[] count) {
		int rank = shape.length;
		long total = itemSize;
		for (int c : count) {
			total *= c;
		}
		byte[] out = new byte[Math.toIntExact(total)];
		if (total == 0) {
			return out;
		}
		// innermost axis k not read whole: runs are count[k] x (all of the axes after k)
		int k = rank - 1;
		long runElems = count[k];
		while (k > 0 && count[k] == shape[k]) {
			k--;
			runElems *= count[k];
		}
		long runBytes = runElems * itemSize;
		long[] strides = new long[rank];
		long s = itemSize;
		for (int i = rank - 1; i >= 0; i--) {
			strides[i] = s;
			s *= shape[i];
		}
		long[] idx = new long[k]; // odometer over axes 0..k-1
		long runs = total / runBytes;
		Span span = new Span(out, (int) runBytes);
		for (long r = 0; r < runs; r++) {
			long at = offset + start[k] * strides[k];
			for (int i = 0; i < k; i++) {
				at += (start[i] + idx[i]) * strides[i];
			}
			if (!span.extend(at)) {
				span.flush();
				span.begin(at);
			}
			for (int i = k - 1; i >= 0; i--) {
				if (++idx[i] < count[i]) {
					break;
				}
				idx[i] = 0;
			}
		}
		span.flush();
		return out;
	}

	/** Consecutive runs fetched with one read; local to one call, so reads can run in parallel. */
	private final class Span {
		private final byte[] out;
		private final int runBytes;
		private long start = -1;
		private long end;
		private int outStart;
		private int runs;
		private long[] runAt = new long[16];

		Span(byte[] out, int runBytes) {
			this.out = out;
			this.runBytes = runBytes;
		}

		void begin(long at) {
			start = at;
			end = at + runBytes;
			runs = 1;
			runAt[0] = 0;
		}

		/** Adds a run if it continues this span closely enough; false if a new span must begin. */
		boolean extend(long at) {
			if (start < 0 || at < end || at - end > MAX_GAP || at + runBytes - start > MAX_SPAN) {
				return false;
			}
			if (runs == runAt.length) {
				runAt = java.util.Arrays.copyOf(runAt, runs * 2);
			}
			runAt[runs++] = at - start;
			end = at + runBytes;
			return true;
		}

		void flush() {
			if (start < 0) {
				return;
			}
			int bytes = runs * runBytes;
			if (end - start == bytes) {
				readFully(ByteBuffer.wrap(out, outStart, bytes), start);
			} else {
				byte[] tmp = new byte[Math.toIntExact(end - start)];
				readFully(ByteBuffer.wrap(tmp), start);
				for (int i = 0; i < runs; i++) {
					System.arraycopy(tmp, (int) runAt[i], out, outStart + i * runBytes, runBytes);
				}
			}
			outStart += bytes;
			start = -1;
		}
	}

	private void readFully(ByteBuffer b, long at) {
		try {
			long p = at;
			while (b.hasRemaining()) {
				int r = channel.read(b, p);
				if (r < 0) {
					throw DmFormatException.at(file, "image data", p, "file ends inside the image data (truncated?)");
				}
				p += r;
			}
		} catch (ClosedChannelException e) {
			throw new RonchiException(file, null, "the file was closed; reopen it to read its data", e);
		} catch (IOException e) {
			throw new DmFormatException(file, "image data at 0x" + Long.toHexString(at), "cannot read: " + e, e);
		}
	}
}
