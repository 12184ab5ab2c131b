package org.ronchi.ui.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.BiConsumer;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.ui.slice.LatestJob;
import org.ronchi.ui.slice.SliceSpec;
import org.ronchi.ui.slice.Slicer;

/**
 * The image view's content: a tool bar (colour map, contrast percentiles, log scale, fit), an
 * {@link ImageCanvas}, and a read-out line (pixel index, calibrated position, value). Shows the plane a
 * {@link SliceSpec} selects, read and rendered in a background {@link LatestJob}, or any 2-D dataset
 * handed to {@link #display}. The UI thread never reads data.
 */
public final class ImagePanel {

	private static final String HINT = "Hover to read values; click to pick the pixel the plot traces";

	/** What the panel shows: the values and how they were rendered. */
	private record Shown(Dataset plane, Axis x, Axis y, String title, String valueLabel) {
	}

	private final Composite root;
	private final ImageCanvas canvas;
	private final Combo colormap;
	private final Spinner low;
	private final Spinner high;
	private final Button log;
	private final Label readout;
	private final Label status;
	private String hint = HINT;
	private final LongSupplier budgetBytes;
	private volatile ImageRenderer.Settings settings;
	private final LatestJob<SliceSpec, Rendered> loader;
	private final LatestJob<Shown, Rendered> renderer;
	private SliceSpec requested;
	private SliceSpec shownSpec;
	private Shown shown;
	private final List<BiConsumer<Integer, Integer>> clickListeners = new ArrayList<>();

