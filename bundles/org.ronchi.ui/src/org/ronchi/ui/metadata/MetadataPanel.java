package org.ronchi.ui.metadata;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Node;
import org.ronchi.ui.image.Ticks;

/**
 * The metadata of the selected signal or file: the standard tree (every number with its unit, as
 * docs/metadata.md defines it) or the vendor's original tree, verbatim; a search box that keeps the
 * entries whose key or value contains the text (and their parents); and Copy as JSON.
 */
public final class MetadataPanel {

	/** One entry: a key with a value, or a branch with children. Identity equality: rows point to their parents. */
	static final class Row {
		private final String key;
		private final Object value;
		private final List<Row> children;
		private final Row parent;

		Row(String key, Object value, List<Row> children, Row parent) {
			this.key = key;
			this.value = value;
			this.children = children;
			this.parent = parent;
		}

		String key() {
			return key;
		}

		Object value() {
			return value;
		}

		List<Row> children() {
			return children;
		}

		Row parent() {
			return parent;
		}

		boolean branch() {
			return value instanceof MetadataTree;
		}
	}

	private final Composite root;
	private final Label header;
	private final Button standard;
	private final Button original;
	private final Text search;
	private final TreeViewer viewer;
	private MetadataTree standardTree = new MetadataTree();
	private MetadataTree originalTree = new MetadataTree();
	private String query = "";

