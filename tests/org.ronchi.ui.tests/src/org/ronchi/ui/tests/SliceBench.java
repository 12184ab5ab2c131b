package org.ronchi.ui.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.graphics.ImageData;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.image.Rendered;
import org.ronchi.ui.slice.SliceSpec;
import org.ronchi.ui.slice.Slicer;

/**
 * Slice latency of the Image view on a large file (run by bench/ui_slice.sh, not a test): the time of
 * one slider step, from the new slice to the image drawn.
 * <ul>
 * <li>{@code frames}: a scan-position slider over a 4D-STEM cube, each step a new diffraction pattern
 * (the read and render work the view's background job does: lazy read through the loader's
 * ArraySource, contrast, colour indices, SWT ImageData);</li>
 * <li>{@code view}: the same steps through a real Data Tree and Image panel on a display: the file
 * opened by the Data Tree's background job, each step handed to the panel as the Slicing view does,
 * timed until the canvas has painted it;</li>
 * <li>{@code drag}: 200 slider steps fired every 2 ms, as a fast drag produces: how many reads
 * ran and how long until the last step is on screen;</li>
 * <li>{@code plane}: the scan-plane image at one detector pixel, a slider over detector pixels (each
 * step touches every chunk of a frame-chunked file).</li>
 * </ul>
 * Prints one line per step and the median and 95th percentile.
 */
