package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.january.dataset.ComplexDoubleDataset;
import org.eclipse.january.dataset.CompoundShortDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.Axis;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.image.Rendered;
import org.ronchi.ui.image.Ticks;

/** Colour maps, percentile contrast, log scale, complex and RGB data, and tick marks, on synthetic planes. */
class RenderingTest {
	private static final ImageRenderer.Settings GRAY = new ImageRenderer.Settings(Colormap.named("gray"), 0, 100, false);

	@Test
	void colourMapsHave256ColoursFromDarkToBright() {
		for (String name : Colormap.NAMES) {
			Colormap c = Colormap.named(name);
			assertEquals(256, c.palette().getRGBs().length);
			if (!name.equals("RdBu_r")) {
				assertTrue(luma(c.color(0)) < luma(c.color(255)), name);
			}
		}
		// the diverging map: dark blue, near white in the middle, dark red
		Colormap rdbu = Colormap.named("RdBu_r");
		assertTrue(rdbu.color(0).blue > 2 * rdbu.color(0).red);
		assertTrue(rdbu.color(255).red > 2 * rdbu.color(255).blue);
		assertTrue(luma(rdbu.color(127)) > 240 && luma(rdbu.color(128)) > 240);
		assertEquals(new RGB(68, 1, 84), Colormap.named("viridis").color(0)); // matplotlib's first viridis colour
		assertEquals(new RGB(252, 253, 191), Colormap.named("magma").color(255));
		assertThrows(IllegalArgumentException.class, () -> Colormap.named("jet"));
		assertEquals("gray", Colormap.namedOrGray("jet").name());
	}

	private static double luma(RGB c) {
		return 0.3 * c.red + 0.59 * c.green + 0.11 * c.blue;
	}

	@Test
	void aRampMapsLinearlyOntoTheColours() {
		Dataset ramp = DatasetFactory.createRange(DoubleDataset.class, 256).reshape(16, 16);
		Rendered r = ImageRenderer.render(ramp, GRAY);
		assertEquals(0, r.low(), 0);
		assertEquals(255, r.high(), 0);
		for (int i = 0; i < 256; i++) {
			assertEquals(i, r.index(i % 16, i / 16));
		}
	}

	@Test
	void zeroCentredLimitsPutZeroInTheMiddleColour() {
		Dataset d = DatasetFactory.createFromObject(new double[] { -0.01, 0, 0.02, 0.005 }).reshape(2, 2);
		Rendered r = ImageRenderer.render(d, GRAY.withZeroCentred(true));
		assertEquals(-0.02, r.low(), 0);
		assertEquals(0.02, r.high(), 0);
		assertEquals(127, r.index(1, 0), 1); // 0 maps to the middle
		assertEquals(255, r.index(0, 1));
		Rendered plain = ImageRenderer.render(d, GRAY);
		assertEquals(-0.01, plain.low(), 0);
		assertEquals(null, r.imageData().alphaData, "no NaN: opaque");
		Dataset gap = DatasetFactory.createFromObject(new double[] { -0.01, Double.NaN, 0.02, 0.005 }).reshape(2, 2);
		byte[] alpha = ImageRenderer.render(gap, GRAY.withZeroCentred(true)).imageData().alphaData;
		assertEquals(0, alpha[1], "NaN is transparent");
		assertEquals(-1, alpha[0], "a value is opaque");
	}

	@Test
	void percentilesClipOutliers() {
		double[] v = new double[1000];
		for (int i = 0; i < v.length; i++) {
			v[i] = i % 100; // 0..99, ten times
		}
		v[0] = -1e6;
		v[1] = 1e9;
		Dataset d = DatasetFactory.createFromObject(v).reshape(10, 100);
		Rendered r = ImageRenderer.render(d, GRAY.withPercentiles(1, 99));
		assertTrue(r.low() >= 0 && r.low() <= 1, "low " + r.low());
		assertTrue(r.high() >= 98 && r.high() <= 99, "high " + r.high());
		assertEquals(0, r.index(0, 0));
		assertEquals(255, r.index(1, 0));
	}

