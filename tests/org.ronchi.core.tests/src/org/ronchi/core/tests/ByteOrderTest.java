package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/** {@link Buffers#toLittleEndian} swaps word by word; each element must come out as a byte-by-byte reversal would give it. */
class ByteOrderTest {

	@Test
	void bigEndianElementsAreReversedWhateverTheBufferOrderAndRange() {
		Random r = new Random(5);
		for (DType t : new DType[] { DType.UINT16, DType.INT16, DType.UINT32, DType.FLOAT32, DType.FLOAT64, DType.COMPLEX64, DType.RGB16,
				DType.UINT8 }) {
			int unit = t.isComplex() ? t.itemSize() / 2 : t.itemSize() / t.channels();
			for (int from : new int[] { 0, 3, 8 }) {
				for (int elements : new int[] { 0, 1, 3, 7, 64, 101 }) {
					for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
						byte[] b = new byte[from + elements * t.itemSize() + 5];
						r.nextBytes(b);
						byte[] expected = b.clone();
						for (int i = from; i + unit <= from + elements * t.itemSize(); i += unit) {
							for (int j = 0; j < unit; j++) {
								expected[i + j] = b[i + unit - 1 - j];
							}
						}
						ByteBuffer buf = ByteBuffer.wrap(b).order(order);
						Buffers.toLittleEndian(t, ByteOrder.BIG_ENDIAN, buf, from, elements * t.itemSize());
						assertArrayEquals(expected, b, t + " from " + from + ", " + elements + " elements, buffer " + order);
						Buffers.toLittleEndian(t, ByteOrder.LITTLE_ENDIAN, buf, from, elements * t.itemSize());
						assertArrayEquals(expected, b, "little-endian data is left alone");
					}
				}
			}
		}
	}
}
