package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.LazyArrays;
import org.ronchi.core.lazy.NumpySlice;
import org.ronchi.core.model.DType;

class NumpySliceTest {

	/** An in-memory source of arange(n).reshape(shape) that records the boxes it was asked for. */
	static final class Arange implements ArraySource {
		final long[] shape;
		final Dataset all;
		int reads;
		long lastCount;

		Arange(int... shape) {
			this.shape = org.ronchi.core.lazy.Shapes.toLong(shape);
			this.all = DatasetFactory.createRange(IntegerDataset.class, org.ronchi.core.lazy.Shapes.size(shape)).reshape(shape);
		}

		@Override
		public DType dtype() {
			return DType.INT32;
		}

		@Override
		public long[] shape() {
			return shape;
		}

		@Override
		public Dataset read(long[] start, int[] count) {
			reads++;
			int[] s = new int[start.length];
			int[] e = new int[start.length];
			lastCount = 1;
			for (int i = 0; i < s.length; i++) {
				s[i] = (int) start[i];
				e[i] = s[i] + count[i];
				lastCount *= count[i];
			}
			return all.getSlice(s, e, null);
		}
	}

	@Test
	void parsesNumpySyntax() {
		NumpySlice s = NumpySlice.parse("0:2,:,5", new long[] { 4, 3, 10 });
		assertArrayEquals(new int[] { 0, 0, 5 }, s.start());
		assertArrayEquals(new int[] { 2, 3, 6 }, s.stop());
		assertArrayEquals(new int[] { 2, 3 }, s.resultShape());
		assertTrue(s.dropped()[2]);
	}

	@Test
	void negativeIndicesAndEllipsis() {
		NumpySlice s = NumpySlice.parse("...,-1", new long[] { 4, 3, 10 });
		assertArrayEquals(new int[] { 0, 0, 9 }, s.start());
		assertArrayEquals(new int[] { 4, 3 }, s.resultShape());
	}

	@Test
	void reversedAndStepped() {
		Arange src = new Arange(10);
		NumpySlice s = NumpySlice.parse("::-3", src.shape);
		Dataset d = LazyArrays.read(src, s.start(), s.stop(), s.step());
		assertArrayEquals(new int[] { 9, 6, 3, 0 }, (int[]) ((IntegerDataset) d).getData().clone());
	}

	@Test
	void readsOnlyTheBoundingBox() {
		Arange src = new Arange(6, 5, 4);
		NumpySlice s = NumpySlice.parse("1:3,::2,2", src.shape);
		Dataset d = LazyArrays.read(src, s.start(), s.stop(), s.step());
		assertArrayEquals(new int[] { 2, 3, 1 }, d.getShape());
		assertTrue(src.lastCount <= 2 * 5 * 1, "read " + src.lastCount + " elements");
		// element [2,4,2] of arange(120).reshape(6,5,4) is 2*20+4*4+2 = 58
		assertTrue(d.getInt(1, 2, 0) == 58);
	}

	@Test
	void rejectsOutOfRangeAndGarbage() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> NumpySlice.parse("7", new long[] { 5 }));
		assertTrue(e.getMessage().contains("out of range"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> NumpySlice.parse("a:b", new long[] { 5 }));
		assertThrows(IllegalArgumentException.class, () -> NumpySlice.parse("1,2,3", new long[] { 5, 5 }));
		assertThrows(IllegalArgumentException.class, () -> NumpySlice.parse("::0", new long[] { 5 }));
	}
}
