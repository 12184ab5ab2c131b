package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Engine;
import org.ronchi.processing.MemorySource;
import org.ronchi.processing.Operation;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/** Test data and the run-inline-and-parallel helper of the operation tests. */
final class Support {
	private Support() {
	}

	/** A synthetic 4D-STEM cube: a disk that moves with the scan position, a background and noise. */
	static final class Cube {
		final int sy;
		final int sx;
		final int ny;
		final int nx;
		final double[] v;
		final ArrayNode node;
		final DType dtype;

		Cube(DType dtype, int sy, int sx, int ny, int nx, int[] chunk, long seed) {
			this.dtype = dtype;
			this.sy = sy;
			this.sx = sx;
			this.ny = ny;
			this.nx = nx;
			int n = sy * sx * ny * nx;
			v = new double[n];
			SplittableRandom r = new SplittableRandom(seed);
			ByteBuffer b = ByteBuffer.allocate(n * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
			for (int p = 0; p < sy * sx; p++) {
				double cy = ny / 2.0 + Math.sin(p) * 1.5;
				double cx = nx / 2.0 + Math.cos(0.7 * p) * 1.5;
				for (int y = 0; y < ny; y++) {
					for (int x = 0; x < nx; x++) {
						double d = Math.hypot(y - cy, x - cx);
						double val = (d < 3 ? 500 : 20) + r.nextInt(50) + (p == 3 && y == 1 && x == 2 ? 40000 : 0);
						int i = (p * ny + y) * nx + x;
						switch (dtype) {
						case UINT16 -> b.putShort((short) val);
						case FLOAT32 -> {
							val = val + r.nextDouble();
							b.putFloat((float) val);
							val = (float) val;
						}
						default -> throw new IllegalArgumentException();
						}
						v[i] = val;
					}
				}
			}
			node = new ArrayNode("cube", new MemorySource(dtype, new long[] { sy, sx, ny, nx }, b.flip(), chunk));
			node.axes(List.of(Axis.linear("R_y", "nm", sy, 0.5, 0).withNavigate(true), Axis.linear("R_x", "nm", sx, 0.25, 1).withNavigate(true),
					Axis.linear("Q_y", "1/nm", ny, 0.1, -0.6), Axis.linear("Q_x", "1/nm", nx, 0.2, -1)));
			node.quantity("Intensity", "counts");
		}

		double at(int p, int y, int x) {
			return v[(p * ny + y) * nx + x];
		}

		int positions() {
			return sy * sx;
		}
	}

	static Engine[] engines() {
		return new Engine[] { Engine.inline(), new Engine(Engine.Config.defaults().threads(2).tileBytes(300)) };
	}

	/** Runs op inline and on 2 threads (small tiles: many partitions) and checks both agree; returns the inline outputs. */
	static Map<String, double[]> run(Operation op, ArrayNode in, Map<String, ?> params) {
		Map<String, double[]> first = null;
		for (Engine e : engines()) {
			try (e) {
				RunResult r = e.run(RunRequest.of(op, in).params(params));
				Map<String, double[]> out = new java.util.LinkedHashMap<>();
				for (ArrayNode a : r.outputs()) {
					out.put(a.name(), values(a));
				}
				if (first == null) {
					first = out;
				} else {
					for (String k : first.keySet()) {
						assertArrayEquals(first.get(k), out.get(k), 1e-9 * (1 + max(first.get(k))), op.id() + " " + k + ": inline and parallel differ");
					}
				}
			}
		}
		return first;
	}

	static RunResult runOnce(Operation op, ArrayNode in, Map<String, ?> params) {
		try (Engine e = new Engine(Engine.Config.defaults().threads(2))) {
			return e.run(RunRequest.of(op, in).params(params));
		}
	}

	static double max(double[] a) {
		double m = 0;
		for (double x : a) {
			if (!Double.isNaN(x)) {
				m = Math.max(m, Math.abs(x));
			}
		}
		return m;
	}

	static double[] values(ArrayNode a) {
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		if (d instanceof org.eclipse.january.dataset.ComplexFloatDataset c) {
			float[] f = c.getData();
			double[] out = new double[f.length];
			for (int i = 0; i < f.length; i++) {
				out[i] = f[i];
			}
			return out;
		}
		return ((DoubleDataset) d.cast(DoubleDataset.class)).getData();
	}

	static void close(double[] expected, double[] actual, double rel, String what) {
		assertEquals(expected.length, actual.length, what + ": length");
		double tol = rel * (1 + max(expected));
		for (int i = 0; i < expected.length; i++) {
			if (Double.isNaN(expected[i])) {
				assertEquals(Double.NaN, actual[i], what + " at " + i);
			} else {
				assertEquals(expected[i], actual[i], tol, what + " at " + i);
			}
		}
	}

	static List<Double> list(double... v) {
		List<Double> l = new ArrayList<>();
		for (double x : v) {
			l.add(x);
		}
		return l;
	}
}