	@Test
	void contrastLimitsAreTheOrderStatisticsOfTheFiniteValues() {
		java.util.Random random = new java.util.Random(16);
		int h = 173; // 173 x 311 values: below the sampling threshold, so every value counts
		int w = 311;
		double[] v = new double[h * w];
		for (int i = 0; i < v.length; i++) {
			v[i] = random.nextInt(5) == 0 ? 7 : Math.floor(random.nextGaussian() * 300); // many ties, negatives
		}
		v[5] = Double.NaN;
		v[77] = Double.POSITIVE_INFINITY;
		v[999] = Double.NEGATIVE_INFINITY;
		double[] finite = java.util.Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
		Dataset d = DatasetFactory.createFromObject(v).reshape(h, w);
		for (double[] p : new double[][] { { 0, 100 }, { 0.5, 99.5 }, { 2, 98 }, { 25, 75 }, { 49.9, 50.1 } }) {
			Rendered r = ImageRenderer.render(d, GRAY.withPercentiles(p[0], p[1]));
			int m = finite.length;
			double lo = finite[(int) Math.round(p[0] / 100 * (m - 1))];
			double hi = finite[(int) Math.round(p[1] / 100 * (m - 1))];
			if (hi <= lo) { // narrow percentiles on a tie: the full range instead
				lo = finite[0];
				hi = finite[m - 1];
			}
			assertEquals(lo, r.low(), 0, "low at " + p[0] + " %");
			assertEquals(hi, r.high(), 0, "high at " + p[1] + " %");
		}
	}

	@Test
	void logScaleNaNAndFlatImages() {
		Dataset d = DatasetFactory.createFromObject(new double[] { 0, 1, 10, 100, 1000, Double.NaN }).reshape(2, 3);
		Rendered r = ImageRenderer.render(d, GRAY.withLog(true));
		assertEquals(0, r.low(), 1e-12);
		assertEquals(3, r.high(), 1e-12);
		assertEquals(0, r.index(0, 0), "log of 0 shows as the lowest colour");
		assertEquals(85, r.index(2, 0));
		assertEquals(0, r.index(2, 1), "NaN shows as the lowest colour");
		Rendered flat = ImageRenderer.render(DatasetFactory.ones(DoubleDataset.class, 4, 4), GRAY);
		assertTrue(flat.high() > flat.low());
	}

	@Test
	void complexShowsMagnitudeAndRgbShowsColours() {
		ComplexDoubleDataset z = DatasetFactory.zeros(ComplexDoubleDataset.class, 1, 2);
		z.setItem(new double[] { 3, 4 }, 0, 1);
		Rendered r = ImageRenderer.render(z, GRAY);
		assertEquals(5, r.value(1, 0), 1e-12);
		assertTrue(r.valueText(1, 0).contains("|z|"), r.valueText(1, 0));
		CompoundShortDataset rgb = DatasetFactory.zeros(4, CompoundShortDataset.class, 1, 1);
		rgb.setItem(new short[] { 200, 100, 50, 255 }, 0, 0);
		Rendered c = ImageRenderer.render(rgb, GRAY);
		assertTrue(c.rgb());
		assertEquals(new RGB(200, 100, 50), c.imageData().palette.getRGB(c.imageData().getPixel(0, 0)));
	}

	@Test
	void ticksAreNiceAndFormattedShortly() {
		assertArrayEquals(new double[] { 0, 0.5, 1, 1.5, 2 }, Ticks.nice(-0.1, 2.2, 5), 1e-12);
		assertArrayEquals(new double[] { 200, 400, 600 }, Ticks.nice(150, 700, 3), 1e-12);
		assertEquals("0.0005", Ticks.format(5e-4));
		assertEquals("1.235e-07", Ticks.format(1.2345e-7));
		assertEquals("2048", Ticks.format(2048.0));
		assertEquals("0.0019921", Ticks.format(0.00199207));
		assertEquals("0 1 / nm", Ticks.coordinate(Axis.linear("Q", "1 / nm", 8, 0.18416206325803483, -0.7366482615470886), 4));
		assertArrayEquals(new double[] { -4, -3, -2, -1 }, Ticks.logTicks(-4.2, -0.9, 5), 1e-12);
		assertEquals("Electrons (Counts)", Ticks.valueLabel("Electrons (Counts)", "Counts"));
		assertEquals("Intensity (a.u.)", Ticks.valueLabel("Intensity", "a.u."));
	}
}
