package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.DType;

/** The default {@code ArraySource.readInto}: decoded values narrowed back to the on-disk width, little-endian. */
class ReadIntoDefaultTest {

	/** A uint16 source that only implements read(): values 0, 1000, 2000, ... 65000 wrap to stay unsigned. */
	private static final ArraySource U16 = new ArraySource() {
		@Override
		public DType dtype() {
			return DType.UINT16;
		}

		@Override
		public long[] shape() {
			return new long[] { 3, 4 };
		}

		@Override
		public Dataset read(long[] start, int[] count) {
			IntegerDataset d = DatasetFactory.zeros(IntegerDataset.class, count);
			for (int i = 0; i < count[0]; i++) {
				for (int j = 0; j < count[1]; j++) {
					d.set(((start[0] + i) * 4 + start[1] + j) * 6000 % 65536, i, j);
				}
			}
			return d;
		}
	};

	@Test
	void narrowsUnsignedValuesToTheirOnDiskWidth() {
		ByteBuffer b = ByteBuffer.allocate(2 + 2 * 6).order(ByteOrder.BIG_ENDIAN);
		b.position(2);
		U16.readInto(new long[] { 1, 1 }, new int[] { 2, 3 }, b);
		assertEquals(14, b.position());
		assertEquals(ByteOrder.LITTLE_ENDIAN, b.order());
		int[] expect = { 30000, 36000, 42000, 54000, 60000, 464 };
		for (int i = 0; i < 6; i++) {
			assertEquals(expect[i], b.getShort(2 + 2 * i) & 0xffff, "element " + i);
		}
		assertThrows(BufferOverflowException.class, () -> U16.readInto(new long[2], new int[] { 3, 4 }, ByteBuffer.allocate(23)));
	}
}
