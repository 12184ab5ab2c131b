package org.ronchi.io.dm.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.eclipse.january.dataset.CompoundShortDataset;
import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * The data of an image stored one element per pixel (every type but the packed FFTs), read lazily: a
 * read fetches only the requested box from the file, reorders it if the presented axes are not the
 * stored ones (spectrum images), and decodes it. RGB(A) pixels are uint32 words B, G, R, A from the
 * least significant byte, presented as R, G, B, A.
 */
final class ImageSource implements ArraySource {
	private final Path file;
	private final ImageDataType type;
	private final SignalLayout layout;
	private final HyperslabReader reader;
	private final ByteOrder order;
	private final long[] shape;

	ImageSource(Path file, FileChannel channel, DmImage image, SignalLayout layout) {
		this.file = file;
		this.type = image.type();
		this.layout = layout;
		this.reader = new HyperslabReader(file, channel, image.data().offset(), layout.diskShape(), type.storedItemSize());
		this.order = image.data().order();
		this.shape = layout.shape();
	}

	/** @return the source for an image of any supported type */
	static ArraySource of(Path file, FileChannel channel, DmImage image, SignalLayout layout) {
		return switch (image.type().layout()) {
		case PLAIN, RGBA -> new ImageSource(file, channel, image, layout);
		case PACKED_HALF -> new PackedHalfSource(file, channel, image, layout);
		case PACKED_SQUARE -> new PackedSquareSource(file, channel, image, layout);
		};
	}

	@Override
	public DType dtype() {
		return type.dtype();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		if (!layout.inDiskOrder()) {
			return null;
		}
		int[] chunk = new int[shape.length];
		for (int i = 0; i < chunk.length; i++) {
			chunk[i] = layout.axes().get(i).navigate() ? 1 : (int) Math.min(shape[i], Integer.MAX_VALUE);
		}
		return chunk;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		SlabRequest.check(file, shape, start, count, type.storedItemSize());
		int[] diskCount = SlabRequest.diskCount(layout, count);
		byte[] raw = reader.read(SlabRequest.diskStart(layout, start), diskCount);
		if (!layout.inDiskOrder()) {
			raw = permute(raw, diskCount, layout.diskAxes(), type.storedItemSize());
		}
		ByteBuffer b = ByteBuffer.wrap(raw).order(order);
		return type.layout() == ImageDataType.Layout.RGBA ? rgba(b, count) : Buffers.decode(type.dtype(), b, count);
	}

	private static Dataset rgba(ByteBuffer b, int[] shape) {
		Dataset d = Buffers.allocate(DType.RGBA8, shape);
		short[] out = ((CompoundShortDataset) d).getData();
		for (int i = 0; i < out.length; i += 4) {
			int v = b.getInt();
			out[i] = (short) ((v >> 16) & 0xff);
			out[i + 1] = (short) ((v >> 8) & 0xff);
			out[i + 2] = (short) (v & 0xff);
			out[i + 3] = (short) ((v >>> 24) & 0xff);
		}
		return d;
	}

	/**
	 * Reorders elements from stored C order (box dims diskCount) to presented C order, where presented axis
	 * i is stored axis axes[i].
	 */
	static byte[] permute(byte[] src, int[] diskCount, int[] axes, int item) {
		int rank = axes.length;
		long[] diskStride = new long[diskCount.length];
		long s = 1;
		for (int i = diskCount.length - 1; i >= 0; i--) {
			diskStride[i] = s;
			s *= diskCount[i];
		}
		int[] count = new int[rank];
		long[] stride = new long[rank];
		for (int i = 0; i < rank; i++) {
			count[i] = diskCount[axes[i]];
			stride[i] = diskStride[axes[i]];
		}
		byte[] out = new byte[src.length];
		int[] idx = new int[rank];
		int inner = rank - 1;
		long n = src.length / item;
		for (long o = 0; o < n;) {
			long from = 0;
			for (int i = 0; i < inner; i++) {
				from += idx[i] * stride[i];
			}
			for (int j = 0; j < count[inner]; j++, o++) {
				System.arraycopy(src, (int) ((from + j * stride[inner]) * item), out, (int) (o * item), item);
			}
			for (int i = inner - 1; i >= 0; i--) {
				if (++idx[i] < count[i]) {
					break;
				}
				idx[i] = 0;
			}
		}
		return out;
	}
}
