package org.ronchi.processing.decomposition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.Loaders;
import org.ronchi.tests.support.TestData;

/** Test matrices: real spectrum images unfolded (positions × channels), raw float32 files for NumPy. */
final class Matrices {
	private Matrices() {
	}

	/** A matrix and its shape. */
	record M(float[] data, int rows, int columns) {
		RowBlocks blocks(int blockRows) {
			return new DenseRows(data, rows, columns, blockRows);
		}

		/** Writes the matrix as raw little-endian float32 for {@code np.fromfile(...).reshape(rows, columns)}. */
		Path raw() {
			try {
				Path f = Files.createTempFile("ronchi-matrix", ".f32");
				ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
				b.asFloatBuffer().put(data);
				Files.write(f, b.array());
				f.toFile().deleteOnExit();
				return f;
			} catch (IOException e) {
				throw new AssertionError(e);
			}
		}
	}

	/** @return the last signal of rank 3 of a real file, unfolded */
	static M spectrumImage(String relative) {
		try (DataFile f = Loaders.registry().open(TestData.real(relative), Map.of())) {
			ArrayNode si = null;
			for (ArrayNode n : f.signals()) {
				if (n.rank() == 3) {
					si = n;
				}
			}
			if (si == null) {
				throw new AssertionError(relative + ": no spectrum image among " + f.signals().size() + " signals");
			}
			long[] s = si.shape();
			Dataset d = DatasetUtils.convertToDataset(si.lazy().getSlice());
			int rows = (int) (s[0] * s[1]);
			int cols = (int) s[2];
			float[] out = new float[rows * cols];
			for (int i = 0; i < out.length; i++) {
				out[i] = (float) d.getElementDoubleAbs(i);
			}
			return new M(out, rows, cols);
		} catch (RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	static double[] parse(String line) {
		String[] p = line.trim().split("\\s+");
		double[] v = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			v[i] = Double.parseDouble(p[i]);
		}
		return v;
	}
}
