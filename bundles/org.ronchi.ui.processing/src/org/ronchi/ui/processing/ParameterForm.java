package org.ronchi.ui.processing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.ParameterException;

/**
 * A form for one operation's parameters, built from their declarations: a field per parameter (a
 * check box for booleans, a list for choices, text for numbers, lists and strings) with its units and
 * allowed range beside it, its description as tooltip, and a red message under it while the value is
 * invalid ({@link Parameter#validate}, as the engine will check it). An empty optional field means the
 * default.
 */
final class ParameterForm {

	private record Field(Parameter p, Control input, Label error) {
	}

	private final Composite root;
	private final Operation op;
	private final List<Field> fields = new ArrayList<>();
	private final Runnable changed;

	ParameterForm(Composite parent, Operation op, Runnable changed) {
		this.op = op;
		this.changed = changed;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(3, false));
		for (Parameter p : op.parameters()) {
			Label name = new Label(root, SWT.NONE);
			name.setText(p.name() + (p.required() ? " *" : ""));
			name.setToolTipText(p.description());
			Control input = input(p);
			input.setToolTipText(p.description() + "\n(" + p.describe() + ")");
			Label units = new Label(root, SWT.NONE);
			String range = p.rangeText();
			units.setText(range.isEmpty() ? p.units() : range);
			Label error = new Label(root, SWT.WRAP);
			error.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_RED));
			GridData ed = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
			ed.widthHint = 280; // wrap long messages instead of widening the form
			ed.exclude = true;
			error.setLayoutData(ed);
			error.setVisible(false);
			fields.add(new Field(p, input, error));
		}
		if (op.parameters().isEmpty()) {
			new Label(root, SWT.NONE).setText("(no parameters)");
		}
		showErrors(errors()); // a required field is marked from the start
	}

	private Control input(Parameter p) {
		GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		gd.widthHint = 120;
		switch (p.type()) {
		case BOOLEAN -> {
			Button b = new Button(root, SWT.CHECK);
			b.setSelection(Boolean.TRUE.equals(p.defaultValue()));
			b.addListener(SWT.Selection, e -> validateAll());
			return b;
		}
		case CHOICE -> {
			Combo c = new Combo(root, SWT.READ_ONLY);
			c.setItems(p.choices().toArray(new String[0]));
			int i = p.defaultValue() == null ? 0 : p.choices().indexOf(String.valueOf(p.defaultValue()));
			c.select(Math.max(0, i));
			c.setLayoutData(gd);
			c.addListener(SWT.Selection, e -> validateAll());
			return c;
		}
		default -> {
			Text t = new Text(root, SWT.BORDER);
			t.setText(defaultText(p));
			t.setMessage(p.required() ? "required" : p.defaultValue() == null ? "default" : "");
			t.setLayoutData(gd);
			t.addListener(SWT.Modify, e -> validateAll());
			return t;
		}
		}
	}

	private static String defaultText(Parameter p) {
		Object d = p.defaultValue();
		if (d == null) {
			return "";
		}
		if (d instanceof int[] a) {
			return Arrays.toString(a).replaceAll("[\\[\\]]", "");
		}
		if (d instanceof double[] a) {
			return Arrays.toString(a).replaceAll("[\\[\\]]", "");
		}
		if (d instanceof Double v && v == Math.rint(v) && Math.abs(v) < 1e15) {
			return Long.toString(v.longValue());
		}
		return String.valueOf(d);
	}

	Composite control() {
		return root;
	}

	Operation operation() {
		return op;
	}

	/** @return the raw values the user entered (empty optional fields left out), as the engine takes them */
	Map<String, Object> values() {
		Map<String, Object> out = new LinkedHashMap<>();
		for (Field f : fields) {
			Object v = raw(f);
			if (v != null) {
				out.put(f.p().name(), v);
			}
		}
		return out;
	}

	private static Object raw(Field f) {
		Parameter p = f.p();
		if (f.input() instanceof Button b) {
			return b.getSelection();
		}
		if (f.input() instanceof Combo c) {
			return c.getText();
		}
		String s = ((Text) f.input()).getText().trim();
		if (s.isEmpty()) {
			return null;
		}
		if (p.type() == Parameter.Type.INTEGERS || p.type() == Parameter.Type.NUMBERS) {
			return List.of(s.split("[,;\\s]+"));
		}
		return s;
	}

	/** Sets a field as the user would type it (tests, presets). */
	void set(String name, String value) {
		for (Field f : fields) {
			if (f.p().name().equals(name)) {
				switch (f.input()) {
				case Button b -> b.setSelection(Boolean.parseBoolean(value));
				case Combo c -> c.setText(value);
				case Text t -> t.setText(value);
				default -> throw new IllegalStateException();
				}
				validateAll();
				return;
			}
		}
		throw new IllegalArgumentException(op.id() + " has no parameter " + name);
	}

	/** @return the message for each invalid field (empty when all are valid) */
	Map<String, String> errors() {
		Map<String, String> out = new LinkedHashMap<>();
		for (Field f : fields) {
			try {
				f.p().validate(op.id(), raw(f));
			} catch (ParameterException e) {
				out.put(f.p().name(), e.problem());
			}
		}
		return out;
	}

	private void validateAll() {
		showErrors(errors());
		changed.run();
	}

	private void showErrors(Map<String, String> errors) {
		for (Field f : fields) {
			String msg = errors.get(f.p().name());
			boolean show = msg != null;
			f.error().setText(show ? msg : "");
			f.error().setVisible(show);
			((GridData) f.error().getLayoutData()).exclude = !show;
		}
		root.layout(true);
	}
}
