package org.ronchi.ui.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.Maths;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImagePanel;
import org.ronchi.ui.image.ImageRenderer;

/**
 * Strain maps of a stem4d.strain run: e_xx, e_yy, e_xy in percent and the rotation theta in degrees,
 * side by side over the scan, in a diverging colour map (RdBu_r) with limits symmetric about 0, so that
 * white is unstrained, red tension (or counter-clockwise rotation) and blue compression.
 */
public final class StrainPage {
	/** The maps in the order shown. */
	private static final List<String> NAMES = List.of("e_xx", "e_yy", "e_xy", "theta");

	private final Composite root;
	private final ImagePanel[] panels = new ImagePanel[NAMES.size()];

	StrainPage(Composite parent, ImageRenderer.Settings imageDefaults, LongSupplier budgetBytes) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(2, true));
		ImageRenderer.Settings diverging = imageDefaults.withColormap(Colormap.named("RdBu_r")).withLog(false).withPercentiles(1, 99)
				.withZeroCentred(true);
		for (int i = 0; i < panels.length; i++) {
			panels[i] = new ImagePanel(root, diverging, budgetBytes);
			panels[i].control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		}
	}

	static boolean accepts(Map<String, ArrayNode> run) {
		return run.containsKey("e_xx") && run.containsKey("e_yy") && run.containsKey("e_xy");
	}

	/** @return why the run cannot be shown, or null when it is */
	String show(Map<String, ArrayNode> run) {
		ArrayNode first = run.get("e_xx");
		if (first.rank() != 2) {
			return "Strain maps need a 2-D scan; " + first.title() + " has shape " + Shapes.format(first.shape());
		}
		for (int i = 0; i < panels.length; i++) {
			ArrayNode a = run.get(NAMES.get(i));
			if (a == null) {
				panels[i].message(NAMES.get(i) + ": not in this run");
				continue;
			}
			Dataset d = a.source().read(new long[2], Shapes.toInt(a.shape()));
			boolean angle = NAMES.get(i).equals("theta");
			// radians to degrees; strain (a ratio) to percent
			Dataset shown = Maths.multiply(d, angle ? 180 / Math.PI : 100);
			List<Axis> axes = a.axes();
			panels[i].display(shown, axes.get(1), axes.get(0), NAMES.get(i) + (angle ? " (rotation)" : " (strain)"),
					NAMES.get(i) + (angle ? " (\u00b0)" : " (%)"));
		}
		return null;
	}

	/** @return the panel of a map: e_xx, e_yy, e_xy or theta */
	public ImagePanel panel(String name) {
		return panels[NAMES.indexOf(name)];
	}

	boolean idle() {
		for (ImagePanel p : panels) {
			if (!p.idle()) {
				return false;
			}
		}
		return true;
	}

	Composite control() {
		return root;
	}
}
