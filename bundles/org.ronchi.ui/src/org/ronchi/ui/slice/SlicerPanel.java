package org.ronchi.ui.slice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.ui.image.Ticks;

/**
 * The slicing controls for one array: an image or line view; per dimension its name and units, size,
 * role (image X, image Y, plot, or a slider) and a slider with a spinner and the calibrated value.
 * Every change produces a new {@link SliceSpec} for the listeners; sliders fire on every step, and the
 * views coalesce (see {@link LatestJob}), so dragging never queues reads.
 */
public final class SlicerPanel {
	static final String X = "X";
	static final String Y = "Y";
	static final String PLOT = "plot";
	static final String SLIDER = "slider";

	private final class Row {
		final int dim;
		final Combo role;
		final Scale scale;
		final Spinner spinner;
		final Label value;

		Row(Composite grid, int dim, Axis axis, long size) {
			this.dim = dim;
			Label name = new Label(grid, SWT.NONE);
			name.setText(axis.units().isEmpty() ? axis.name() : axis.name() + " (" + axis.units() + ")");
			name.setToolTipText("dimension " + dim + (axis.navigate() ? ", a navigation axis" : ", a signal axis"));
			Label sz = new Label(grid, SWT.RIGHT);
			sz.setText(Long.toString(size));
			sz.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
			role = new Combo(grid, SWT.READ_ONLY);
			role.setToolTipText("X, Y: the image's columns and rows; plot: the axis the plot traces; slider: pick one index");
			scale = new Scale(grid, SWT.HORIZONTAL);
			scale.setMinimum(0);
			scale.setMaximum((int) Math.max(1, size - 1));
			scale.setPageIncrement((int) Math.max(1, size / 10));
			scale.setEnabled(size > 1);
			scale.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			spinner = new Spinner(grid, SWT.BORDER);
			spinner.setMinimum(0);
			spinner.setMaximum((int) Math.max(0, size - 1));
			spinner.setEnabled(size > 1);
			value = new Label(grid, SWT.NONE);
			value.setLayoutData(new GridData(150, SWT.DEFAULT));
			scale.addListener(SWT.Selection, e -> setIndex(dim, scale.getSelection()));
			spinner.addListener(SWT.Selection, e -> setIndex(dim, spinner.getSelection()));
			role.addListener(SWT.Selection, e -> roleChosen(dim, role.getText()));
		}
	}

	private final Composite root;
	private final Label header;
	private final Button imageMode;
	private final Button lineMode;
	private final Composite grid;
	private final List<Row> rows = new ArrayList<>();
	private final List<Consumer<SliceSpec>> listeners = new ArrayList<>();
	private SliceSpec spec;