public final class SliceBench {
	private SliceBench() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		String dataset = args[1];
		String mode = args.length > 2 ? args[2] : "frames";
		int steps = args.length > 3 ? Integer.parseInt(args[3]) : 100;
		switch (mode) {
		case "frames" -> frames(file, dataset, steps);
		case "view" -> view(file, dataset, steps);
		case "drag" -> drag(file, dataset);
		case "plane" -> plane(file, dataset, steps);
		default -> throw new IllegalArgumentException("unsupported mode: " + mode);
		}
	}

	private static final ImageRenderer.Settings SETTINGS = new ImageRenderer.Settings(Colormap.named("viridis"), 0.5, 99.5, false);

	private static void frames(Path file, String dataset, int steps) {
		try (DataFile f = Fixture.registry().open(file)) {
			ArrayNode a = (ArrayNode) f.root().resolve(dataset);
			SliceSpec s = SliceSpec.defaults(a);
			System.out.println("frames: " + a.path() + " " + Arrays.toString(a.shape()) + " " + a.dtype().numpyName() + ", image of dims "
					+ s.yDim() + " x " + s.xDim() + ", slider over the scan positions");
			long[] shape = a.shape();
			List<Double> ms = new ArrayList<>();
			for (int i = 0; i < steps; i++) {
				long y = (i * 37L) % shape[0]; // jump around the scan: no read-ahead helps
				long x = (i * 53L) % shape[1];
				SliceSpec step = s.withIndex(0, y).withIndex(1, x);
				long t0 = System.nanoTime();
				Dataset plane = Slicer.image(step, 1L << 30);
				Rendered r = ImageRenderer.render(plane, SETTINGS);
				ImageData id = r.imageData();
				double t = (System.nanoTime() - t0) / 1e6;
				ms.add(t);
				System.out.printf(Locale.ROOT, "step %3d  scan (%3d, %3d)  %dx%d  %7.2f ms%n", i, y, x, id.width, id.height, t);
			}
			summary(ms);
		}
	}

	private static void view(Path file, String dataset, int steps) {
		try (Browser b = new Browser()) {
			DataFile f = b.open(file);
			ArrayNode a = (ArrayNode) f.root().resolve(dataset);
			b.tree.select(a);
			b.idle();
			SliceSpec s = b.slicer.spec();
			ImagePanel image = b.image;
			System.out.println("view: " + a.path() + " " + Arrays.toString(a.shape()) + " through DataTreePanel, SlicerPanel and ImagePanel on "
					+ System.getenv("DISPLAY"));
			long[] shape = a.shape();
			List<Double> ms = new ArrayList<>();
			Rendered[] painted = new Rendered[1];
			long[] paintedAt = new long[1];
			image.canvas().addPaintListener(e -> { // added after the canvas's own listener: runs once the image is drawn
				painted[0] = image.canvas().rendered();
				paintedAt[0] = System.nanoTime();
			});
			for (int i = 0; i < steps; i++) {
				long y = (i * 37L + 1) % shape[0];
				long x = (i * 53L + 1) % shape[1];
				// one step on a window at rest: the last step's plot shown and painted (a frame passes)
				b.idle();
				long rest = System.nanoTime() + 25_000_000L;
				b.fx.pump(() -> System.nanoTime() > rest, 30_000, "a frame");
				long t0 = System.nanoTime();
				b.slicer.apply(s.withIndex(0, y).withIndex(1, x));
				// the step ends when the canvas has painted the new image, not when it was handed over: GTK
				// paints at most once a frame (16.7 ms), so a hand-over can wait that long to show
				b.fx.pump(() -> image.idle() && painted[0] == image.rendered(), 30_000, "step " + i);
				double t = (paintedAt[0] - t0) / 1e6;
				ms.add(t);
				System.out.printf(Locale.ROOT, "step %3d  scan (%3d, %3d)  %7.2f ms slider to painted image%n", i, y, x, t);
			}
			summary(ms);
		}
	}

	private static void drag(Path file, String dataset) throws InterruptedException {
		try (Browser b = new Browser()) {
			DataFile f = b.open(file);
			ArrayNode a = (ArrayNode) f.root().resolve(dataset);
			b.tree.select(a);
			b.idle();
			SliceSpec s = b.slicer.spec();
			long readsBefore = b.image.reads();
			long t0 = System.nanoTime();
			for (int i = 0; i < 200; i++) {
				b.slicer.setIndex(1, i % a.shape()[1]); // what the scale's selection events do while dragged
				b.slicer.setIndex(0, i / a.shape()[1]);
				b.fx.display.readAndDispatch(); // the UI thread handles one event between mouse moves
				Thread.sleep(2);
			}
			long sent = System.nanoTime();
			b.fx.pump(b.image::idle, 30_000, "the last step");
			long done = System.nanoTime();
			long reads = b.image.reads() - readsBefore;
			System.out.printf(Locale.ROOT, "drag: 200 slider events in %.0f ms, %d slices read (the rest superseded); last image on screen %.1f ms "
					+ "after the last event, showing step %d%n", (sent - t0) / 1e6, reads, (done - sent) / 1e6,
					b.image.shownSpec().index(1) + b.image.shownSpec().index(0) * a.shape()[1]);
		}
	}

	private static void plane(Path file, String dataset, int steps) {
		try (DataFile f = Fixture.registry().open(file)) {
			ArrayNode a = (ArrayNode) f.root().resolve(dataset);
			long[] shape = a.shape();
			SliceSpec s = new SliceSpec(a, 1, 0, -1, new long[] { 0, 0, shape[2] / 2, shape[3] / 2 });
			System.out.println("plane: the scan-plane image " + shape[0] + " x " + shape[1] + " at one detector pixel, slider over detector pixels");
			List<Double> ms = new ArrayList<>();
			for (int i = 0; i < steps; i++) {
				SliceSpec step = s.withIndex(3, (shape[3] / 2 + i) % shape[3]);
				long t0 = System.nanoTime();
				Rendered r = ImageRenderer.render(Slicer.image(step, 1L << 30), SETTINGS);
				double t = (System.nanoTime() - t0) / 1e6;
				ms.add(t);
				System.out.printf(Locale.ROOT, "step %3d  detector x %3d  %dx%d  %9.1f ms%n", i, step.index(3), r.width(), r.height(), t);
			}
			summary(ms);
		}
	}

	private static void summary(List<Double> ms) {
		System.out.println(stats("all steps", ms) + "; first step (file index, JIT) " + String.format(Locale.ROOT, "%.2f ms", ms.get(0)));
		if (ms.size() > 20) {
			System.out.println(stats("after 5 warm-up steps", ms.subList(5, ms.size())));
		}
	}

	private static String stats(String what, List<Double> ms) {
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(Locale.ROOT, "%s: %d steps, median %.2f ms, p95 %.2f ms, max %.2f ms", what, v.length, v[v.length / 2],
				v[(int) Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)], v[v.length - 1]);
	}
}
