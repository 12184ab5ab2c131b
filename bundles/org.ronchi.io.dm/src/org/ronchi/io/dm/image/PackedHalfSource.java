package org.ronchi.io.dm.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/**
 * A packed complex FFT of DM types 27 and 28: for an image of nx x ny, each row stores the nx/2 + 1
 * non-redundant complex values p[0..nx/2]. The full row is unpacked as RosettaSciIO does, so that
 * values match HyperSpy: {@code [p[nx/2], ..., p[1], p[0], conj(p[1]), ..., conj(p[nx/2 - 1])]}.
 * Rows are independent, so a read fetches only the rows it needs.
 */
final class PackedHalfSource implements ArraySource {
	private final Path file;
	private final DType dtype;
	private final SignalLayout layout;
	private final HyperslabReader reader;
	private final ByteOrder order;
	private final long[] shape;
	private final int half;

	PackedHalfSource(Path file, FileChannel channel, DmImage image, SignalLayout layout) {
		this.file = file;
		this.dtype = image.type().dtype();
		this.layout = layout;
		long[] disk = layout.diskShape();
		this.half = (int) (disk[1] / 2 + 1);
		this.reader = new HyperslabReader(file, channel, image.data().offset(), new long[] { disk[0], half }, dtype.itemSize());
		this.order = image.data().order();
		this.shape = layout.shape();
	}

	@Override
	public DType dtype() {
		return dtype;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		SlabRequest.check(file, shape, start, count, dtype.itemSize());
		long[] s = SlabRequest.diskStart(layout, start);
		int[] c = SlabRequest.diskCount(layout, count);
		ByteBuffer b = ByteBuffer.wrap(reader.read(new long[] { s[0], 0 }, new int[] { c[0], half })).order(order);
		boolean single = dtype == DType.COMPLEX64;
		double[] row = new double[2 * half];
		Dataset d = Buffers.allocate(dtype, count);
		int o = 0;
		for (int y = 0; y < c[0]; y++) {
			for (int k = 0; k < 2 * half; k++) {
				row[k] = single ? b.getFloat() : b.getDouble();
			}
			for (int x = (int) s[1]; x < s[1] + c[1]; x++, o++) {
				int k = x < half ? half - 1 - x : x - half + 1;
				double re = row[2 * k];
				double im = x < half ? row[2 * k + 1] : -row[2 * k + 1];
				if (single) {
					float[] f = ((ComplexFloatDataset) d).getData();
					f[2 * o] = (float) re;
					f[2 * o + 1] = (float) im;
				} else {
					double[] f = ((ComplexDoubleDataset) d).getData();
					f[2 * o] = re;
					f[2 * o + 1] = im;
				}
			}
		}
		return d;
	}
}
