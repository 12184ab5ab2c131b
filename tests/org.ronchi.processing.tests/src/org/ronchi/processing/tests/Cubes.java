package org.ronchi.processing.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.processing.MemorySource;

/** Synthetic test arrays with awkward shapes and chunks, and their values for direct computations. */
final class Cubes {
	final long[] shape;
	final double[] values;
	final ArrayNode node;

	private Cubes(long[] shape, double[] values, ArrayNode node) {
		this.shape = shape;
		this.values = values;
		this.node = node;
	}

	/** Random values (integers 0..999 for integer types) of a dtype, with a chunk shape. */
	static Cubes random(DType dtype, long[] shape, int[] chunk, long seed) {
		int n = Math.toIntExact(Shapes.size(shape));
		double[] v = new double[n];
		SplittableRandom r = new SplittableRandom(seed);
		ByteBuffer b = ByteBuffer.allocate(n * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < n; i++) {
			switch (dtype) {
			case FLOAT32 -> {
				float f = (float) (r.nextDouble() * 100);
				v[i] = f;
				b.putFloat(f);
			}
			case FLOAT64 -> {
				v[i] = r.nextDouble() * 100;
				b.putDouble(v[i]);
			}
			case UINT16 -> {
				int x = r.nextInt(1000) + (i % 17 == 0 ? 60000 : 0); // some values above 32767: unsigned matters
				v[i] = x;
				b.putShort((short) x);
			}
			case INT16 -> {
				int x = r.nextInt(2000) - 1000;
				v[i] = x;
				b.putShort((short) x);
			}
			default -> throw new IllegalArgumentException(dtype.toString());
			}
		}
		ArrayNode node = new ArrayNode("cube", new MemorySource(dtype, shape, b.flip(), chunk));
		return new Cubes(shape, v, node);
	}

	/**
	 * float64 values from 1e-3 to 1e3 with random signs: sums whose last bits depend on the order in
	 * which they are added.
	 */
	static Cubes wide(long[] shape, int[] chunk) {
		int n = Math.toIntExact(Shapes.size(shape));
		double[] v = new double[n];
		ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
		SplittableRandom r = new SplittableRandom(17);
		for (int i = 0; i < n; i++) {
			v[i] = Math.pow(10, r.nextDouble() * 6 - 3) * (r.nextBoolean() ? 1 : -1);
			b.putDouble(v[i]);
		}
		return new Cubes(shape, v, new ArrayNode("cube", new MemorySource(DType.FLOAT64, shape, b.flip(), chunk)));
	}

	/** @return the value at a C-order flat index */
	double at(long i) {
		return values[(int) i];
	}
}
