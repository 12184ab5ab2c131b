package org.ronchi.processing.math;

/**
 * A complex FFT of one length, as NumPy's {@code np.fft.fft}: forward unnormalised, inverse scaled by
 * 1/n. Radix-2 for powers of two, Bluestein's chirp-z (through a power-of-two FFT) for any other
 * length, so 11×11 scans and 8×8 detectors both work. A plan holds its tables and work arrays: one per
 * thread.
 * <p>
 * Hand-written because commons-math3's transformer only takes powers of two and allocates per call,
 * and January has no FFT.
 */
public final class Fft {
	private final int n;
	private final boolean pow2;
	private final double[] cos;
	private final double[] sin;
	private final int[] rev;
	// Bluestein
	private final Fft inner;
	private final double[] chirpRe;
	private final double[] chirpIm;
	private final double[] kernelRe;
	private final double[] kernelIm;
	private final double[] workRe;
	private final double[] workIm;

	public Fft(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("FFT length must be positive: " + n);
		}
		this.n = n;
		this.pow2 = Integer.bitCount(n) == 1;
		if (pow2) {
			cos = new double[n / 2];
			sin = new double[n / 2];
			for (int i = 0; i < n / 2; i++) {
				cos[i] = Math.cos(2 * Math.PI * i / n);
				sin[i] = Math.sin(2 * Math.PI * i / n);
			}
			rev = new int[n];
			int bits = Integer.numberOfTrailingZeros(n);
			for (int i = 0; i < n; i++) {
				rev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
			}
			inner = null;
			chirpRe = chirpIm = kernelRe = kernelIm = workRe = workIm = null;
		} else {
			cos = sin = null;
			rev = null;
			int m = Integer.highestOneBit(2 * n - 1) << 1;
			inner = new Fft(m);
			chirpRe = new double[n];
			chirpIm = new double[n];
			for (int k = 0; k < n; k++) {
				double a = Math.PI * ((long) k * k % (2L * n)) / n;
				chirpRe[k] = Math.cos(a);
				chirpIm[k] = -Math.sin(a);
			}
			kernelRe = new double[m];
			kernelIm = new double[m];
			kernelRe[0] = chirpRe[0];
			kernelIm[0] = -chirpIm[0];
			for (int k = 1; k < n; k++) {
				kernelRe[k] = kernelRe[m - k] = chirpRe[k];
				kernelIm[k] = kernelIm[m - k] = -chirpIm[k];
			}
			inner.transform(kernelRe, kernelIm, 0, false);
			workRe = new double[m];
			workIm = new double[m];
		}
	}

	public int length() {
		return n;
	}

	/** @return whether the length is a power of two (radix 2, no Bluestein) */
	public boolean isPowerOfTwo() {
		return pow2;
	}

	/** Transforms re/im (length n) in place; inverse divides by n. */
	public void transform(double[] re, double[] im, boolean inverse) {
		transform(re, im, 0, inverse);
	}

	/** Transforms the n values from offset of re/im in place (one row of a C-order image); inverse divides by n. */
	public void transform(double[] re, double[] im, int offset, boolean inverse) {
		if (pow2) {
			radix2(re, im, offset, inverse);
			if (inverse) {
				double s = 1.0 / n;
				for (int i = offset; i < offset + n; i++) {
					re[i] *= s;
					im[i] *= s;
				}
			}
			return;
		}
		if (inverse) {
			for (int i = offset; i < offset + n; i++) {
				im[i] = -im[i];
			}
		}
		bluestein(re, im, offset);
		if (inverse) {
			double s = 1.0 / n;
			for (int i = offset; i < offset + n; i++) {
				re[i] *= s;
				im[i] = -im[i] * s;
			}
		}
	}

	/** @return the bit-reversed index of i (radix 2 only) */
	int reversed(int i) {
		return rev[i];
	}

	/** @return cos(2πk/n), k &lt; n/2 (radix 2 only) */
	double cos(int k) {
		return cos[k];
	}

	/** @return sin(2πk/n), k &lt; n/2 (radix 2 only) */
	double sin(int k) {
		return sin[k];
	}

	/** Decimation in time: the inverse turns the twiddles (no conjugation passes). */
	private void radix2(double[] re, double[] im, int o, boolean inverse) {
		for (int i = 0; i < n; i++) {
			int j = rev[i];
			if (j > i) {
				double t = re[o + i];
				re[o + i] = re[o + j];
				re[o + j] = t;
				t = im[o + i];
				im[o + i] = im[o + j];
				im[o + j] = t;
			}
		}
		double sign = inverse ? 1 : -1;
		for (int size = 2; size <= n; size <<= 1) {
			int half = size >> 1;
			int step = n / size;
			for (int start = o; start < o + n; start += size) {
				for (int k = 0; k < half; k++) {
					double wr = cos[k * step];
					double wi = sign * sin[k * step];
					int a = start + k;
					int b = a + half;
					double xr = re[b] * wr - im[b] * wi;
					double xi = re[b] * wi + im[b] * wr;
					re[b] = re[a] - xr;
					im[b] = im[a] - xi;
					re[a] += xr;
					im[a] += xi;
				}
			}
		}
	}

	private void bluestein(double[] re, double[] im, int o) {
		int m = workRe.length;
		java.util.Arrays.fill(workRe, 0);
		java.util.Arrays.fill(workIm, 0);
		for (int k = 0; k < n; k++) {
			workRe[k] = re[o + k] * chirpRe[k] - im[o + k] * chirpIm[k];
			workIm[k] = re[o + k] * chirpIm[k] + im[o + k] * chirpRe[k];
		}
		inner.transform(workRe, workIm, 0, false);
		for (int k = 0; k < m; k++) {
			double r = workRe[k] * kernelRe[k] - workIm[k] * kernelIm[k];
			double i = workRe[k] * kernelIm[k] + workIm[k] * kernelRe[k];
			workRe[k] = r;
			workIm[k] = i;
		}
		inner.transform(workRe, workIm, 0, true);
		for (int k = 0; k < n; k++) {
			re[o + k] = workRe[k] * chirpRe[k] - workIm[k] * chirpIm[k];
			im[o + k] = workRe[k] * chirpIm[k] + workIm[k] * chirpRe[k];
		}
	}
}
