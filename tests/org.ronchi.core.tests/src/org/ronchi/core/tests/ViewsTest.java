package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.DType;

/**
 * Every view against the index mapping it stands for, on random boxes, through both read paths:
 * element (view index) must be the source's element at the mapped index (or 0 where it maps to none).
 */
class ViewsTest {
	private static final long[] SHAPE = { 4, 5, 6, 3 };
	private static final DType T = DType.INT16;
	private static final ArraySource SRC = source(SHAPE, new int[] { 1, 1, 6, 3 });

	private static ArraySource source(long[] shape, int[] chunk) {
		byte[] b = new byte[(int) Shapes.size(shape) * T.itemSize()];
		long[] st = Shapes.strides(shape);
		Stored.write(b, T, ByteOrder.BIG_ENDIAN, shape, i -> {
			long k = 0;
			for (int d = 0; d < i.length; d++) {
				k += i[d] * st[d];
			}
			return k * T.itemSize();
		});
		return new LayoutSource(ByteSource.of(Path.of("mem"), ByteBuffer.wrap(b)), Layout.of(T, ByteOrder.BIG_ENDIAN, 0, shape), chunk);
	}

	/** Compares random boxes (and the whole view) of view with the source elements mapped gives. */
	private static void check(ArraySource view, long[] viewShape, UnaryOperator<long[]> toSource) {
		assertArrayEquals(viewShape, view.shape());
		Random rnd = new Random(viewShape.length * 31L + Shapes.size(viewShape));
		long[] st = Shapes.strides(SHAPE);
		for (int k = 0; k < 25; k++) {
			long[][] box = k == 0 ? new long[][] { new long[viewShape.length], viewShape } : Stored.randomBox(rnd, viewShape);
			int[] count = Shapes.toInt(box[1]);
			ByteBuffer want = ByteBuffer.allocate((int) Shapes.size(count) * T.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
			long[] idx = new long[count.length];
			for (long e = 0; e < Shapes.size(count); e++) {
				long[] v = new long[count.length];
				for (int d = 0; d < v.length; d++) {
					v[d] = box[0][d] + idx[d];
				}
				long[] s = toSource.apply(v);
				if (s == null) { // no source element: reads as 0
					want.put(new byte[T.itemSize()]);
				} else {
					long flat = 0;
					for (int d = 0; d < s.length; d++) {
						flat += s[d] * st[d];
					}
					want.put(Stored.element(T, flat));
				}
				Stored.next(idx, box[1]);
			}
			want.flip();
			ByteBuffer got = ByteBuffer.allocate(want.remaining() + 1).position(1);
			view.readInto(box[0], count, got);
			assertEquals(want, got.flip().position(1), "readInto " + java.util.Arrays.toString(box[0]) + " " + java.util.Arrays.toString(count));
			Dataset d = view.read(box[0], count);
			assertEquals(Buffers.decode(T, want, count), d, "read");
		}
	}

	@Test
	void permuteAndTranspose() {
		int[] perm = { 2, 0, 3, 1 };
		ArraySource v = Views.permute(SRC, perm);
		check(v, new long[] { 6, 4, 3, 5 }, i -> new long[] { i[1], i[3], i[0], i[2] });
		assertArrayEquals(new int[] { 6, 1, 3, 1 }, v.chunkShape());
		check(Views.transpose(SRC), new long[] { 3, 6, 5, 4 }, i -> new long[] { i[3], i[2], i[1], i[0] });
		assertSame(SRC, Views.permute(SRC, 0, 1, 2, 3), "the identity is no view");
		assertThrows(IllegalArgumentException.class, () -> Views.permute(SRC, 0, 1, 1, 3));
	}

	@Test
	void fixAndStack() {
		ArraySource f = Views.fix(Views.fix(SRC, 2, 4), 0, 1);
		check(f, new long[] { 5, 3 }, i -> new long[] { 1, i[0], 4, i[1] });
		assertArrayEquals(new int[] { 1, 3 }, f.chunkShape());
		assertThrows(IllegalArgumentException.class, () -> Views.fix(SRC, 1, 5));
		ArraySource s = Views.stack(List.of(Views.fix(SRC, 0, 2), Views.fix(SRC, 0, 0), Views.fix(SRC, 0, 3)));
		int[] order = { 2, 0, 3 };
		check(s, new long[] { 3, 5, 6, 3 }, i -> new long[] { order[(int) i[0]], i[1], i[2], i[3] });
		assertArrayEquals(new int[] { 1, 1, 6, 3 }, s.chunkShape());
		assertThrows(IllegalArgumentException.class, () -> Views.stack(List.of(SRC, Views.fix(SRC, 0, 0))));
	}

	@Test
	void concatAcrossSourcesOfUnequalLength() {
		// SHAPE's 4 along axis 0 cut as 1 + 0 + 3 (an empty part) and as 2 + 2, then joined again
		ArraySource a = Views.window(SRC, 0, 0, 1);
		ArraySource empty = Views.window(SRC, 0, 1, 0);
		ArraySource b = Views.window(SRC, 0, 1, 3);
		check(Views.concat(List.of(a, empty, b)), SHAPE, i -> i.clone());
		ArraySource halves = Views.concat(List.of(Views.window(SRC, 0, 2, 2), Views.window(SRC, 0, 0, 2)));
		check(halves, SHAPE, i -> new long[] { (i[0] + 2) % 4, i[1], i[2], i[3] });
		assertSame(SRC, Views.concat(List.of(SRC)));
		assertThrows(IllegalArgumentException.class, () -> Views.concat(List.of(SRC, Views.fix(SRC, 1, 0))));
	}

	@Test
	void flattenAndUnflatten() {
		check(Views.flatten(SRC, 0, 2), new long[] { 20, 6, 3 }, i -> new long[] { i[0] / 5, i[0] % 5, i[1], i[2] });
		check(Views.flatten(SRC, 1, 3), new long[] { 4, 30, 3 }, i -> new long[] { i[0], i[1] / 6, i[1] % 6, i[2] });
		check(Views.flatten(SRC, 1, 4), new long[] { 4, 90 }, i -> new long[] { i[0], i[1] / 18, i[1] / 3 % 6, i[1] % 3 });
		check(Views.flatten(SRC, 2, 2), new long[] { 4, 5, 1, 6, 3 }, i -> new long[] { i[0], i[1], i[3], i[4] });
		ArraySource matrix = Views.flatten(Views.flatten(SRC, 2, 4), 0, 2);
		check(matrix, new long[] { 20, 18 }, i -> new long[] { i[0] / 5, i[0] % 5, i[1] / 3, i[1] % 3 });
		assertNull(matrix.chunkShape());
		check(Views.unflatten(SRC, 2, 2, 3), new long[] { 4, 5, 2, 3, 3 }, i -> new long[] { i[0], i[1], i[2] * 3 + i[3], i[4] });
		check(Views.unflatten(Views.unflatten(matrix, 1, 6, 3), 0, 4, 5), SHAPE.clone(), i -> i);
		assertThrows(IllegalArgumentException.class, () -> Views.unflatten(SRC, 2, 4, 2));
	}

	@Test
	void takeThroughATable() {
		int[] rows = { 3, 1, 2, 2, 0, 4, 1 }; // any order, repeats allowed
		check(Views.take(SRC, 1, rows), new long[] { 4, 7, 6, 3 }, i -> new long[] { i[0], rows[(int) i[1]], i[2], i[3] });
		// a USID-like N-dimensional form: the 20 rows of a (positions, values) matrix through a grid stored
		// in an order of its own, split into (5, 4) and shown as (4, 5)
		int[] grid = new int[20];
		for (int c = 0; c < 20; c++) {
			grid[c] = (c % 4) * 5 + c / 4; // the file stores the first position dimension fastest
		}
		ArraySource matrix = Views.flatten(Views.flatten(SRC, 2, 4), 0, 2);
		ArraySource ndim = Views.permute(Views.unflatten(Views.take(matrix, 0, grid), 0, 5, 4), 1, 0, 2);
		check(ndim, new long[] { 4, 5, 18 }, i -> {
			long row = grid[(int) (i[1] * 4 + i[0])];
			return new long[] { row / 5, row % 5, i[2] / 3, i[2] % 3 };
		});
		assertThrows(IllegalArgumentException.class, () -> Views.take(SRC, 0, new int[] { 4 }));
	}

	@Test
	void windowReachingPastBothEnds() {
		check(Views.window(SRC, 0, 1, 2), new long[] { 2, 5, 6, 3 }, i -> new long[] { i[0] + 1, i[1], i[2], i[3] });
		check(Views.window(SRC, 0, -2, 9), new long[] { 9, 5, 6, 3 }, i -> i[0] < 2 || i[0] >= 6 ? null : new long[] { i[0] - 2, i[1], i[2], i[3] });
		check(Views.window(SRC, 2, 3, 5), new long[] { 4, 5, 5, 3 }, i -> i[2] >= 3 ? null : new long[] { i[0], i[1], i[2] + 3, i[3] });
		check(Views.window(SRC, 1, 7, 2), new long[] { 4, 2, 6, 3 }, i -> null);
		assertThrows(IllegalArgumentException.class, () -> Views.window(SRC, 4, 0, 1));
	}

	@Test
	void flipInTheLayoutAndThroughAView() {
		ArraySource notALayout = Views.fix(Views.flatten(SRC, 0, 0), 0, 0);
		for (ArraySource src : List.of(SRC, notALayout)) {
			check(Views.flip(src, 2), SHAPE.clone(), i -> new long[] { i[0], i[1], 5 - i[2], i[3] });
			check(Views.flip(src, 3), SHAPE.clone(), i -> new long[] { i[0], i[1], i[2], 2 - i[3] });
			check(Views.flip(Views.flip(src, 0), 2), SHAPE.clone(), i -> new long[] { 3 - i[0], i[1], 5 - i[2], i[3] });
		}
		assertSame(LayoutSource.class, Views.flip(SRC, 2).getClass(), "a layout is flipped in place, not through a view");
		assertThrows(IllegalArgumentException.class, () -> Views.flip(notALayout, 4));
	}
}