	public MetadataPanel(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(5, false);
		gl.marginWidth = 2;
		gl.marginHeight = 2;
		root.setLayout(gl);
		header = new Label(root, SWT.NONE);
		header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
		header.setText("Select a signal or a file in the Data Tree");
		standard = new Button(root, SWT.RADIO);
		standard.setText("Standard");
		standard.setToolTipText("Ronchi's standard metadata: the same keys for every format, units on every number");
		standard.setSelection(true);
		original = new Button(root, SWT.RADIO);
		original.setText("Original");
		original.setToolTipText("The vendor's metadata, verbatim (keys as in the file)");
		search = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage("search keys and values");
		search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button copy = new Button(root, SWT.PUSH);
		copy.setText("Copy as JSON");
		copy.setToolTipText("Copy the tree shown (standard or original) to the clipboard as JSON");
		new Label(root, SWT.NONE);

		viewer = new TreeViewer(root, SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(true);
		column("Key", 190, r -> r.key());
		column("Value", 260, r -> r.branch() ? "" : valueText(r.value()));
		viewer.setContentProvider(new Content());
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				return query.isEmpty() || matches((Row) element);
			}
		});
		standard.addListener(SWT.Selection, e -> refresh());
		original.addListener(SWT.Selection, e -> refresh());
		search.addListener(SWT.Modify, e -> setQuery(search.getText()));
		copy.addListener(SWT.Selection, e -> copyJson());
		refresh();
	}

	private void column(String title, int width, java.util.function.Function<Row, String> text) {
		TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Row) element);
			}
		});
	}

	public Composite control() {
		return root;
	}

	public TreeViewer viewer() {
		return viewer;
	}

	/**
	 * Shows the metadata of a signal or dataset ({@link ArrayNode}), a file ({@link DataFile}: its
	 * file-level trees), or a group (its attributes as the original tree); anything else is ignored.
	 *
	 * @param file the file the element belongs to, for the header (may be null)
	 */
	public void show(Object element, DataFile file) {
		String where = file == null ? "" : " \u2014 " + file.path().getFileName() + " (" + file.format() + ")";
		if (element instanceof ArrayNode a) {
			standardTree = a.metadata();
			originalTree = a.originalMetadata().isEmpty() && a.metadata().isEmpty() ? attributes(a) : a.originalMetadata();
			header.setText("Metadata of " + a.title() + where);
		} else if (element instanceof DataFile f) {
			standardTree = f.metadata();
			originalTree = f.originalMetadata().isEmpty() ? attributes(f.root()) : f.originalMetadata();
			header.setText("File metadata of " + f.path().getFileName() + " (" + f.format() + " " + f.formatVersion() + ")");
		} else if (element instanceof Node n) {
			standardTree = new MetadataTree();
			originalTree = attributes(n);
			header.setText("Attributes of " + n.path() + where);
		} else {
			return;
		}
		refresh();
	}

	private static MetadataTree attributes(Node n) {
		MetadataTree t = new MetadataTree();
		n.attributes().forEach(t::put);
		return t;
	}

	/** Chooses the standard (true) or the original (false) tree. */
	public void showStandard(boolean std) {
		standard.setSelection(std);
		original.setSelection(!std);
		refresh();
	}

	public void setQuery(String q) {
		query = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
		if (!search.getText().equals(q == null ? "" : q)) {
			search.setText(q == null ? "" : q);
		}
		viewer.refresh();
		if (!query.isEmpty()) {
			viewer.expandAll();
		}
	}

	/** @return the tree shown (standard or original) */
	public MetadataTree shownTree() {
		return standard.getSelection() ? standardTree : originalTree;
	}

	/** @return the tree shown as JSON */
	public String json() {
		return MetadataJson.print(shownTree());
	}

	private void copyJson() {
		Clipboard cb = new Clipboard(root.getDisplay());
		try {
			cb.setContents(new Object[] { json() }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			cb.dispose();
		}
	}

	private void refresh() {
		MetadataTree t = shownTree();
		List<Row> rows = rows(t, null);
		viewer.setInput(rows);
		if (rows.size() <= 12 || !query.isEmpty()) {
			viewer.expandAll();
		} else {
			viewer.expandToLevel(2);
		}
	}

	/** @return the visible rows as "dotted.key = value unit" lines, depth first (for tests) */
	public List<String> visibleRows() {
		List<String> out = new ArrayList<>();
		for (org.eclipse.swt.widgets.TreeItem i : viewer.getTree().getItems()) {
			collect(i, out, "");
		}
		return out;
	}

	private static void collect(org.eclipse.swt.widgets.TreeItem item, List<String> out, String prefix) {
		String path = prefix.isEmpty() ? item.getText(0) : prefix + "." + item.getText(0);
		out.add(path + " = " + item.getText(1));
		for (org.eclipse.swt.widgets.TreeItem c : item.getItems()) {
			if (c.getData() != null) {
				collect(c, out, path);
			}
		}
	}

	static List<Row> rows(MetadataTree t, Row parent) {
		List<Row> out = new ArrayList<>();
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			List<Row> kids = new ArrayList<>();
			Row r = new Row(e.getKey(), e.getValue(), kids, parent);
			if (e.getValue() instanceof MetadataTree sub) {
				kids.addAll(rows(sub, r));
			}
			out.add(r);
		}
		return out;
	}

	private boolean matches(Row r) {
		if (r.key().toLowerCase(Locale.ROOT).contains(query) || (!r.branch() && valueText(r.value()).toLowerCase(Locale.ROOT).contains(query))) {
			return true;
		}
		for (Row c : r.children()) {
			if (matches(c)) {
				return true;
			}
		}
		// an entry under a matching branch stays visible, so the branch can be read whole
		for (Row p = r.parent(); p != null; p = p.parent()) {
			if (p.key().toLowerCase(Locale.ROOT).contains(query)) {
				return true;
			}
		}
		return false;
	}

	static String valueText(Object v) {
		if (v instanceof Quantity q) {
			return q.unit().isEmpty() ? Ticks.format(q.value()) : Ticks.format(q.value()) + " " + q.unit();
		}
		if (v instanceof Double d) {
			return Ticks.format(d);
		}
		if (v instanceof Float f) {
			return Ticks.format(f);
		}
		if (v != null && v.getClass().isArray() && !(v instanceof byte[])) {
			int n = Array.getLength(v);
			StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < Math.min(n, 8); i++) {
				sb.append(i > 0 ? ", " : "").append(valueText(Array.get(v, i)));
			}
			return sb.append(n > 8 ? ", \u2026 (" + n + ")]" : "]").toString();
		}
		if (v instanceof List<?> l) {
			return valueText(l.toArray());
		}
		String s = Attributes.asString(v);
		return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "\u2026" : s;
	}

	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object e) {
			return ((Row) e).children().toArray();
		}

		@Override
		public Object getParent(Object e) {
			return ((Row) e).parent();
		}

		@Override
		public boolean hasChildren(Object e) {
			return !((Row) e).children().isEmpty();
		}
	}
}
