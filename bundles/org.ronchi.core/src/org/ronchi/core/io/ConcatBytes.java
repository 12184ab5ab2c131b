package org.ronchi.core.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Several byte sources read as one, in order: see {@link ByteSource#concat}. */
final class ConcatBytes implements ByteSource {
	private final ByteSource[] parts;
	/** starts[i]: the position part i starts at; starts[n]: the total size. */
	private final long[] starts;

	ConcatBytes(List<? extends ByteSource> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no byte sources to concatenate");
		}
		this.parts = parts.toArray(new ByteSource[0]);
		this.starts = new long[this.parts.length + 1];
		for (int i = 0; i < this.parts.length; i++) {
			starts[i + 1] = Math.addExact(starts[i], this.parts[i].size());
		}
	}

	@Override
	public Path path() {
		return parts[0].path();
	}

	@Override
	public long size() {
		return starts[parts.length];
	}

	/** A read spanning parts is split at their ends; each part checks and names its own range. */
	@Override
	public void readFully(String structure, long position, ByteBuffer dst) {
		if (!contains(position, dst.remaining())) {
			throw FormatException.at(path(), structure, position, "needs " + dst.remaining() + " bytes but the "
					+ parts.length + " files end at byte " + size() + " (truncated or missing files?)");
		}
		int i = Arrays.binarySearch(starts, position);
		i = i >= 0 ? i : -i - 2;
		long at = position;
		while (dst.hasRemaining()) {
			while (starts[i + 1] <= at) {
				i++; // skips empty parts
			}
			int n = (int) Math.min(dst.remaining(), starts[i + 1] - at);
			ByteBuffer piece = dst.duplicate();
			piece.limit(piece.position() + n);
			parts[i].readFully(structure, at - starts[i], piece);
			dst.position(dst.position() + n);
			at += n;
		}
	}
}
