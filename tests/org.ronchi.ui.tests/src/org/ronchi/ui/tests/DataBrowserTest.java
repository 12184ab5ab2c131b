package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.TestData;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.Rendered;
import org.ronchi.ui.slice.SliceSpec;

/**
 * The Data Browser on real files, driven as a user would (open, select, slide, click), checking what
 * the image and the plot hold against the data read directly from the file and against the values in
 * testdata MANIFEST.md.
 */
class DataBrowserTest {

	/** dm/rsciio/3D/EELS_SI.dm4: HyperSpy reads (2, 2, 2048) float32, first 8473.005859375, sum 7169069.071. */
	@Test
	void eelsSpectrumImageSlicesIntoImagesAndSpectra() {
		try (Browser b = new Browser()) {
			DataFile f = b.open(TestData.real("dm/rsciio/3D/EELS_SI.dm4"));
			ArrayNode si = f.signals().get(0);
			assertArrayEquals(new long[] { 2, 2, 2048 }, si.shape());
			assertEquals(si, b.tree.selected(), "the first signal is selected on open");

			// a spectrum image opens as its navigation image at the first energy, the spectrum under the cursor plotted
			SliceSpec s = b.slicer.spec();
			assertEquals(1, s.xDim());
			assertEquals(0, s.yDim());
			assertEquals(2, s.plotDim());
			Rendered r = b.image.rendered();
			assertNotNull(r, "an image is shown: " + b.image.canvas().message());
			assertEquals(2, r.width());
			assertEquals(2, r.height());
			assertEquals(8473.005859375, r.data().getDouble(0, 0), 0);
			assertPlaneMatches(si, s, r.data());

			// the energy slider: the image follows, read lazily from the file
			b.slicer.setIndex(2, 1000);
			b.idle();
			assertEquals(1000, b.image.shownSpec().index(2));
			assertPlaneMatches(si, b.slicer.spec(), b.image.rendered().data());

			// the plot shows each position's spectrum; together they hold all the data
			double total = 0;
			for (int y = 0; y < 2; y++) {
				for (int x = 0; x < 2; x++) {
					b.image.canvas().click(x, y);
					b.idle();
					double[] spectrum = b.plot.current().y();
					assertEquals(2048, spectrum.length);
					Dataset direct = si.source().read(new long[] { y, x, 0 }, new int[] { 1, 1, 2048 });
					for (int e = 0; e < 2048; e += 97) {
						assertEquals(direct.getDouble(0, 0, e), spectrum[e], 0, "spectrum at y=" + y + ", x=" + x + ", E index " + e);
					}
					for (double v : spectrum) {
						total += v;
					}
				}
			}
			assertEquals(7169069.071, total, 0.01);

			// calibrated axes: energy in eV on the plot, positions in µm in the read-out
			Axis energy = si.axes().get(2);
			assertEquals("eV", energy.units());
			assertEquals(1.0, energy.scale(), 1e-9);
			assertEquals(energy.coordinate(0), b.plot.current().x()[0], 1e-9);
			assertTrue(b.plot.current().xLabel().contains("eV"), b.plot.current().xLabel());
			b.image.hoverAt(1, 0);
			String readout = b.image.readout();
			assertTrue(readout.contains("x 1 (0.0019921 µm)"), readout);
			assertTrue(readout.contains("value " + org.ronchi.ui.image.Ticks.format(si.source().read(new long[] { 0, 1, 1000 },
					new int[] { 1, 1, 1 }).getDouble(0, 0, 0))), readout);

			// pinning keeps a trace for comparison; log axes accept the data
			b.plot.pin();
			b.plot.setLog(false, true);
			assertEquals(1, b.plot.pinned().size());
			assertTrue(b.plot.chart().getAxisSet().getYAxis(0).isLogScaleEnabled());
		}
	}

