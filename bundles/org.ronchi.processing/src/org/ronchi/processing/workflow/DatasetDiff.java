package org.ronchi.processing.workflow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;

/**
 * Whether two arrays hold the same bytes, as {@code numpy.array_equal} on what h5py reads (and, for
 * point-list outputs, the same records at every position), read in blocks of about 8 MiB. For arrays that
 * differ: how many elements and by how much at most.
 *
 * @param identical whether element type, shape and every byte agree
 * @param detail    for a difference, what differs ("3 of 1600 values, max |difference| 2.2e-16"), else ""
 */
record DatasetDiff(boolean identical, String detail) {
	private static final long BLOCK_BYTES = 8L << 20;

	static DatasetDiff of(ArrayNode recorded, ArrayNode now) {
		if (recorded.dtype() != now.dtype()) {
			return new DatasetDiff(false, "element type " + recorded.dtype().numpyName() + " recorded, " + now.dtype().numpyName() + " now");
		}
		if (!Arrays.equals(recorded.shape(), now.shape())) {
			return new DatasetDiff(false, "shape " + Shapes.format(recorded.shape()) + " recorded, " + Shapes.format(now.shape()) + " now");
		}
		if ((recorded.pointLists() == null) != (now.pointLists() == null)) {
			return new DatasetDiff(false, recorded.pointLists() == null ? "point lists now, an array recorded" : "an array now, point lists recorded");
		}
		if (recorded.pointLists() != null) {
			return points(recorded.pointLists(), now.pointLists());
		}
		return values(recorded.source(), now.source());
	}

	/** Elements found differing so far, and the largest absolute difference among them. */
	private static final class Tally {
		long differing;
		double max;
	}

	private static DatasetDiff values(ArraySource a, ArraySource b) {
		Tally t = new Tally();
		values(a, b, t);
		if (t.differing == 0) {
			return new DatasetDiff(true, "");
		}
		return new DatasetDiff(false, t.differing + " of " + Shapes.size(a.shape()) + " values, max |difference| "
				+ String.format(Locale.ROOT, "%.3g", t.max));
	}

	/** Compares blocks of whole rows along the first dimension; a row larger than a block, one row at a time. */
	private static void values(ArraySource a, ArraySource b, Tally t) {
		long[] shape = a.shape();
		int item = a.dtype().itemSize();
		long total = Shapes.size(shape);
		if (total == 0) {
			return;
		}
		long rowElems = shape.length == 0 ? 1 : total / shape[0];
		long rows = shape.length == 0 ? 1 : shape[0];
		if (rowElems * item > BLOCK_BYTES && shape.length > 1) {
			for (long r = 0; r < rows; r++) {
				values(new Row(a, r), new Row(b, r), t);
			}
			return;
		}
		long perBlock = Math.max(1, BLOCK_BYTES / Math.max(1, rowElems * item));
		for (long r = 0; r < rows; r += perBlock) {
			long[] start = new long[shape.length];
			int[] count = Shapes.toInt(shape);
			if (shape.length > 0) {
				start[0] = r;
				count[0] = (int) Math.min(perBlock, rows - r);
			}
			compare(a, b, start, count, t);
		}
	}

	private static void compare(ArraySource a, ArraySource b, long[] start, int[] count, Tally t) {
		int item = a.dtype().itemSize();
		int n = Math.toIntExact(Shapes.size(count));
		ByteBuffer x = ByteBuffer.allocate(n * item).order(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer y = ByteBuffer.allocate(n * item).order(ByteOrder.LITTLE_ENDIAN);
		a.readInto(start, count, x);
		b.readInto(start, count, y);
		byte[] xa = x.array();
		byte[] ya = y.array();
		if (Arrays.equals(xa, ya)) {
			return;
		}
		Dataset da = a.read(start, count);
		Dataset db = b.read(start, count);
		for (int i = 0; i < n; i++) {
			if (!Arrays.equals(xa, i * item, (i + 1) * item, ya, i * item, (i + 1) * item)) {
				t.differing++;
				double d = Math.abs(da.getElementDoubleAbs(i * da.getElementsPerItem()) - db.getElementDoubleAbs(i * db.getElementsPerItem()));
				t.max = Double.isNaN(d) ? t.max : Math.max(t.max, d);
			}
		}
	}

	private static DatasetDiff points(PointListSource a, PointListSource b) {
		if (!a.type().equals(b.type())) {
			return new DatasetDiff(false, "record type " + a.type() + " recorded, " + b.type() + " now");
		}
		long[] grid = a.shape();
		long positions = Shapes.size(grid);
		long differing = 0;
		long[] pos = new long[grid.length];
		for (long k = 0; k < positions; k++) {
			long rem = k;
			for (int d = grid.length - 1; d >= 0; d--) {
				pos[d] = rem % grid[d];
				rem /= grid[d];
			}
			if (!Arrays.equals(encoded(a, pos), encoded(b, pos))) {
				differing++;
			}
		}
		return differing == 0 ? new DatasetDiff(true, "")
				: new DatasetDiff(false, "the lists at " + differing + " of " + positions + " positions");
	}

	private static byte[] encoded(PointListSource s, long[] pos) {
		org.ronchi.core.lazy.PointList l = s.read(pos);
		ByteBuffer b = ByteBuffer.allocate(l.length() * s.type().size()).order(ByteOrder.LITTLE_ENDIAN);
		l.encode(b);
		return b.array();
	}

	/** Row r of a source: the source without its first dimension. */
	private record Row(ArraySource src, long r) implements ArraySource {
		@Override
		public org.ronchi.core.model.DType dtype() {
			return src.dtype();
		}

		@Override
		public long[] shape() {
			long[] s = src.shape();
			return Arrays.copyOfRange(s, 1, s.length);
		}

		@Override
		public Dataset read(long[] start, int[] count) {
			return src.read(full(start), fullCount(count)).reshape(count);
		}

		@Override
		public void readInto(long[] start, int[] count, ByteBuffer target) {
			src.readInto(full(start), fullCount(count), target);
		}

		private long[] full(long[] start) {
			long[] s = new long[start.length + 1];
			s[0] = r;
			System.arraycopy(start, 0, s, 1, start.length);
			return s;
		}

		private static int[] fullCount(int[] count) {
			int[] c = new int[count.length + 1];
			c[0] = 1;
			System.arraycopy(count, 0, c, 1, count.length);
			return c;
		}
	}
}
