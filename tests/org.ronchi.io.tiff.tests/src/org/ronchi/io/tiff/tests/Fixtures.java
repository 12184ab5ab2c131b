package org.ronchi.io.tiff.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tiff.internal.TiffLoader;

/** Shared helpers: open with the loader, read whole signals, make test pixels. */
final class Fixtures {
	private Fixtures() {
	}

	static DataFile open(Path f) {
		return new TiffLoader().open(f, Map.of());
	}

	static DataFile open(Path f, Map<String, Object> options) {
		return new TiffLoader().open(f, options);
	}

	/** @return the whole signal, read through the lazy source */
	static Dataset readAll(ArrayNode n) {
		long[] shape = n.shape();
		int[] count = new int[shape.length];
		for (int i = 0; i < shape.length; i++) {
			count[i] = (int) shape[i];
		}
		return n.source().read(new long[shape.length], count);
	}

	static double[] values(Dataset d) {
		return ((DoubleDataset) DatasetUtils.cast(DoubleDataset.class, d)).getData();
	}

	static double sum(Dataset d) {
		double s = 0;
		for (double v : values(d)) {
			s += v;
		}
		return s;
	}

	/** @return the expected dataset: the pixel bytes decoded as dtype in the given order */
	static Dataset expected(DType dtype, byte[] pixels, ByteOrder order, int... shape) {
		return Buffers.decode(dtype, ByteBuffer.wrap(pixels).order(order), shape);
	}

	/** @return deterministic pseudo-random bytes with runs (so that run-length and LZW codes have work) */
	static byte[] pixels(int n, long seed) {
		java.util.Random r = new java.util.Random(seed);
		byte[] b = new byte[n];
		int i = 0;
		while (i < n) {
			int run = r.nextInt(4) == 0 ? 1 + r.nextInt(20) : 1;
			byte v = (byte) r.nextInt(256);
			for (int k = 0; k < run && i < n; k++) {
				b[i++] = v;
			}
		}
		return b;
	}

	/** @return float or double pixels of a smooth ramp plus noise, encoded in the given order */
	static byte[] floats(int n, int bytes, ByteOrder order, long seed) {
		java.util.Random r = new java.util.Random(seed);
		ByteBuffer b = ByteBuffer.allocate(n * bytes).order(order);
		for (int i = 0; i < n; i++) {
			double v = Math.sin(i * 0.01) * 1000 + r.nextGaussian();
			if (bytes == 4) {
				b.putFloat((float) v);
			} else {
				b.putDouble(v);
			}
		}
		return b.array();
	}
}
