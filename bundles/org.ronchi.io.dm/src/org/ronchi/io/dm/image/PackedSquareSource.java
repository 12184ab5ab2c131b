package org.ronchi.io.dm.image;

import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;

import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * DM's original packed complex FFT (type 5): a 2N x 2N image stored as 4N^2 float32 values holding one
 * half of a conjugate-symmetric spectrum; the other half is A[i][j] = conj(A[2N-i][2N-j]). The packing
 * (which float goes where) is RosettaSciIO's, so values match HyperSpy. The unpacking needs the whole
 * image, so the first read unpacks it and keeps it while memory allows.
 */
final class PackedSquareSource implements ArraySource {
	private final FileBytes file;
	private final SignalLayout layout;
	/** The stored 2N x 2N float32 values. */
	private final Layout packed;
	private final long[] shape;
	private final int n2;
	private volatile SoftReference<float[]> cache = new SoftReference<>(null);

	PackedSquareSource(FileBytes file, DmImage image, SignalLayout layout) {
		this.file = file;
		this.layout = layout;
		this.n2 = (int) layout.diskShape()[0];
		this.packed = Layout.of(DType.FLOAT32, image.data().order(), image.data().offset(), n2, n2).named("image data");
		this.shape = layout.shape();
	}

	@Override
	public DType dtype() {
		return DType.COMPLEX64;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		Shapes.checkBox(file.path(), shape, start, count, 8);
		long[] s = SlabRequest.diskStart(layout, start);
		int[] c = SlabRequest.diskCount(layout, count);
		float[] full = unpacked();
		Dataset d = Buffers.allocate(DType.COMPLEX64, count);
		float[] out = ((ComplexFloatDataset) d).getData();
		int o = 0;
		for (int y = (int) s[0]; y < s[0] + c[0]; y++) {
			int from = 2 * (y * n2 + (int) s[1]);
			System.arraycopy(full, from, out, o, 2 * c[1]);
			o += 2 * c[1];
		}
		return d;
	}

	private float[] unpacked() {
		float[] full = cache.get();
		if (full == null) {
			ByteBuffer b = ByteBuffer.allocate(n2 * n2 * 4);
			packed.readInto(file, new long[] { 0, 0 }, new int[] { n2, n2 }, b);
			float[] t = new float[n2 * n2];
			b.flip().asFloatBuffer().get(t);
			full = unpack(t, n2 / 2);
			cache = new SoftReference<>(full);
		}
		return full;
	}

	/** @return the 2N x 2N complex image as interleaved (re, im) floats */
	static float[] unpack(float[] t, int n) {
		int m = 2 * n;
		float[] a = new float[2 * m * m];
		set(a, m, n, 0, t[0], 0);
		set(a, m, 0, 0, t[1], 0);
		set(a, m, n, n, t[2 * n * n], 0);
		set(a, m, 0, n, t[2 * n * n + 1], 0);
		for (int i = 0; i < n; i++) { // rows 0..N-1, columns N+1..2N-1
			for (int k = 0; k < n - 1; k++) {
				int p = 2 * i * n + 2 + 2 * k;
				set(a, m, i, n + 1 + k, t[p], t[p + 1]);
			}
		}
		for (int k = 0; k < n - 1; k++) { // column 0, rows N+1..2N-1
			int p = 2 * n + 2 * n * k;
			set(a, m, n + 1 + k, 0, t[p], t[p + 1]);
		}
		for (int k = 0; k < n - 1; k++) { // row N, columns N+1..2N-1
			int p = 2 * n * n + 2 + 2 * k;
			set(a, m, n, n + 1 + k, t[p], t[p + 1]);
		}
		for (int r = 0; r < n - 1; r++) { // rows N+1..2N-1, columns N..2N-1
			for (int k = 0; k < n; k++) {
				int p = 2 * n * n + 2 * n + 2 * (r * n + k);
				set(a, m, n + 1 + r, n + k, t[p], t[p + 1]);
			}
		}
		for (int j = 1; j < n; j++) { // rows 0 and N, columns 1..N-1
			mirror(a, m, 0, j);
			mirror(a, m, n, j);
		}
		for (int i = 1; i < n; i++) { // columns 0 and N, rows 1..N-1
			mirror(a, m, i, 0);
			mirror(a, m, i, n);
		}
		for (int i = 1; i < n; i++) { // the top-left quarter
			for (int j = 1; j < n; j++) {
				mirror(a, m, i, j);
			}
		}
		for (int i = n + 1; i < m; i++) { // the bottom-left quarter
			for (int j = 1; j < n; j++) {
				mirror(a, m, i, j);
			}
		}
		return a;
	}

	private static void set(float[] a, int m, int i, int j, float re, float im) {
		a[2 * (i * m + j)] = re;
		a[2 * (i * m + j) + 1] = im;
	}

	/** a[i][j] = conj(a[-i][-j]), indices modulo 2N: the conjugate symmetry of a real image's FFT */
	private static void mirror(float[] a, int m, int i, int j) {
		int src = 2 * ((m - i) % m * m + (m - j) % m);
		set(a, m, i, j, a[src], -a[src + 1]);
	}
}
