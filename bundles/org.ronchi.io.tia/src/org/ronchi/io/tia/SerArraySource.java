package org.ronchi.io.tia;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * The values of a SER series as one array: navigation dimensions (C order, the last one being the
 * series' fastest, its first dimension-array entry) followed by the element's own dimensions
 * ({@code [channels]} or {@code [rows, columns]}). Each read visits only the elements the box covers,
 * finds them through the offset array and reads just the rows or channels asked for.
 * <p>
 * Images are returned top row first: TIA stores the bottom row first, and HyperSpy, ncempy and TIA's own
 * display flip them the same way. Elements past {@code ValidNumberElements} (an acquisition stopped
 * early) read as NaN for floating-point types and 0 otherwise.
 */
final class SerArraySource implements ArraySource {
	/** Above this many bytes, an image box is read row by row instead of in one block. */
	private static final int BLOCK_LIMIT = 16 << 20;

	private final FileBytes file;
	private final SerOffsetArray offsets;
	private final SerDataElement first;
	private final boolean spectra;
	private final int validElements;
	private final long[] navShape;
	private final long[] shape;
	private final DType dtype;

	SerArraySource(FileBytes file, SerOffsetArray offsets, SerDataElement first, boolean spectra, int validElements, long[] navShape) {
		this.file = file;
		this.offsets = offsets;
		this.first = first;
		this.spectra = spectra;
		this.validElements = validElements;
		this.navShape = navShape.clone();
		long[] sig = spectra ? new long[] { first.sizeX() } : new long[] { first.sizeY(), first.sizeX() };
		this.shape = new long[navShape.length + sig.length];
		System.arraycopy(navShape, 0, shape, 0, navShape.length);
		System.arraycopy(sig, 0, shape, navShape.length, sig.length);
		this.dtype = first.type().dtype();
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
	public int[] chunkShape() {
		int[] c = new int[shape.length];
		Arrays.fill(c, 1);
		for (int i = navShape.length; i < shape.length; i++) {
			c[i] = (int) shape[i];
		}
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		int nav = navShape.length;
		Dataset out = Buffers.allocate(dtype, count);
		int sigCount = 1;
		for (int i = nav; i < count.length; i++) {
			sigCount *= count[i];
		}
		long navBox = Shapes.size(Arrays.copyOf(count, nav));
		if (navBox == 0 || sigCount == 0) {
			return out;
		}
		long[] strides = Shapes.strides(navShape);
		int run = nav == 0 ? 1 : count[nav - 1];
		int[] idx = new int[Math.max(0, nav - 1)];
		int k = 0;
		while (true) {
			long linear = 0;
			for (int d = 0; d < nav - 1; d++) {
				linear += (start[d] + idx[d]) * strides[d];
			}
			if (nav > 0) {
				linear += start[nav - 1];
			}
			readRun(linear, run, start, count, out, k, sigCount);
			k += run;
			int d = nav - 2;
			while (d >= 0 && ++idx[d] == count[d]) {
				idx[d] = 0;
				d--;
			}
			if (d < 0) {
				break;
			}
		}
		return out;
	}

	/** Reads the consecutive elements {@code [linear, linear + n)} into box positions {@code k...}. */
	private void readRun(long linear, int n, long[] start, int[] count, Dataset out, int k, int sigCount) {
		int validInRun = (int) Math.max(0, Math.min(n, validElements - linear));
		long[] dataOffsets = validInRun > 0 ? offsets.dataOffsets((int) linear, validInRun) : new long[0];
		for (int i = 0; i < n; i++) {
			int at = (k + i) * sigCount;
			if (i >= validInRun) {
				fillMissing(out, at, sigCount);
				continue;
			}
			int index = (int) linear + i;
			SerDataElement e = SerDataElement.read(file, dataOffsets[i], spectra, index);
			if (!e.sameLayout(first)) {
				throw FormatException.at(file.path(), "SER data element " + index, dataOffsets[i],
						"holds " + e.sizeX() + " x " + e.sizeY() + " " + e.type().dtype().numpyName() + " values, unlike element 0 ("
								+ first.sizeX() + " x " + first.sizeY() + " " + dtype.numpyName() + ")");
			}
			if (spectra) {
				readChannels(e, index, start[start.length - 1], count[count.length - 1], out, at);
			} else {
				readImage(e, index, start, count, out, at);
			}
		}
	}

	private void readChannels(SerDataElement e, int index, long c0, int nc, Dataset out, int at) {
		int item = dtype.itemSize();
		ByteBuffer b = file.read("SER data element " + index + " values", e.dataOffset() + c0 * item, nc * item);
		Buffers.decodeInto(dtype, b, out, at, nc);
	}

	private void readImage(SerDataElement e, int index, long[] start, int[] count, Dataset out, int at) {
		int item = dtype.itemSize();
		int r0 = (int) start[start.length - 2];
		int rc = count[count.length - 2];
		int c0 = (int) start[start.length - 1];
		int cc = count[count.length - 1];
		long rowBytes = (long) e.sizeX() * item;
		// output row o is file row sizeY - 1 - (r0 + o): the box is the file rows [firstFileRow, +rc), reversed
		int firstFileRow = e.sizeY() - r0 - rc;
		String what = "SER data element " + index + " values";
		if (rc * rowBytes <= BLOCK_LIMIT) {
			ByteBuffer block = file.read(what, e.dataOffset() + firstFileRow * rowBytes, (int) (rc * rowBytes));
			for (int o = 0; o < rc; o++) {
				block.position((int) ((rc - 1 - o) * rowBytes + (long) c0 * item));
				Buffers.decodeInto(dtype, block, out, at + o * cc, cc);
			}
		} else {
			for (int o = 0; o < rc; o++) {
				long fileRow = e.sizeY() - 1L - (r0 + o);
				ByteBuffer row = file.read(what, e.dataOffset() + fileRow * rowBytes + (long) c0 * item, cc * item);
				Buffers.decodeInto(dtype, row, out, at + o * cc, cc);
			}
		}
	}

	private void fillMissing(Dataset out, int at, int n) {
		if (dtype == DType.FLOAT32) {
			Arrays.fill(((FloatDataset) out).getData(), at, at + n, Float.NaN);
		} else if (dtype == DType.FLOAT64) {
			Arrays.fill(((DoubleDataset) out).getData(), at, at + n, Double.NaN);
		}
		// other types: the freshly allocated dataset already holds zeros
	}
}
