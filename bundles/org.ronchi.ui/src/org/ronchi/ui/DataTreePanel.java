package org.ronchi.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * The Data Tree's content: every opened file with its groups, datasets (shape, dtype, kind) and
 * attributes. Files are opened in a background job through the loader registry; the UI thread never
 * reads a file. {@link DataTreeView} puts it in the workbench; tests use it directly in a Shell.
 */
public final class DataTreePanel {

	/** An attribute row under a node. */
	record AttributeRow(String key, Object value) {
	}

	private final List<DataFile> files = new ArrayList<>();
	private TreeViewer viewer;

	public DataTreePanel(Composite parent) {
		viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		column("Name", 320, this::name);
		column("Shape", 140, e -> e instanceof ArrayNode a ? Shapes.format(a.shape()) : "");
		column("Type", 90, e -> e instanceof ArrayNode a ? a.dtype().numpyName() : e instanceof Group ? "group" : "");
		column("Kind", 110, e -> e instanceof ArrayNode a ? a.kind() : e instanceof DataFile f ? f.format() : "");
		column("Value", 300, e -> e instanceof AttributeRow r ? abbreviate(valueText(r.value())) : "");
		viewer.setContentProvider(new Content());
		viewer.setInput(files);
		viewer.getControl().addDisposeListener(e -> files.forEach(DataFile::close));
	}

	private void column(String title, int width, java.util.function.Function<Object, String> text) {
		TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(element);
			}
		});
	}

	private String name(Object e) {
		if (e instanceof DataFile f) {
			return f.path().getFileName().toString();
		}
		if (e instanceof AttributeRow r) {
			return "@" + r.key();
		}
		if (e instanceof ArrayNode a && !a.title().equals(a.name())) {
			return a.name() + "  \u2014 " + a.title();
		}
		return e instanceof Node n ? n.name() : String.valueOf(e);
	}

	static String valueText(Object v) {
		if (v != null && v.getClass().isArray() && !(v instanceof byte[])) {
			int n = java.lang.reflect.Array.getLength(v);
			StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < Math.min(n, 8); i++) {
				sb.append(i > 0 ? ", " : "").append(valueText(java.lang.reflect.Array.get(v, i)));
			}
			return sb.append(n > 8 ? ", ... (" + n + ")]" : "]").toString();
		}
		return Attributes.asString(v);
	}

	private static String abbreviate(String s) {
		return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "\u2026" : s;
	}

	/** Opens a file in the background and adds it to the tree. */
	public void open(Path path) {
		Job job = Job.create("Opening " + path.getFileName(), (IProgressMonitor monitor) -> {
			try {
				DataFile f = Loaders.registry().open(path);
				viewer.getControl().getDisplay().asyncExec(() -> add(f));
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				return new Status(IStatus.ERROR, "org.ronchi.ui", e.getMessage(), e);
			}
		});
		job.schedule();
	}

	/** Adds an opened file (UI thread). */
	void add(DataFile f) {
		if (viewer.getControl().isDisposed()) {
			f.close();
			return;
		}
		files.add(f);
		viewer.refresh();
		viewer.expandToLevel(f, 3);
	}

	/** @return the files shown, for tests */
	public List<DataFile> files() {
		return List.copyOf(files);
	}

	/** @return the viewer, for tests and views that follow the selection */
	public TreeViewer viewer() {
		return viewer;
	}


	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object e) {
			List<Object> out = new ArrayList<>();
			Node n = e instanceof DataFile f ? f.root() : e instanceof Node node ? node : null;
			if (n == null) {
				return new Object[0];
			}
			if (n instanceof Group g) {
				out.addAll(g.children()); // structure first, as HDFView and DAWN show it
			}
			for (Map.Entry<String, Object> a : n.attributes().entrySet()) {
				out.add(new AttributeRow(a.getKey(), a.getValue()));
			}
			return out.toArray();
		}

		@Override
		public Object getParent(Object e) {
			return e instanceof Node n ? n.parent() : null;
		}

		@Override
		public boolean hasChildren(Object e) {
			return getChildren(e).length > 0;
		}
	}
}
