package org.ronchi.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.ui.image.Ticks;
import org.ronchi.ui.slice.LatestJob;
import org.ronchi.ui.slice.SliceSpec;
import org.ronchi.ui.slice.Slicer;

/**
 * The plot view's content: an SWTChart line chart of the trace a {@link SliceSpec} selects (read in the
 * background), pinned traces kept for comparison, log X/Y, wheel zoom, and a read-out of the point
 * under the mouse. A vertical line marks the index of the plotted dimension that the image shows.
 */
public final class PlotPanel {

	/** One line: calibrated x, values, and what they are. */
	public record Trace(String name, double[] x, double[] y, String xLabel, String yLabel) {
	}

	private static final Color[] COLORS = { new Color(0, 90, 181), new Color(220, 50, 32), new Color(0, 150, 80), new Color(230, 140, 0),
			new Color(120, 60, 160), new Color(140, 90, 40), new Color(0, 160, 170) };

	/** How long a new trace may wait for the image of the same slider step, to be painted in its frame. */
	private static final int FOLLOW_IMAGE_MILLIS = 100;

	private final Composite root;
	private final Chart chart;
	private final Button logX;
	private final Button logY;
	private final Label readout;
	private final LongSupplier budgetBytes;
	private final LatestJob<SliceSpec, Trace> loader;
	private final List<Trace> pinned = new ArrayList<>();
	private Trace current;
	private SliceSpec requested;
	private double marker = Double.NaN;
	private String note = "";

