package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.RecordType.Field;
import org.ronchi.core.model.DType;

/** Records of point lists: the packed little-endian layout, every field type, and the counts view. */
class PointListTest {
	private static final RecordType ALL = RecordType.of(Field.of("f4", DType.FLOAT32), Field.of("u1", DType.UINT8), Field.of("i2", DType.INT16),
			Field.of("u4", DType.UINT32), Field.of("f8", DType.FLOAT64), Field.of("i8", DType.INT64));

	@Test
	void layoutIsPackedInFieldOrder() {
		assertEquals(4 + 1 + 2 + 4 + 8 + 8, ALL.size());
		assertEquals(7, ALL.offset(3));
		PointList p = PointList.of(ALL, new float[] { 1.5f, -2 }, new int[] { 255, 7 }, new short[] { -3, 4 }, new long[] { 4_000_000_000L, 1 },
				new double[] { 0.25, 1e300 }, new long[] { Long.MIN_VALUE, 9 });
		ByteBuffer b = ByteBuffer.allocate(2 * ALL.size());
		p.encode(b);
		assertEquals(0, b.remaining());
		assertEquals(ByteOrder.LITTLE_ENDIAN, b.order());
		assertEquals(1.5f, b.getFloat(0));
		assertEquals((byte) 255, b.get(4), "uint8 255 as its byte");
		assertEquals(-3, b.getShort(5));
		assertEquals((int) 4_000_000_000L, b.getInt(7), "uint32 beyond 2^31 as its bits");
		b.flip();
		PointList back = PointList.decode(ALL, b, 2);
		assertEquals(0, b.remaining(), "decode advances past the records");
		assertEquals(255, back.getLong(0, 1), "uint8 read unsigned");
		assertEquals(4_000_000_000L, back.getLong(0, 3), "uint32 read unsigned");
		assertEquals(Long.MIN_VALUE, back.getLong(0, 5));
		assertArrayEquals(new double[] { 0.25, 1e300 }, back.doubles("f8"));
		assertArrayEquals(new double[] { 1.5, -2 }, back.doubles("f4"));
		assertEquals(4, back.getDouble(1, 2));
	}

	@Test
	void badTypesAndShapesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> Field.of("c", DType.COMPLEX64));
		assertThrows(IllegalArgumentException.class, () -> RecordType.of(Field.of("a", DType.INT8), Field.of("a", DType.INT16)));
		RecordType t = RecordType.of(Field.of("qx", DType.FLOAT64), Field.of("qy", DType.FLOAT64));
		assertThrows(IllegalArgumentException.class, () -> PointList.of(t, new double[2], new double[3]));
		IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> PointList.empty(t).doubles("intensity"));
		assertEquals("no field 'intensity'; the fields are [qx, qy]", x.getMessage());
	}

	@Test
	void countsAreTheLengthsOfEveryList() {
		RecordType t = RecordType.of(Field.of("v", DType.INT32));
		PointListSource grid = new PointListSource() {
			@Override
			public RecordType type() {
				return t;
			}

			@Override
			public long[] shape() {
				return new long[] { 3, 4 };
			}

			@Override
			public PointList read(long... at) {
				return PointList.of(t, new int[(int) (at[0] * 4 + at[1])]);
			}
		};
		Dataset c = grid.counts().read(new long[] { 1, 2 }, new int[] { 2, 2 });
		assertEquals(List.of(6L, 7L, 10L, 11L), List.of(c.getLong(0, 0), c.getLong(0, 1), c.getLong(1, 0), c.getLong(1, 1)));
		assertEquals(DType.INT64, grid.counts().dtype());
	}
}