	public SlicerPanel(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(3, false));
		header = new Label(root, SWT.WRAP);
		header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		header.setText("Select a dataset in the Data Tree to slice it");
		Label show = new Label(root, SWT.NONE);
		show.setText("Show as:");
		imageMode = new Button(root, SWT.RADIO);
		imageMode.setText("Image (X, Y)");
		lineMode = new Button(root, SWT.RADIO);
		lineMode.setText("Line (X)");
		imageMode.setSelection(true);
		imageMode.addListener(SWT.Selection, e -> {
			if (imageMode.getSelection()) {
				modeChosen(true);
			}
		});
		lineMode.addListener(SWT.Selection, e -> {
			if (lineMode.getSelection()) {
				modeChosen(false);
			}
		});
		grid = new Composite(root, SWT.NONE);
		grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		GridLayout gl = new GridLayout(6, false);
		gl.marginWidth = 0;
		grid.setLayout(gl);
		enable(false);
	}

	public Composite control() {
		return root;
	}

	public void addListener(Consumer<SliceSpec> l) {
		listeners.add(l);
	}

	public SliceSpec spec() {
		return spec;
	}

	/**
	 * Slices a new array, starting from {@link SliceSpec#defaults}.
	 *
	 * @param note shown under the title (e.g. that a USID dataset is shown in its N-dimensional form)
	 */
	public void setNode(ArrayNode node, String note) {
		for (Control c : grid.getChildren()) {
			c.dispose();
		}
		rows.clear();
		if (node == null || node.rank() == 0 || !node.dtype().isNumeric()) {
			spec = null;
			header.setText(node == null ? "Select a dataset in the Data Tree to slice it"
					: node.path() + ": " + (node.rank() == 0 ? "a scalar" : node.dtype().numpyName() + " data") + ", nothing to slice");
			enable(false);
			root.layout(true, true);
			fire();
			return;
		}
		header.setText(node.title() + "   " + Shapes.format(node.shape()) + " " + node.dtype().numpyName()
				+ (note == null || note.isEmpty() ? "" : "\n" + note));
		long[] shape = node.shape();
		for (String h : new String[] { "axis", "size", "role", "index", "", "value" }) {
			Label l = new Label(grid, SWT.NONE);
			l.setText(h);
			l.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		}
		for (int d = 0; d < shape.length; d++) {
			rows.add(new Row(grid, d, node.axes().get(d), shape[d]));
		}
		enable(true);
		apply(SliceSpec.defaults(node));
		root.layout(true, true);
	}

	/** Sets every control from a spec and tells the listeners. */
	public void apply(SliceSpec s) {
		spec = s;
		imageMode.setSelection(s.isImage());
		lineMode.setSelection(!s.isImage());
		String[] roles = s.isImage() ? new String[] { X, Y, PLOT, SLIDER } : new String[] { X, SLIDER };
		for (Row r : rows) {
			// refilling a combo costs about a third of a millisecond in GTK: only when the choices change
			if (!Arrays.equals(r.role.getItems(), roles)) {
				r.role.setItems(roles);
			}
			String role = roleOf(s, r.dim);
			if (!role.equals(r.role.getText())) {
				r.role.setText(role);
			}
			updateIndex(r);
		}
		fire();
	}

	private static String roleOf(SliceSpec s, int d) {
		return d == s.xDim() ? X : d == s.yDim() ? Y : d == s.plotDim() ? PLOT : SLIDER;
	}

	private void updateIndex(Row r) {
		long i = spec.index(r.dim);
		if (r.scale.getSelection() != i) {
			r.scale.setSelection((int) i);
		}
		if (r.spinner.getSelection() != i) {
			r.spinner.setSelection((int) i);
		}
		Axis a = spec.node().axes().get(r.dim);
		r.value.setText(Ticks.calibrated(a) ? "= " + Ticks.coordinate(a, i) : "");
	}

	/** Moves one index (a slider, or the cursor for X and Y) and tells the listeners. */
	public void setIndex(int dim, long index) {
		if (spec == null) {
			return;
		}
		SliceSpec s = spec.withIndex(dim, index);
		if (s.equals(spec)) {
			return;
		}
		spec = s;
		updateIndex(rows.get(dim));
		fire();
	}

	/** Moves the cursor (the image pixel the plot traces through). */
	public void setCursor(long x, long y) {
		if (spec == null || !spec.isImage()) {
			return;
		}
		SliceSpec s = spec.withCursor(x, y);
		if (s.equals(spec)) {
			return;
		}
		spec = s;
		updateIndex(rows.get(spec.xDim()));
		updateIndex(rows.get(spec.yDim()));
		fire();
	}

	/** Gives a dimension a role, moving the others so that X (and Y) stay defined, and tells the listeners. */
	public void roleChosen(int dim, String role) {
		if (spec == null) {
			return;
		}
		int x = spec.xDim();
		int y = spec.yDim();
		int p = spec.plotDim();
		String old = roleOf(spec, dim);
		if (old.equals(role)) {
			return;
		}
		switch (role) {
		case X -> {
			if (dim == y) {
				y = x;
			} else if (dim == p) {
				p = -1;
			}
			x = dim;
		}
		case Y -> {
			if (dim == x) {
				x = y;
			} else if (dim == p) {
				p = -1;
			}
			y = dim;
		}
		case PLOT -> {
			if (dim == x) {
				x = replacement(dim, y);
			} else if (dim == y) {
				y = replacement(dim, x);
			}
			p = dim;
		}
		case SLIDER -> {
			if (dim == x) {
				x = replacement(dim, y);
			} else if (dim == y) {
				y = replacement(dim, x);
			} else {
				p = -1;
			}
		}
		default -> throw new IllegalArgumentException("unsupported role: " + role);
		}
		if (x < 0 || (spec.isImage() && y < 0) || x == y) {
			apply(spec); // no other dimension can take over: keep the roles as they were
			return;
		}
		apply(new SliceSpec(spec.node(), x, y, p == x || p == y ? -1 : p, spec.position()));
	}

	/** @return another dimension to take a role that dim gives up: the last of size > 1, else any; -1 if none */
	private int replacement(int dim, int other) {
		long[] shape = spec.node().shape();
		int any = -1;
		for (int d = shape.length - 1; d >= 0; d--) {
			if (d == dim || d == other) {
				continue;
			}
			if (shape[d] > 1) {
				return d;
			}
			any = any < 0 ? d : any;
		}
		return any;
	}

	/** Switches between an image (X, Y) and a line (X) view. */
	public void modeChosen(boolean image) {
		if (spec == null || spec.isImage() == image) {
			return;
		}
		if (!image) {
			apply(new SliceSpec(spec.node(), spec.xDim(), -1, -1, spec.position()));
			return;
		}
		int y = replacement(spec.xDim(), -1);
		if (y < 0) {
			apply(spec);
			return;
		}
		apply(new SliceSpec(spec.node(), spec.xDim(), y, -1, spec.position()));
	}

	private void enable(boolean on) {
		imageMode.setEnabled(on);
		lineMode.setEnabled(on);
	}

	private void fire() {
		for (Consumer<SliceSpec> l : listeners) {
			l.accept(spec);
		}
	}
}