	public PlotPanel(Composite parent, LongSupplier budgetBytes) {
		this.budgetBytes = budgetBytes;
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(1, false);
		gl.marginWidth = 2;
		gl.marginHeight = 2;
		gl.verticalSpacing = 2;
		root.setLayout(gl);
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bar.setLayout(org.ronchi.ui.image.ImagePanel.toolbarLayout());
		logX = check(bar, "Log X", "Logarithmic x axis (only positive coordinates)");
		logY = check(bar, "Log Y", "Logarithmic y axis; zero and negative values are drawn at the smallest positive value");
		Button pin = new Button(bar, SWT.PUSH);
		pin.setText("Pin trace");
		pin.setToolTipText("Keep the current trace to compare it with the next ones");
		Button clear = new Button(bar, SWT.PUSH);
		clear.setText("Clear pinned");

		chart = new Chart(root, SWT.NONE);
		chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		chart.getPlotArea().setToolTipText("Wheel: zoom the x axis about the mouse; double-click: show everything");
		chart.getTitle().setVisible(false);
		chart.getLegend().setPosition(SWT.TOP);
		chart.getAxisSet().getXAxis(0).getTitle().setText("");
		chart.getAxisSet().getXAxis(0).getTick().setFormat(Ticks.textFormat());
		chart.getAxisSet().getYAxis(0).getTick().setFormat(Ticks.textFormat());
		chart.getAxisSet().getYAxis(0).getTitle().setText("");
		readout = new Label(root, SWT.NONE);
		readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		loader = new LatestJob<SliceSpec, Trace>("Reading plot trace", root.getDisplay(), (s, superseded) -> load(s), (s, t) -> {
			note = "";
			setTrace(t);
		}, (s, e) -> {
			note = "Cannot plot: " + e.getMessage();
			current = null;
			refresh();
		}).follows(FOLLOW_IMAGE_MILLIS);
		logX.addListener(SWT.Selection, e -> refresh());
		logY.addListener(SWT.Selection, e -> refresh());
		pin.addListener(SWT.Selection, e -> pin());
		clear.addListener(SWT.Selection, e -> {
			pinned.clear();
			refresh();
		});
		chart.getPlotArea().getControl().addMouseWheelListener(e -> zoom(e.count > 0 ? 0.8 : 1.25, e.x));
		chart.getPlotArea().getControl().addListener(SWT.MouseDoubleClick, e -> {
			chart.getAxisSet().adjustRange();
			chart.redraw();
		});
		chart.getPlotArea().addMouseMoveListener(e -> hover(e.x));
		chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
			@Override
			public void paintControl(org.eclipse.swt.events.PaintEvent e) {
				paintMarker(e.gc);
			}

			@Override
			public boolean drawBehindSeries() {
				return true;
			}
		});
		root.addDisposeListener(e -> loader.cancel());
		refresh();
	}

	private static Button check(Composite bar, String text, String tip) {
		Button b = new Button(bar, SWT.CHECK);
		b.setText(text);
		b.setToolTipText(tip);
		return b;
	}

	public Composite control() {
		return root;
	}

	public Chart chart() {
		return chart;
	}

	/** Plots the trace a slice selects; reads in the background unless only the marker moved. */
	public void show(SliceSpec spec) {
		if (spec == null) {
			loader.cancel();
			requested = null;
			current = null;
			refresh();
			return;
		}
		boolean same = spec.sameLine(requested);
		requested = spec;
		int d = spec.lineDim();
		marker = spec.isImage() && d != spec.xDim() && d != spec.yDim() ? spec.node().axes().get(d).coordinate(spec.index(d)) : Double.NaN;
		if (!same) {
			loader.submit(spec);
		} else {
			chart.redraw();
		}
	}

	private Trace load(SliceSpec s) {
		ArrayNode node = s.node();
		int d = s.lineDim();
		Dataset line = Slicer.line(node, d, s.position(), budgetBytes.getAsLong());
		int n = line.getSize();
		double[] y = new double[n];
		boolean complex = line.getElementsPerItem() == 2;
		for (int i = 0; i < n; i++) {
			y[i] = complex ? Math.hypot(line.getElementDoubleAbs(2 * i), line.getElementDoubleAbs(2 * i + 1)) : line.getElementDoubleAbs(i);
		}
		Axis a = node.axes().get(d);
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = a.coordinate(i);
		}
		String xl = a.units().isEmpty() ? a.name() : a.name() + " (" + a.units() + ")";
		String yl = Ticks.valueLabel(node.quantity(), node.units());
		if (complex) {
			yl = "|" + (yl.isEmpty() ? "value" : yl) + "|";
		}
		return new Trace(node.title() + where(s), x, y, xl, yl);
	}

	/** @return " at y=3, x=5" for the indices of the other dimensions of size > 1 */
	static String where(SliceSpec s) {
		StringBuilder sb = new StringBuilder();
		long[] shape = s.node().shape();
		for (int d = 0; d < shape.length; d++) {
			if (d != s.lineDim() && shape[d] > 1) {
				sb.append(sb.length() == 0 ? " at " : ", ").append(s.node().axes().get(d).name()).append('=').append(s.index(d));
			}
		}
		return sb.toString();
	}

	/** Shows a trace (from a slice or computed elsewhere). */
	public void setTrace(Trace t) {
		current = t;
		refresh();
		// again: SWTChart's range margins are pixels converted at the current range, so a second pass
		// settles them (one pass leaves them a fraction of a pixel off after a big change of range)
		chart.getAxisSet().adjustRange();
		chart.redraw();
	}

	/** Keeps the current trace. */
	public void pin() {
		if (current != null && pinned.size() < COLORS.length - 1) {
			pinned.add(current);
			refresh();
		}
	}

	public List<Trace> pinned() {
		return List.copyOf(pinned);
	}

	public Trace current() {
		return current;
	}

	public boolean idle() {
		return loader.idle();
	}

	public void setLog(boolean x, boolean y) {
		logX.setSelection(x);
		logY.setSelection(y);
		refresh();
	}

	private void refresh() {
		IAxis xa = chart.getAxisSet().getXAxis(0);
		IAxis ya = chart.getAxisSet().getYAxis(0);
		xa.enableLogScale(false);
		ya.enableLogScale(false);
		List<Trace> all = new ArrayList<>(pinned);
		if (current != null) {
			all.add(current);
		}
		double floorY = logY.getSelection() ? minPositive(all, false) : Double.NaN;
		double floorX = logX.getSelection() ? minPositive(all, true) : Double.NaN;
		ISeries<?>[] series = chart.getSeriesSet().getSeries();
		if (series.length != all.size()) { // a trace pinned or cleared; a slider step keeps the series and swaps its data
			for (ISeries<?> s : series) {
				chart.getSeriesSet().deleteSeries(s.getId());
			}
			series = new ISeries<?>[all.size()];
			for (int i = 0; i < series.length; i++) {
				series[i] = chart.getSeriesSet().createSeries(SeriesType.LINE, Integer.toString(i + 1));
			}
		}
		for (int i = 0; i < all.size(); i++) {
			Trace t = all.get(i);
			ILineSeries<?> s = (ILineSeries<?>) series[i];
			s.setDescription((i + 1) + ": " + t.name()); // the legend's text
			s.setXSeries(floor(t.x(), floorX));
			s.setYSeries(floor(t.y(), floorY));
			s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
			s.setLineColor(t == current ? COLORS[0] : COLORS[1 + i % (COLORS.length - 1)]);
			s.setLineWidth(t == current ? 2 : 1);
			s.setLineStyle(LineStyle.SOLID);
			s.setAntialias(SWT.ON);
		}
		chart.getLegend().setVisible(all.size() > 1);
		Trace ref = current != null ? current : all.isEmpty() ? null : all.get(0);
		setTitle(xa, ref == null ? "" : ref.xLabel());
		setTitle(ya, ref == null ? "" : ref.yLabel());
		chart.getAxisSet().adjustRange();
		xa.enableLogScale(logX.getSelection() && !Double.isNaN(floorX));
		ya.enableLogScale(logY.getSelection() && !Double.isNaN(floorY));
		if (ya.isLogScaleEnabled() || xa.isLogScaleEnabled()) {
			chart.getAxisSet().adjustRange();
		}
		readout.setText(!note.isEmpty() ? note : current == null ? "Select a dataset; the plot traces the spectrum or line under the image cursor"
				: current.name() + " \u2014 " + current.y().length + " points");
		chart.redraw();
	}

	/** Sets an axis title; an unchanged one is left alone, since every title change lays the chart out again. */
	private static void setTitle(IAxis axis, String text) {
		if (!text.equals(axis.getTitle().getText())) {
			axis.getTitle().setText(text);
		}
	}

	/** @return the smallest positive value of every trace's x or y, or NaN if there is none */
	private static double minPositive(List<Trace> traces, boolean x) {
		double m = Double.POSITIVE_INFINITY;
		for (Trace t : traces) {
			for (double v : x ? t.x() : t.y()) {
				if (v > 0 && v < m) {
					m = v;
				}
			}
		}
		return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
	}

	/** SWTChart refuses a log axis with values <= 0: draw them at the floor (NaN floor: values unchanged). */
	private static double[] floor(double[] v, double floor) {
		if (Double.isNaN(floor)) {
			return v;
		}
		double[] out = v.clone();
		for (int i = 0; i < out.length; i++) {
			if (!(out[i] > 0)) {
				out[i] = floor;
			}
		}
		return out;
	}

	private void zoom(double factor, int px) {
		IAxis xa = chart.getAxisSet().getXAxis(0);
		double at = xa.getDataCoordinate(px);
		org.eclipse.swtchart.Range r = xa.getRange();
		double lo = at - (at - r.lower) * factor;
		double hi = at + (r.upper - at) * factor;
		if (hi > lo) {
			xa.setRange(new org.eclipse.swtchart.Range(lo, hi));
			chart.redraw();
		}
	}

	private void hover(int px) {
		if (current == null || current.x().length == 0) {
			return;
		}
		double at = chart.getAxisSet().getXAxis(0).getDataCoordinate(px);
		double[] x = current.x();
		int best = 0;
		for (int i = 1; i < x.length; i++) {
			if (Math.abs(x[i] - at) < Math.abs(x[best] - at)) {
				best = i;
			}
		}
		readout.setText("index " + best + "   " + current.xLabel() + " " + Ticks.format(x[best]) + "   value " + Ticks.format(current.y()[best])
				+ (current.yLabel().isEmpty() ? "" : " " + current.yLabel()));
	}

	private void paintMarker(GC gc) {
		if (Double.isNaN(marker) || current == null) {
			return;
		}
		int px = chart.getAxisSet().getXAxis(0).getPixelCoordinate(marker);
		gc.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_RED));
		gc.setLineStyle(SWT.LINE_DASH);
		gc.drawLine(px, 0, px, chart.getPlotArea().getSize().y);
		gc.setLineStyle(SWT.LINE_SOLID);
	}
}
