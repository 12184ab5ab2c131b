package org.ronchi.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * The Data Tree's content: every opened file with its groups, datasets (shape, dtype, kind, and which
 * are the file's signals) and attributes, with an icon per kind, a filter box, drag and drop of files
 * and a context menu. Files are opened in a background job; the UI thread never reads a file.
 * {@link DataTreeView} puts it in the workbench; tests use it directly in a Shell.
 */
public final class DataTreePanel {

	/** An attribute row under a node (the owner keeps equal keys of different nodes apart in the viewer). */
	record AttributeRow(Node owner, String key, Object value) {
	}

	private final Function<Path, DataFile> opener;
	private final List<DataFile> files = new ArrayList<>();
	private final Map<ArrayNode, String> signalIds = new IdentityHashMap<>();
	private final List<Consumer<DataFile>> openListeners = new ArrayList<>();
	private final Composite root;
	private final Text filter;
	private final Label message;
	private final TreeViewer viewer;
	private final Icons icons;
	private String query = "";
	private int opening;

	/** A tree that opens files through the loader registry service. */
	public DataTreePanel(Composite parent) {
		this(parent, p -> Loaders.registry().open(p));
	}

	/** @param opener opens a file (in a background job): the loader registry, or a fixed loader in tests */
	public DataTreePanel(Composite parent, Function<Path, DataFile> opener) {
		this.opener = opener;
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(1, false);
		gl.marginWidth = 0;
		gl.marginHeight = 0;
		gl.verticalSpacing = 2;
		root.setLayout(gl);
		filter = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filter.setMessage("filter by name");
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		message = new Label(root, SWT.WRAP);
		message.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridData md = new GridData(SWT.FILL, SWT.CENTER, true, false);
		md.exclude = true;
		message.setLayoutData(md);
		message.setVisible(false);

		viewer = new TreeViewer(root, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
		viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		icons = new Icons(root.getDisplay());
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		column("Name", 175, this::name, icons::of);
		column("Kind", 125, this::kind, null);
		column("Shape", 95, e -> e instanceof ArrayNode a ? Shapes.format(a.shape()) : "", null);
		column("Type", 64, e -> e instanceof ArrayNode a ? a.dtype().numpyName() : e instanceof Group ? "group" : "", null);
		column("Value", 260, e -> e instanceof AttributeRow r ? abbreviate(valueText(r.value())) : "", null);
		viewer.setContentProvider(new Content());
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				return query.isEmpty() || matches(element, 0);
			}
		});
		viewer.setInput(files);
		filter.addListener(SWT.Modify, e -> setFilter(filter.getText()));
		dropFiles(tree);
		contextMenu(tree);
		root.addDisposeListener(e -> files.forEach(DataFile::close));
	}

	private void column(String title, int width, Function<Object, String> text, Function<Object, Image> image) {
		TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(element);
			}

			@Override
			public Image getImage(Object element) {
				return image == null ? null : image.apply(element);
			}
		});
	}

	private void dropFiles(Tree tree) {
		DropTarget drop = new DropTarget(tree, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_MOVE);
		drop.setTransfer(new Transfer[] { FileTransfer.getInstance() });
		drop.addDropListener(new DropTargetAdapter() {
			@Override
			public void dragEnter(DropTargetEvent e) {
				e.detail = DND.DROP_COPY;
			}

			@Override
			public void drop(DropTargetEvent e) {
				if (e.data instanceof String[] paths) {
					for (String p : paths) {
						open(Path.of(p));
					}
				}
			}
		});
	}

	private void contextMenu(Tree tree) {
		Menu menu = new Menu(tree);
		MenuItem close = new MenuItem(menu, SWT.PUSH);
		close.setText("Close file");
		close.addListener(SWT.Selection, e -> {
			for (Object o : viewer.getStructuredSelection().toList()) {
				DataFile f = fileOf(o);
				if (f != null) {
					close(f);
				}
			}
		});
		MenuItem copy = new MenuItem(menu, SWT.PUSH);
		copy.setText("Copy path");
		copy.addListener(SWT.Selection, e -> {
			Object o = viewer.getStructuredSelection().getFirstElement();
			String text = o instanceof Node n ? n.path() : o instanceof DataFile f ? f.path().toString() : null;
			if (text != null) {
				org.eclipse.swt.dnd.Clipboard cb = new org.eclipse.swt.dnd.Clipboard(tree.getDisplay());
				cb.setContents(new Object[] { text }, new Transfer[] { org.eclipse.swt.dnd.TextTransfer.getInstance() });
				cb.dispose();
			}
		});
		tree.setMenu(menu);
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

	private String kind(Object e) {
		if (e instanceof DataFile f) {
			return f.format() + (f.formatVersion().isEmpty() ? "" : " " + f.formatVersion());
		}
		if (!(e instanceof ArrayNode a)) {
			return "";
		}
		String k = switch (a.kind()) {
		case "usid-main" -> "USID Main";
		case "usid-ndim" -> "USID N-dim";
		default -> a.kind();
		};
		String id = signalIds.get(a);
		return id == null ? k : k + " \u00b7 " + id;
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

	public Composite control() {
		return root;
	}

	/** Opens a file in the background and adds it to the tree; a failure is shown above the tree. */
	public void open(Path path) {
		opening++;
		Job job = Job.create("Opening " + path.getFileName(), (IProgressMonitor monitor) -> {
			try {
				DataFile f = opener.apply(path);
				asyncUi(() -> {
					opening--;
					add(f);
				}, f);
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				asyncUi(() -> {
					opening--;
					showMessage("Cannot open " + path.getFileName() + ": " + e.getMessage());
				}, null);
				return new Status(IStatus.WARNING, "org.ronchi.ui", e.getMessage(), e);
			}
		});
		job.setUser(false);
		job.schedule();
	}

	private void asyncUi(Runnable r, DataFile orphan) {
		if (root.isDisposed()) {
			if (orphan != null) {
				orphan.close();
			}
			return;
		}
		root.getDisplay().asyncExec(() -> {
			if (root.isDisposed()) {
				if (orphan != null) {
					orphan.close();
				}
				return;
			}
			r.run();
		});
	}

	/**
	 * Adds an opened file (or an in-memory one, e.g. processing results) and selects its first signal, so
	 * the other views show it at once. UI thread.
	 */
	public void add(DataFile f) {
		if (viewer.getControl().isDisposed()) {
			f.close();
			return;
		}
		files.add(f);
		for (int i = 0; i < f.signals().size(); i++) {
			signalIds.putIfAbsent(f.signals().get(i), "signal:" + i);
		}
		showMessage(null);
		viewer.refresh();
		viewer.expandToLevel(f, 3);
		openListeners.forEach(l -> l.accept(f));
		ArrayNode first = f.signals().isEmpty() ? firstArray(f.root()) : f.signals().get(0);
		if (first != null) {
			viewer.setSelection(new StructuredSelection(first), true); // the user opened it to look at it
		}
	}

	private static ArrayNode firstArray(Group g) {
		for (ArrayNode a : g.arrays()) {
			if (a.rank() > 0 && a.dtype().isNumeric()) {
				return a;
			}
		}
		return null;
	}

	/** Removes a file from the tree and closes it. */
	public void close(DataFile f) {
		if (files.remove(f)) {
			signalIds.keySet().removeIf(a -> f.signals().contains(a));
			viewer.refresh();
			f.close();
		}
	}

	/** @param l told (UI thread) about every file added */
	public void addOpenListener(Consumer<DataFile> l) {
		openListeners.add(l);
	}

	private void showMessage(String text) {
		boolean show = text != null;
		message.setText(show ? text : "");
		message.setVisible(show);
		((GridData) message.getLayoutData()).exclude = !show;
		root.layout(true);
	}

	/** @return the error shown above the tree, or "" */
	public String message() {
		return message.getText();
	}

	/** @return whether files are still being opened */
	public boolean busy() {
		return opening > 0;
	}

	/** Shows only entries whose name contains the text (and their parents). */
	public void setFilter(String text) {
		query = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (!filter.getText().equals(text == null ? "" : text)) {
			filter.setText(text == null ? "" : text);
		}
		viewer.refresh();
		if (!query.isEmpty()) {
			viewer.expandAll();
		}
	}

	private boolean matches(Object e, int depth) {
		if (name(e).toLowerCase(Locale.ROOT).contains(query)) {
			return true;
		}
		if (depth > 32) {
			return false;
		}
		for (Object c : ((Content) viewer.getContentProvider()).getChildren(e)) {
			if (matches(c, depth + 1)) {
				return true;
			}
		}
		return false;
	}

	/** @return the file an element (file, group, dataset, attribute row) belongs to, or null */
	public DataFile fileOf(Object e) {
		if (e instanceof DataFile f) {
			return f;
		}
		if (!(e instanceof Node n)) {
			return null;
		}
		Node top = n;
		while (top.parent() != null) {
			top = top.parent();
		}
		for (DataFile f : files) {
			if (f.root() == top || f.signals().contains(n)) {
				return f;
			}
		}
		return null;
	}

	/** Selects an element (as a user click does), telling the selection listeners. */
	public void select(Object element) {
		viewer.setSelection(new StructuredSelection(element), true);
	}

	/** @return the first selected element, or null */
	public Object selected() {
		return ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	/** @return the files shown, for tests */
	public List<DataFile> files() {
		return List.copyOf(files);
	}

	/** @return the viewer, for tests and views that follow the selection */
	public TreeViewer viewer() {
		return viewer;
	}

	private final class Content implements ITreeContentProvider {
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
				out.add(new AttributeRow(n, a.getKey(), a.getValue()));
			}
			return out.toArray();
		}

		@Override
		public Object getParent(Object e) {
			Node p = e instanceof AttributeRow r ? r.owner() : e instanceof Node n ? n.parent() : null;
			if (p == null) {
				return null; // a file: top level
			}
			return p.parent() == null ? fileOf(p) : p; // the root group is shown as its file
		}

		@Override
		public boolean hasChildren(Object e) {
			return getChildren(e).length > 0;
		}
	}
}