	/**
	 * @param defaults colour map, percentiles and log scale to start with
	 * @param budgetBytes the most one plane may take in memory (asked at every read: preferences may change)
	 */
	public ImagePanel(Composite parent, ImageRenderer.Settings defaults, LongSupplier budgetBytes) {
		this.settings = defaults;
		this.budgetBytes = budgetBytes;
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(1, false);
		gl.marginWidth = 2;
		gl.marginHeight = 2;
		gl.verticalSpacing = 2;
		root.setLayout(gl);

		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bar.setLayout(toolbarLayout()); // wraps in a narrow view instead of cutting controls off
		new Label(bar, SWT.NONE).setText("Colour map");
		colormap = new Combo(bar, SWT.READ_ONLY);
		colormap.setItems(Colormap.NAMES.toArray(new String[0]));
		colormap.select(Math.max(0, Colormap.NAMES.indexOf(defaults.colormap().name())));
		colormap.setToolTipText("Colour map: gray, or a perceptually uniform map (viridis, inferno, magma, plasma, cividis)");
		new Label(bar, SWT.NONE).setText(" Contrast %");
		low = percentSpinner(bar, defaults.lowPercentile(), "Values below this percentile show as the first colour");
		new Label(bar, SWT.NONE).setText("\u2013");
		high = percentSpinner(bar, defaults.highPercentile(), "Values above this percentile show as the last colour");
		log = new Button(bar, SWT.CHECK);
		log.setText("Log scale");
		log.setSelection(defaults.log());
		log.setToolTipText("Colour by log10 of the values (zero and negative values show as the first colour)");
		Button fit = new Button(bar, SWT.PUSH);
		fit.setText("Fit");
		fit.setToolTipText("Fit the whole image (or double-click it); the wheel zooms, dragging pans");
		status = new Label(bar, SWT.NONE);
		status.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));

		canvas = new ImageCanvas(root);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		readout = new Label(root, SWT.NONE);
		readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		readout.setText(HINT);

		loader = new LatestJob<SliceSpec, Rendered>("Reading image slice", root.getDisplay(), (spec, superseded) -> load(spec),
				this::loaded, (spec, e) -> failed(e)).leads();
		canvas.addPaintListener(e -> loader.shown()); // after the canvas's own painting: the new image is on screen
		renderer = new LatestJob<>("Rendering image", root.getDisplay(), (s, superseded) -> ImageRenderer.render(s.plane(), settings),
				(s, r) -> canvas.setImage(r, s.x(), s.y(), s.title(), s.valueLabel()), (s, e) -> failed(e));

		colormap.addListener(SWT.Selection, e -> setColormap(Colormap.named(colormap.getText())));
		low.addListener(SWT.Selection, e -> contrastChanged());
		high.addListener(SWT.Selection, e -> contrastChanged());
		log.addListener(SWT.Selection, e -> {
			settings = settings.withLog(log.getSelection());
			rerender();
		});
		fit.addListener(SWT.Selection, e -> canvas.fit());
		canvas.addHoverListener(this::hover);
		canvas.addClickListener((x, y) -> clickListeners.forEach(l -> l.accept(x, y)));
		root.addDisposeListener(e -> {
			loader.cancel();
			renderer.cancel();
		});
	}

	/** @return a row layout that wraps, centred vertically: tool bars of views that may be narrow */
	public static org.eclipse.swt.layout.RowLayout toolbarLayout() {
		org.eclipse.swt.layout.RowLayout rl = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
		rl.wrap = true;
		rl.center = true;
		rl.marginLeft = 0;
		rl.marginRight = 0;
		rl.marginTop = 0;
		rl.marginBottom = 0;
		rl.spacing = 4;
		return rl;
	}

	private static Spinner percentSpinner(Composite bar, double value, String tip) {
		Spinner s = new Spinner(bar, SWT.BORDER);
		s.setDigits(1);
		s.setMinimum(0);
		s.setMaximum(1000);
		s.setIncrement(5);
		s.setSelection((int) Math.round(value * 10));
		s.setToolTipText(tip);
		return s;
	}

	public Composite control() {
		return root;
	}

	public ImageCanvas canvas() {
		return canvas;
	}

	/** Sets what the read-out line says before the mouse moves over the image (what clicking does here). */
	public void setHint(String text) {
		hint = text;
		readout.setText(text);
	}

	/** @param l gets the pixel the user clicked (column, row) */
	public void addClickListener(BiConsumer<Integer, Integer> l) {
		clickListeners.add(l);
	}

	/**
	 * Shows the plane a slice selects. A new plane is read in the background; the same plane with
	 * another cursor only moves the cursor mark.
	 */
	public void show(SliceSpec spec) {
		if (spec == null || !spec.isImage()) {
			loader.cancel();
			requested = spec;
			shown = null;
			shownSpec = null;
			canvas.setMessage(spec == null ? "Select a dataset in the Data Tree" : "A line view: see the Plot");
			return;
		}
		boolean samePlane = spec.samePlane(requested);
		requested = spec;
		if (!samePlane) {
			loader.submit(spec);
		} else if (spec.samePlane(shownSpec)) {
			shownSpec = spec;
		}
		canvas.setCursor(spec.index(spec.xDim()), spec.index(spec.yDim()));
	}

	/**
	 * Shows a 2-D dataset (rows x columns) already in memory, rendered with the panel's settings.
	 *
	 * @param x calibration of the columns (null: pixels)
	 * @param y calibration of the rows
	 */
	public void display(Dataset plane, Axis x, Axis y, String title, String valueLabel) {
		loader.cancel();
		requested = null;
		shownSpec = null;
		shown = new Shown(plane, x, y, title, valueLabel);
		renderer.submit(shown);
	}

	/** Shows a message instead of an image. */
	public void message(String text) {
		loader.cancel();
		renderer.cancel();
		requested = null;
		shown = null;
		shownSpec = null;
		canvas.setMessage(text);
	}

	private Rendered load(SliceSpec spec) {
		long t0 = System.nanoTime();
		Dataset plane = Slicer.image(spec, budgetBytes.getAsLong());
		Rendered r = ImageRenderer.render(plane, settings);
		lastMillis = (System.nanoTime() - t0) / 1_000_000;
		return r;
	}

	private volatile long lastMillis;

	private void loaded(SliceSpec spec, Rendered r) {
		ArrayNode node = spec.node();
		Axis x = node.axes().get(spec.xDim());
		Axis y = node.axes().get(spec.yDim());
		String title = node.title() + sliceText(spec);
		String value = Ticks.valueLabel(node.quantity(), node.units());
		if (shownSpec == null || shownSpec.node() != spec.node()) {
			readout.setText(hint); // the last read-out was about another array
		}
		shown = new Shown(r.data(), x, y, title, value);
		shownSpec = spec;
		canvas.setImage(r, x, y, title, value);
		SliceSpec cursor = requested != null && requested.samePlane(spec) ? requested : spec;
		canvas.setCursor(cursor.index(spec.xDim()), cursor.index(spec.yDim()));
		status.setText(r.width() + " \u00d7 " + r.height() + " in " + lastMillis + " ms");
		status.setToolTipText("the last slice was read from the file and turned into pixels in " + lastMillis + " ms");
		if (status.computeSize(SWT.DEFAULT, SWT.DEFAULT).x > status.getSize().x) {
			status.getParent().layout(); // only when the text outgrows the label: laying out the tool bar takes a millisecond
		}
	}

	/** @return "  [Energy loss = 532 eV, frame = 3]": where the dimensions that are not X or Y stand, or "" */
	static String sliceText(SliceSpec s) {
		StringBuilder sb = new StringBuilder();
		long[] shape = s.node().shape();
		for (int d = 0; d < shape.length; d++) {
			if (d != s.xDim() && d != s.yDim() && shape[d] > 1) {
				Axis a = s.node().axes().get(d);
				sb.append(sb.length() == 0 ? "  [" : ", ").append(a.name()).append(" = ")
						.append(Ticks.calibrated(a) ? Ticks.coordinate(a, s.index(d)) : Long.toString(s.index(d)));
			}
		}
		return sb.length() == 0 ? "" : sb.append(']').toString();
	}

	private void failed(Throwable e) {
		shown = null;
		shownSpec = null;
		canvas.setMessage("Cannot show this slice: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
	}

	private void hover(int x, int y) {
		Rendered r = canvas.rendered();
		if (r == null || x < 0 || shown == null) {
			return;
		}
		StringBuilder sb = new StringBuilder();
		sb.append(position("x", x, shown.x())).append("   ").append(position("y", y, shown.y())).append("   value ")
				.append(r.valueText(x, y));
		String units = shown.valueLabel();
		if (!units.isEmpty() && !r.rgb()) {
			sb.append(' ').append(units);
		}
		readout.setText(sb.toString());
	}

	static String position(String fallback, int i, Axis a) {
		if (a == null) {
			return fallback + " " + i;
		}
		return a.name() + " " + i + (Ticks.calibrated(a) ? " (" + Ticks.coordinate(a, i) + ")" : "");
	}

	private void contrastChanged() {
		double lo = low.getSelection() / 10.0;
		double hi = high.getSelection() / 10.0;
		if (hi <= lo) {
			return;
		}
		settings = settings.withPercentiles(lo, hi);
		rerender();
	}

	/** Sets the colour map; only the palette changes, the pixels are not computed again. */
	public void setColormap(Colormap c) {
		settings = settings.withColormap(c);
		colormap.select(Math.max(0, Colormap.NAMES.indexOf(c.name())));
		Rendered r = canvas.rendered();
		if (r != null && shown != null) {
			canvas.setImage(r.withColormap(c), shown.x(), shown.y(), shown.title(), shown.valueLabel());
		}
	}

	public void setLog(boolean on) {
		log.setSelection(on);
		settings = settings.withLog(on);
		rerender();
	}

	private void rerender() {
		if (shown != null) {
			renderer.submit(shown);
		}
	}

	public ImageRenderer.Settings settings() {
		return settings;
	}

	/** @return what is drawn now, or null */
	public Rendered rendered() {
		return canvas.rendered();
	}

	/** @return the slice drawn now (null when showing a dataset given to {@link #display}) */
	public SliceSpec shownSpec() {
		return shownSpec;
	}

	/** @return whether every requested image has been read and drawn (UI thread; for tests) */
	public boolean idle() {
		return loader.idle() && renderer.idle();
	}

	/** @return how many slices were actually read (the rest were superseded before starting) */
	public long reads() {
		return loader.runs();
	}

	public String readout() {
		return readout.getText();
	}

	/** Writes the read-out for a pixel as hovering does (for tests and keyboard use). */
	public void hoverAt(int x, int y) {
		hover(x, y);
	}
}
