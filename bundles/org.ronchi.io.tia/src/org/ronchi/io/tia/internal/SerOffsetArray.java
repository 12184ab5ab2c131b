package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.ronchi.io.tia.TiaException;

/**
 * The two offset arrays at {@code OffsetArrayOffset}: {@code TotalNumberElements} data element offsets
 * followed by as many tag offsets, 32 or 64 bits each depending on the series version. Entries are
 * read on demand, a block at a time (kept for the next reads), so that opening a series of a million
 * elements reads nothing of them and a forged element count cannot make us allocate.
 */
final class SerOffsetArray {
	private final FileBytes file;
	private final long base;
	private final int word;
	private final int total;
	/** Data element offsets read so far, {@value #BLOCK} per block. */
	private final AtomicReferenceArray<long[]> blocks;
	private static final int BLOCK = 4096;

	private SerOffsetArray(FileBytes file, long base, int word, int total) {
		this.file = file;
		this.base = base;
		this.word = word;
		this.total = total;
		this.blocks = new AtomicReferenceArray<>((total + BLOCK - 1) / BLOCK);
	}

	/** @throws TiaException if the arrays do not fit in the file */
	static SerOffsetArray of(FileBytes f, SerHeader h) {
		long bytes = 2L * h.totalElements() * h.offsetSize();
		if (!f.contains(h.offsetArrayOffset(), bytes)) {
			throw TiaException.at(f.path(), "SER offset array", h.offsetArrayOffset(),
					"2 x " + h.totalElements() + " offsets of " + h.offsetSize() + " bytes do not fit in the file of " + f.size() + " bytes");
		}
		return new SerOffsetArray(f, h.offsetArrayOffset(), h.offsetSize(), h.totalElements());
	}

	/** @return the file offsets of data elements {@code [from, from + n)} */
	long[] dataOffsets(int from, int n) {
		return entries(base + (long) from * word, n, "SER data offset array");
	}

	/** @return the file offset of data element k (of the {@code TotalNumberElements}) */
	long dataOffset(int k) {
		long[] b = blocks.get(k / BLOCK);
		if (b == null) {
			int from = k / BLOCK * BLOCK;
			b = dataOffsets(from, Math.min(BLOCK, total - from));
			blocks.set(k / BLOCK, b); // a race reads the same block twice, harmlessly
		}
		return b[k % BLOCK];
	}

	/** @return the file offsets of tags {@code [from, from + n)} */
	long[] tagOffsets(int from, int n) {
		return entries(base + ((long) total + from) * word, n, "SER tag offset array");
	}

	private long[] entries(long at, int n, String what) {
		ByteBuffer b = file.read(what, at, n * word);
		long[] out = new long[n];
		for (int i = 0; i < n; i++) {
			out[i] = word == 4 ? Integer.toUnsignedLong(b.getInt()) : b.getLong();
		}
		return out;
	}
}