	/** The standard metadata with units, the original tree, search, JSON (MANIFEST: 200 kV, FEI Titan, STEM). */
	@Test
	void metadataOfADmSignal() {
		try (Browser b = new Browser()) {
			DataFile f = b.open(TestData.real("dm/rsciio/3D/EELS_SI.dm4"));
			ArrayNode si = f.signals().get(0);
			assertEquals(new Quantity(200, "kV"), si.metadata().get("acquisition.instrument.beam_energy"));
			List<String> rows = b.metadata.visibleRows();
			assertTrue(rows.contains("acquisition.instrument.beam_energy = 200 kV"), rows.toString());
			assertTrue(rows.contains("acquisition.instrument.microscope = FEI Titan"), rows.toString());

			b.metadata.setQuery("beam_energy");
			List<String> found = b.metadata.visibleRows();
			assertTrue(found.contains("acquisition.instrument.beam_energy = 200 kV"), found.toString());
			assertFalse(found.stream().anyMatch(r -> r.startsWith("general.title")), "search hides the rest: " + found);
			String json = b.metadata.json();
			assertTrue(json.contains("\"beam_energy\": {\n"), json);
			assertTrue(json.contains("\"units\": \"kV\""), json);

			b.metadata.setQuery("");
			b.metadata.showStandard(false);
			assertEquals(si.originalMetadata(), b.metadata.shownTree());
			assertFalse(b.metadata.visibleRows().isEmpty());
		}
	}

	/** tiff/fei_sem/test_tiff_FEI_SEM.tif: (1103, 1536) uint8, first 28, sum 196144870, 1.82505 µm pixels. */
	@Test
	void semTiffImageWithColourMapsContrastAndLog() {
		try (Browser b = new Browser()) {
			DataFile f = b.open(TestData.real("tiff/fei_sem/test_tiff_FEI_SEM.tif"));
			ArrayNode img = f.signals().get(0);
			Rendered r = b.image.rendered();
			assertNotNull(r, b.image.canvas().message());
			assertEquals(1536, r.width());
			assertEquals(1103, r.height());
			assertEquals(28, r.data().getDouble(0, 0), 0);
			double sum = 0;
			for (int y = 0; y < 1103; y++) {
				for (int x = 0; x < 1536; x++) {
					sum += r.value(x, y);
				}
			}
			assertEquals(196144870, sum, 0);
			Axis x = img.axes().get(1);
			assertEquals(1.82505e-6, x.scale() * unitToMetres(x.units()), 1e-11);

			// colour indices: monotonic in the value, clipped at the percentiles
			assertTrue(r.low() < r.high());
			int below = 0;
			for (int yy = 0; yy < 1103; yy += 3) {
				for (int xx = 0; xx < 1536; xx += 3) {
					double v = r.value(xx, yy);
					int idx = r.index(xx, yy);
					if (v <= r.low()) {
						assertEquals(0, idx);
					} else if (v >= r.high()) {
						assertEquals(255, idx);
					} else {
						double k = 255.0 / (r.high() - r.low());
						assertEquals((int) ((v - r.low()) * k + 0.5), idx);
					}
					below += v < r.low() ? 1 : 0;
				}
			}
			assertTrue(below < 1103 * 1536 / 9 / 100, "at most 1 % below the 0.5 percentile: " + below);

			// a colour map only changes the palette
			b.image.setColormap(Colormap.named("viridis"));
			Rendered v = b.image.rendered();
			assertEquals(r.index(700, 500), v.index(700, 500));
			assertEquals(Colormap.named("viridis").color(v.index(700, 500)), v.imageData().palette.getRGB(v.index(700, 500)));

			// log scale: limits in log10
			b.image.setLog(true);
			b.idle();
			Rendered l = b.image.rendered();
			assertTrue(l.log());
			assertTrue(l.high() <= Math.log10(255) + 1e-9 && l.low() >= 0, l.low() + " .. " + l.high());

			// the row profile through the cursor is plotted
			b.image.canvas().click(100, 200);
			b.idle();
			double[] row = b.plot.current().y();
			assertEquals(1536, row.length);
			assertEquals(r.value(100, 200), row[100], 0);
		}
	}

	private static double unitToMetres(String u) {
		return switch (u) {
		case "m" -> 1;
		case "mm" -> 1e-3;
		case "µm", "um" -> 1e-6;
		case "nm" -> 1e-9;
		default -> throw new AssertionError("unexpected unit " + u);
		};
	}

	/** Every value of the plane shown equals the value read straight from the source. */
	static void assertPlaneMatches(ArrayNode node, SliceSpec s, Dataset shown) {
		long[] shape = node.shape();
		int nx = (int) shape[s.xDim()];
		int ny = (int) shape[s.yDim()];
		assertArrayEquals(new int[] { ny, nx }, shown.getShapeRef());
		int[] count = new int[shape.length];
		java.util.Arrays.fill(count, 1);
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				long[] at = s.position();
				at[s.xDim()] = x;
				at[s.yDim()] = y;
				double direct = node.source().read(at, count).getElementDoubleAbs(0);
				assertEquals(direct, shown.getDouble(y, x), 0, "pixel x=" + x + ", y=" + y);
			}
		}
	}
}
