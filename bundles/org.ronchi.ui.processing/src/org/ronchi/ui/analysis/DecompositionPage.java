package org.ronchi.ui.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.image.ImageRenderer;
import org.ronchi.ui.plot.PlotPanel;

/**
 * A decomposition run (decomposition.svd, .nmf, .ica): the scree plot (explained variance ratio, or
 * the singular values, on a log axis) above, and below it the chosen component's factor (a signal:
 * spectrum or pattern) beside its loading (a map over the scan), as HyperSpy's
 * {@code plot_decomposition_results} pairs them. Factors are (components, signal...), loadings
 * (navigation..., components), as the operations write them.
 */
public final class DecompositionPage {
	private final Composite root;
	private final PlotPanel scree;
	private final Label screeNote;
	private final Spinner component;
	private final Pane factor;
	private final Pane loading;
	private ArrayNode factors;
	private ArrayNode loadings;

	DecompositionPage(Composite parent, ImageRenderer.Settings imageDefaults, LongSupplier budgetBytes) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		scree = new PlotPanel(sash, budgetBytes);
		Composite pair = new Composite(sash, SWT.NONE);
		pair.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(pair, SWT.NONE);
		bar.setLayout(ImagePanel.toolbarLayout());
		new Label(bar, SWT.NONE).setText("Component");
		component = new Spinner(bar, SWT.BORDER);
		screeNote = new Label(bar, SWT.NONE);
		SashForm sides = new SashForm(pair, SWT.HORIZONTAL);
		sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		factor = new Pane(sides, imageDefaults, budgetBytes);
		loading = new Pane(sides, imageDefaults, budgetBytes);
		sash.setWeights(1, 2);
		component.addListener(SWT.Selection, e -> showComponent(component.getSelection()));
	}

	static boolean accepts(Map<String, ArrayNode> run) {
		return run.containsKey("factors") && run.containsKey("loadings");
	}

	/** @return why the run cannot be shown, or null when it is */
	String show(Map<String, ArrayNode> run) {
		factors = run.get("factors");
		loadings = run.get("loadings");
		int k = (int) factors.shape()[0];
		if (loadings.shape()[loadings.rank() - 1] != k) {
			return "factors " + Shapes.format(factors.shape()) + " and loadings " + Shapes.format(loadings.shape()) + " differ in components";
		}
		ArrayNode curve = run.containsKey("explained_variance_ratio") ? run.get("explained_variance_ratio") : run.get("singular_values");
		if (curve != null) {
			double[] y = doubles(curve.source().read(new long[1], Shapes.toInt(curve.shape())));
			double[] x = new double[y.length];
			for (int i = 0; i < x.length; i++) {
				x[i] = i;
			}
			scree.setTrace(new PlotPanel.Trace(RunArrays.name(curve), x, y, "component", RunArrays.name(curve).replace('_', ' ')));
			scree.setLog(false, true);
			screeNote.setText("of " + k + " (scree plot above: " + RunArrays.name(curve).replace('_', ' ') + ")");
		} else {
			scree.setTrace(null);
			screeNote.setText("of " + k + " (no scree plot: the run has no singular values)");
		}
		component.setValues(0, 0, k - 1, 0, 1, 5);
		screeNote.getParent().layout(true);
		showComponent(0);
		return null;
	}

	/** Shows factor and loading {@code c} side by side. */
	public void showComponent(int c) {
		component.setSelection(c);
		long[] fs = factors.shape();
		long[] start = new long[fs.length];
		start[0] = c;
		int[] count = Shapes.toInt(fs);
		count[0] = 1;
		Dataset f = factors.source().read(start, count).reshape(Arrays.copyOfRange(count, 1, count.length));
		factor.show(f, factors.axes().subList(1, fs.length), "factor " + c, RunArrays.name(factors) + " " + c);

		long[] ls = loadings.shape();
		int n = ls.length - 1;
		long[] at = new long[ls.length];
		at[n] = c;
		int[] take = Shapes.toInt(ls);
		take[n] = 1;
		Dataset l = loadings.source().read(at, take).reshape(Arrays.copyOf(take, n));
		loading.show(l, loadings.axes().subList(0, n), "loading " + c, RunArrays.name(loadings) + " " + c);
	}

	public PlotPanel scree() {
		return scree;
	}

	/** @return the factor's plot (a 1-D signal) or image panel (2-D) */
	public Object factorShown() {
		return factor.shown();
	}

	/** @return the loading's image panel (a 2-D scan) or plot (1-D) */
	public Object loadingShown() {
		return loading.shown();
	}

	boolean idle() {
		return factor.image.idle() && loading.image.idle();
	}

	Composite control() {
		return root;
	}

	private static double[] doubles(Dataset d) {
		double[] v = new double[d.getSize()];
		for (int i = 0; i < v.length; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		return v;
	}

	/** One side of the pair: a line plot for 1-D data, an image for 2-D. */
	private static final class Pane {
		private final Composite root;
		private final StackLayout stack = new StackLayout();
		private final PlotPanel plot;
		private final ImagePanel image;

		Pane(Composite parent, ImageRenderer.Settings imageDefaults, LongSupplier budgetBytes) {
			root = new Composite(parent, SWT.NONE);
			root.setLayout(stack);
			plot = new PlotPanel(root, budgetBytes);
			image = new ImagePanel(root, imageDefaults.withLog(false), budgetBytes);
		}

		void show(Dataset d, List<Axis> axes, String title, String valueLabel) {
			if (d.getRank() == 1) {
				Axis a = axes.get(0);
				double[] x = new double[d.getSize()];
				for (int i = 0; i < x.length; i++) {
					x[i] = a.coordinate(i);
				}
				String xl = a.units().isEmpty() ? a.name() : a.name() + " (" + a.units() + ")";
				plot.setTrace(new PlotPanel.Trace(title, x, doubles(d), xl, valueLabel));
				stack.topControl = plot.control();
			} else if (d.getRank() == 2) {
				image.display(d, axes.get(1), axes.get(0), title, valueLabel);
				stack.topControl = image.control();
			} else {
				image.message(title + ": " + d.getRank() + "-D, shown only as 1-D or 2-D");
				stack.topControl = image.control();
			}
			root.layout(true, true);
		}

		Object shown() {
			return stack.topControl == plot.control() ? plot : image;
		}
	}
}
