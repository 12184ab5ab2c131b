package org.ronchi.io.dm.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * RGB(A) images (DM types 8 and 23): uint32 words holding B, G, R, A from the least significant byte,
 * read through their {@link Layout} and shown as R, G, B, A pixels.
 */
final class RgbaSource implements ArraySource {
	private final FileBytes file;
	private final Layout words;
	private final int[] chunk;

	RgbaSource(FileBytes file, Layout words, int[] chunk) {
		this.file = file;
		this.words = words;
		this.chunk = chunk;
	}

	@Override
	public DType dtype() {
		return DType.RGBA8;
	}

	@Override
	public long[] shape() {
		return words.shape();
	}

	@Override
	public int[] chunkShape() {
		return chunk == null ? null : chunk.clone();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		ByteBuffer b = ByteBuffer.allocate((int) (Shapes.checkBox(file.path(), words.shape(), start, count, 4) * 4));
		readInto(start, count, b);
		return Buffers.decode(DType.RGBA8, b.flip(), count);
	}

	/** The words read little-endian are B, G, R, A: swapping the first and third byte gives R, G, B, A. */
	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		int at = target.position();
		words.readInto(file, start, count, target);
		for (int i = at; i < target.position(); i += 4) {
			byte b = target.get(i);
			target.put(i, target.get(i + 2));
			target.put(i + 2, b);
		}
		target.order(ByteOrder.LITTLE_ENDIAN);
	}
}
