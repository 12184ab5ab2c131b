package org.ronchi.io.dm.image;

import java.nio.ByteBuffer;

import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * A packed complex FFT of DM types 27 and 28: for an image of nx x ny, each row stores the nx/2 + 1
 * non-redundant complex values p[0..nx/2]. The full row is unpacked as RosettaSciIO does, so that
 * values match HyperSpy: {@code [p[nx/2], ..., p[1], p[0], conj(p[1]), ..., conj(p[nx/2 - 1])]}.
 * Rows are independent, so a read fetches only the rows it needs.
 */
final class PackedHalfSource implements ArraySource {
	private final FileBytes file;
	private final DType dtype;
	private final SignalLayout layout;
	/** The stored rows: (ny, nx / 2 + 1) complex values. */
	private final Layout rows;
	private final long[] shape;
	private final int half;

	PackedHalfSource(FileBytes file, DmImage image, SignalLayout layout) {
		this.file = file;
		this.dtype = image.type().dtype();
		this.layout = layout;
		long[] disk = layout.diskShape();
		this.half = (int) (disk[1] / 2 + 1);
		this.rows = Layout.of(dtype, image.data().order(), image.data().offset(), disk[0], half).named("image data");
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
		Shapes.checkBox(file.path(), shape, start, count, dtype.itemSize());
		long[] s = SlabRequest.diskStart(layout, start);
		int[] c = SlabRequest.diskCount(layout, count);
		ByteBuffer b = ByteBuffer.allocate(c[0] * half * dtype.itemSize());
		rows.readInto(file, new long[] { s[0], 0 }, new int[] { c[0], half }, b);
		b.flip();
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
