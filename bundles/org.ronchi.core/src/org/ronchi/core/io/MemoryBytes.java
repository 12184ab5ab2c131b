package org.ronchi.core.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Bytes in memory as a {@link ByteSource}: see {@link ByteSource#of}. */
final class MemoryBytes implements ByteSource {
	private final Path name;
	private final ByteBuffer bytes;

	MemoryBytes(Path name, ByteBuffer bytes) {
		this.name = name;
		this.bytes = bytes.slice();
	}

	@Override
	public Path path() {
		return name;
	}

	@Override
	public long size() {
		return bytes.capacity();
	}

	@Override
	public void readFully(String structure, long position, ByteBuffer dst) {
		if (!contains(position, dst.remaining())) {
			throw FormatException.at(name, structure, position, "needs " + dst.remaining() + " bytes but the data ends at byte " + size());
		}
		dst.put(bytes.slice((int) position, dst.remaining()));
	}
}
