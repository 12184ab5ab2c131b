package org.ronchi.ui.analysis;

import java.util.Map;
import java.util.function.LongSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.ui.image.ImageRenderer;

/**
 * The Analysis view's content: for an array selected in the Data Tree, the run it belongs to shown as a
 * whole: strain maps ({@link StrainPage}) when the run has {@code e_xx}, {@code e_yy}, {@code e_xy}, a
 * decomposition ({@link DecompositionPage}) when it has {@code factors} and {@code loadings}, otherwise
 * a line that says what it can show.
 */
public final class AnalysisPanel {
	private static final String HINT = "Select an output of stem4d.strain (e_xx, ...) or of decomposition.svd/.nmf/.ica (factors, loadings, ...) "
			+ "in the Data Tree";

	private final Composite root;
	private final StackLayout stack = new StackLayout();
	private final Label message;
	private final StrainPage strain;
	private final DecompositionPage decomposition;
	private ArrayNode input;

	public AnalysisPanel(Composite parent, ImageRenderer.Settings imageDefaults, LongSupplier budgetBytes) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(stack);
		Composite note = new Composite(root, SWT.NONE);
		note.setLayout(new GridLayout(1, false));
		message = new Label(note, SWT.WRAP);
		message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		message.setText(HINT);
		strain = new StrainPage(root, imageDefaults, budgetBytes);
		decomposition = new DecompositionPage(root, imageDefaults, budgetBytes);
		show(note);
	}

	/** Shows the run that {@code a} belongs to, if it is a strain or decomposition run. */
	public void setInput(ArrayNode a) {
		input = a;
		Map<String, ArrayNode> run = RunArrays.of(a);
		String problem;
		if (StrainPage.accepts(run)) {
			problem = strain.show(run);
			if (problem == null) {
				show(strain.control());
				return;
			}
		} else if (DecompositionPage.accepts(run)) {
			problem = decomposition.show(run);
			if (problem == null) {
				show(decomposition.control());
				return;
			}
		} else {
			problem = a.title() + " belongs to no strain or decomposition run. " + HINT;
		}
		message.setText(problem);
		show(message.getParent());
	}

	/** @return the array last given, or null */
	public ArrayNode input() {
		return input;
	}

	public StrainPage strain() {
		return strain;
	}

	public DecompositionPage decomposition() {
		return decomposition;
	}

	/** @return the page shown: "strain", "decomposition" or "message" (tests) */
	public String page() {
		return stack.topControl == strain.control() ? "strain" : stack.topControl == decomposition.control() ? "decomposition" : "message";
	}

	/** @return the message shown when no page is */
	public String message() {
		return message.getText();
	}

	/** @return whether every image shown is rendered (tests) */
	public boolean idle() {
		return strain.idle() && decomposition.idle();
	}

	public Composite control() {
		return root;
	}

	private void show(Control c) {
		stack.topControl = c;
		root.layout(true, true);
	}
}
