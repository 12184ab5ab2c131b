package org.ronchi.ui.image;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.math3.util.MedianOf3PivotingStrategy;
import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.ComplexFloatDataset;
import org.eclipse.january.dataset.CompoundShortDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LongDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * Turns a 2-D plane into an SWT image: contrast limits at two percentiles of the finite values
 * (optionally of log10 of the positive values), each pixel mapped linearly to one of 256 colour
 * indices; complex data shows its magnitude; RGB(A) data shows its colours. Pure computation, safe on
 * any thread (no SWT resources are created).
 */
public final class ImageRenderer {
	/** At most this many values are sorted to find the percentiles: exact for typical frames, fast for huge ones. */
	static final int SAMPLE = 1 << 18;

	/**
	 * @param lowPercentile e.g. 0.5: values below it show as the first colour
	 * @param highPercentile e.g. 99.5: values above it show as the last colour
	 * @param log map log10 of the values (non-positive values show as the first colour)
	 * @param zeroCentred limits symmetric about 0 (the larger of the two percentiles' magnitudes), so
	 *                    that a diverging colour map shows 0 in its middle colour (strain, differences);
	 *                    NaN is then transparent (no value) instead of the lowest colour
	 */
	public record Settings(Colormap colormap, double lowPercentile, double highPercentile, boolean log, boolean zeroCentred) {
		public Settings(Colormap colormap, double lowPercentile, double highPercentile, boolean log) {
			this(colormap, lowPercentile, highPercentile, log, false);
		}

		public Settings withColormap(Colormap c) {
			return new Settings(c, lowPercentile, highPercentile, log, zeroCentred);
		}

		public Settings withLog(boolean l) {
			return new Settings(colormap, lowPercentile, highPercentile, l, zeroCentred);
		}

		public Settings withPercentiles(double lo, double hi) {
			return new Settings(colormap, lo, hi, log, zeroCentred);
		}

		public Settings withZeroCentred(boolean z) {
			return new Settings(colormap, lowPercentile, highPercentile, log, z);
		}
	}

	private ImageRenderer() {
	}

	/** @param plane rows x columns, contiguous */
	public static Rendered render(Dataset plane, Settings s) {
		if (plane.getRank() != 2) {
			throw new IllegalArgumentException("an image needs a 2-D plane, got shape " + Arrays.toString(plane.getShapeRef()));
		}
		int h = plane.getShapeRef()[0];
		int w = plane.getShapeRef()[1];
		if (plane instanceof CompoundShortDataset c && c.getElementsPerItem() >= 3) {
			return rgb(c, w, h);
		}
		IntToDoubleFunction raw = values(plane);
		IntToDoubleFunction v = s.log() ? i -> {
			double x = raw.applyAsDouble(i);
			return x > 0 ? Math.log10(x) : Double.NaN;
		} : raw;
		double[] lim = percentiles(v, w * h, s.lowPercentile(), s.highPercentile());
		double lo = lim[0];
		double hi = lim[1];
		if (s.zeroCentred() && !s.log()) {
			hi = Math.max(Math.abs(lo), Math.abs(hi));
			lo = -hi;
		}
		double k = hi > lo ? 255.0 / (hi - lo) : 0;
		byte[] idx = new byte[w * h];
		// zero-centred (signed maps): NaN is "no value" (strain over vacuum), not the most negative one, so
		// it is transparent and the canvas's background shows; otherwise it shows as the lowest colour
		byte[] alpha = null;
		for (int i = 0; i < idx.length; i++) {
			double t = v.applyAsDouble(i);
			int c = t != t ? 0 : (int) ((t - lo) * k + 0.5); // NaN (and log of <= 0) shows as the lowest colour
			idx[i] = (byte) (c < 0 ? 0 : c > 255 ? 255 : c);
			if (t != t && s.zeroCentred()) {
				if (alpha == null) {
					alpha = new byte[idx.length];
					Arrays.fill(alpha, (byte) 255);
				}
				alpha[i] = 0;
			}
		}
		ImageData id = new ImageData(w, h, 8, s.colormap().palette(), 1, idx);
		id.alphaData = alpha;
		return new Rendered(id, plane, lo, hi, s.log(), false, s.colormap());
	}

	private static Rendered rgb(CompoundShortDataset c, int w, int h) {
		short[] a = c.getData();
		int n = c.getElementsPerItem();
		ImageData id = new ImageData(w, h, 24, new PaletteData(0xff0000, 0xff00, 0xff));
		int[] line = new int[w];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int o = (y * w + x) * n;
				line[x] = (a[o] & 0xff) << 16 | (a[o + 1] & 0xff) << 8 | (a[o + 2] & 0xff);
			}
			id.setPixels(0, y, w, line, 0);
		}
		return new Rendered(id, c, 0, 255, false, true, null);
	}

	/** @return [low, high] at the two percentiles of the finite values (0, 1 if there are none) */
	static double[] percentiles(IntToDoubleFunction v, int n, double loPct, double hiPct) {
		int step = Math.max(1, n / SAMPLE);
		double[] sample = new double[(n + step - 1) / step];
		int m = 0;
		for (int i = 0; i < n; i += step) {
			double t = v.applyAsDouble(i);
			if (Double.isFinite(t)) {
				sample[m++] = t;
			}
		}
		if (m == 0) {
			return new double[] { 0, 1 };
		}
		// two selections instead of a sort: the same order statistics in linear time, a fifth of the sort's
		double[] finite = m == sample.length ? sample : Arrays.copyOf(sample, m);
		KthSelector select = new KthSelector(new MedianOf3PivotingStrategy());
		double lo = select.select(finite, null, rank(m, loPct));
		double hi = select.select(finite, null, rank(m, hiPct));
		if (hi <= lo) { // flat image or too narrow percentiles: spread around the value
			lo = Double.POSITIVE_INFINITY;
			hi = Double.NEGATIVE_INFINITY;
			for (double t : finite) {
				lo = Math.min(lo, t);
				hi = Math.max(hi, t);
			}
			if (hi <= lo) {
				hi = lo + 1;
			}
		}
		return new double[] { lo, hi };
	}

	private static int rank(int m, double pct) {
		return (int) Math.max(0, Math.min(m - 1, Math.round(pct / 100.0 * (m - 1))));
	}

	/** @return element i of a contiguous dataset as a double: the magnitude for complex data */
	static IntToDoubleFunction values(Dataset d) {
		return switch (d) {
		case DoubleDataset x -> {
			double[] a = x.getData();
			yield i -> a[i];
		}
		case FloatDataset x -> {
			float[] a = x.getData();
			yield i -> a[i];
		}
		case LongDataset x -> {
			long[] a = x.getData();
			yield i -> a[i];
		}
		case IntegerDataset x -> {
			int[] a = x.getData();
			yield i -> a[i];
		}
		case ShortDataset x -> {
			short[] a = x.getData();
			yield i -> a[i];
		}
		case ByteDataset x -> {
			byte[] a = x.getData();
			yield i -> a[i];
		}
		case BooleanDataset x -> {
			boolean[] a = x.getData();
			yield i -> a[i] ? 1 : 0;
		}
		case ComplexDoubleDataset x -> {
			double[] a = x.getData();
			yield i -> Math.hypot(a[2 * i], a[2 * i + 1]);
		}
		case ComplexFloatDataset x -> {
			float[] a = x.getData();
			yield i -> Math.hypot(a[2 * i], a[2 * i + 1]);
		}
		default -> d::getElementDoubleAbs;
		};
	}
}
