package org.ronchi.processing.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.ronchi.core.io.ByteSource;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.processing.Buffer;

/**
 * A buffer in memory as little-endian bytes of its dtype, encoded as they are read: what results of runs
 * without a results file are streamed from, through a core {@link org.ronchi.core.lazy.Layout}.
 */
final class BufferBytes implements ByteSource {
	private final Buffer buffer;
	private final int item;

	/** @return the buffer as a lazy array */
	static ArraySource source(Buffer b) {
		return new LayoutSource(new BufferBytes(b), Layout.of(b.dtype(), ByteOrder.LITTLE_ENDIAN, 0, b.shape()), null);
	}

	private BufferBytes(Buffer buffer) {
		this.buffer = buffer;
		this.item = buffer.dtype().itemSize();
	}

	@Override
	public Path path() {
		return Path.of(buffer.name());
	}

	@Override
	public long size() {
		return buffer.size() * item;
	}

	/** Reads whole elements: the layout reader asks for element-aligned runs only. */
	@Override
	public void readFully(String structure, long position, ByteBuffer dst) {
		if (!contains(position, dst.remaining()) || position % item != 0 || dst.remaining() % item != 0) {
			throw FormatException.at(path(), structure, position, dst.remaining() + " bytes are not whole elements inside the buffer");
		}
		buffer.encode(position / item, dst.remaining() / item, dst);
	}
}
