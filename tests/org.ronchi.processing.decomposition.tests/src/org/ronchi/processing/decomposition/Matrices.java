package org.ronchi.processing.decomposition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.processing.Engine;
import org.ronchi.processing.MemorySource;
import org.ronchi.processing.Operation;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * Test data for the decomposition operations: real spectrum images opened through the loaders (their
 * arrays are the operations' input, read lazily from the file), their values unfolded (positions ×
 * channels) and written raw for NumPy, and synthetic matrices as in-memory arrays.
 */
final class Matrices {
	static final String VELOX = "velox_emd/rsciio/Test SI 16x16 215 kx.emd";
	static final String TIA = "ser_emi/rsciio_old/16x16-spectrum_image-5x5x1024.emi";

	private Matrices() {
	}

	/** A matrix and the array it was unfolded from. */
	record M(float[] data, int rows, int columns, ArrayNode node) {

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

		/**
		 * Runs an operation on the array, inline and on two threads with small tiles (other partitions): the
		 * two must agree to rounding.
		 */
		RunResult run(Operation op, Map<String, ?> params) {
			RunResult inline;
			try (Engine e = Engine.inline()) {
				inline = e.run(RunRequest.of(op, node).params(params));
			}
			try (Engine e = new Engine(Engine.Config.defaults().threads(2).tileBytes(columns * 4L * 3))) {
				RunResult parallel = e.run(RunRequest.of(op, node).params(params));
				for (String name : new String[] { "singular_values", "factors", "loadings" }) {
					if (parallel.outputs().stream().anyMatch(a -> a.name().equals(name))) {
						double[] a = values(inline.output(name));
						double[] b = values(parallel.output(name));
						double scale = 0;
						for (double v : a) {
							scale = Double.isNaN(v) ? scale : Math.max(scale, Math.abs(v));
						}
						for (int i = 0; i < a.length; i++) {
							// other partitions sum in another order: rounding may differ, nothing more
							if (!(Math.abs(a[i] - b[i]) <= 1e-8 * scale) && !(Double.isNaN(a[i]) && Double.isNaN(b[i]))) {
								throw new AssertionError(name + "[" + i + "] inline " + a[i] + ", on 2 threads " + b[i]);
							}
						}
					}
				}
				return parallel;
			}
		}
	}

	/** @return an output's values as doubles, C order */
	static double[] values(ArrayNode a) {
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		double[] v = new double[d.getSize()];
		for (int i = 0; i < v.length; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		return v;
	}

	/** @return the real file opened through the loaders (close it) */
	static DataFile open(Class<?> test, String relative) {
		return Services.loaders(test, "org.ronchi.hdf5.Hdf5Loader", "org.ronchi.io.velox.internal.VeloxLoader", "org.ronchi.io.tia.internal.TiaLoader")
				.open(TestData.real(relative), Map.of());
	}

	/** @return the last signal of rank 3 of an opened file, with its values unfolded */
	static M spectrumImage(DataFile f) {
		ArrayNode si = null;
		for (ArrayNode n : f.signals()) {
			if (n.rank() == 3) {
				si = n;
			}
		}
		if (si == null) {
			throw new AssertionError(f.path() + ": no spectrum image among " + f.signals().size() + " signals");
		}
		long[] s = si.shape();
		Dataset d = si.source().read(new long[3], Shapes.toInt(s));
		int rows = (int) (s[0] * s[1]);
		int cols = (int) s[2];
		float[] out = new float[rows * cols];
		for (int i = 0; i < out.length; i++) {
			out[i] = (float) d.getElementDoubleAbs(i);
		}
		return new M(out, rows, cols, si);
	}

	/** @return a matrix in memory as a (rows, columns) array with one navigation axis, chunks of 7 rows */
	static M inMemory(float[] data, int rows, int columns) {
		ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(data);
		ArrayNode node = new ArrayNode("matrix", new MemorySource(DType.FLOAT32, new long[] { rows, columns }, b, new int[] { 7, columns }));
		node.axes(java.util.List.of(org.ronchi.core.model.Axis.index("position", rows).withNavigate(true),
				org.ronchi.core.model.Axis.index("channel", columns)));
		return new M(data, rows, columns, node);
	}

	/** NumPy's singular values of the matrix after a preprocessing snippet (x in float64): the first 10, then Σ s². */
	static double[] numpySingularValues(M m, String prep) {
		Python.assumeModules("numpy");
		String out = Python.check("""
				import sys, numpy as np
				x = np.fromfile(sys.argv[1], dtype='<f4').reshape(int(sys.argv[2]), int(sys.argv[3])).astype(np.float64)
				""" + prep + """
				s = np.linalg.svd(x, compute_uv=False)
				print(' '.join(repr(float(v)) for v in s[:10]))
				print(repr(float((s**2).sum())))
				""", m.raw().toString(), String.valueOf(m.rows()), String.valueOf(m.columns()));
		String[] lines = out.split("\n");
		double[] s = parse(lines[0]);
		double[] r = new double[s.length + 1];
		System.arraycopy(s, 0, r, 0, s.length);
		r[s.length] = Double.parseDouble(lines[1]);
		return r;
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
