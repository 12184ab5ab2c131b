package org.ronchi.io.hspy.internal;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.StringDataset;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.hdf5.writer.WNode;

/**
 * HyperSpy's dictionaries as HDF5 groups (its {@code _group2dict} and {@code dict2group}): a branch is a
 * group, a scalar or text an attribute, an array a dataset, {@code None} the text {@value #NONE}, a list
 * or tuple a {@code _list_}/{@code _tuple_} dataset (1-D numbers or text) or a
 * {@code _list_N_name}/{@code _tuple_N_name} group of items "0".."N-1", an empty one the attribute
 * {@code _list_empty_name}, binary text the attribute {@code _bs_name}, a signal inside metadata a
 * {@code _sig_name} group.
 * <p>
 * Reading keeps the file's names as they are, prefixes included, and {@value #NONE} as text: the tree
 * shows what the file says, and written back it gives the same groups (so HyperSpy reads the same
 * dictionary). Groups and attributes are listed by name, as h5py iterates them.
 */
final class HspyTree {
	/** How HyperSpy stores None. */
	static final String NONE = "_None_";
	/** Datasets larger than this stay in the file: the tree describes them instead of holding them. */
	private static final long INLINE_ELEMENTS = 1 << 16;

	private HspyTree() {
	}

	// -- reading

	/** @return the group's attributes and children, by name; small datasets as their values */
	static MetadataTree read(Group g) {
		MetadataTree t = new MetadataTree();
		g.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> put(t, e.getKey(), e.getValue()));
		List<Node> children = new ArrayList<>(g.children());
		children.sort(Comparator.comparing(Node::name));
		for (Node c : children) {
			if (c instanceof Group sub) {
				t.put(c.name(), read(sub));
			} else if (c instanceof ArrayNode a) {
				t.put(c.name(), value(a));
			}
		}
		return t;
	}

	private static void put(MetadataTree t, String key, Object v) {
		if (v instanceof Reference r) {
			v = r.toString();
		} else if (v instanceof Reference[] rs) {
			v = java.util.Arrays.stream(rs).map(Reference::toString).toArray(String[]::new);
		}
		if (v != null) {
			t.put(key, v);
		}
	}

	/** @return a dataset's values: a scalar, a 1-D Java array, an N-D January dataset, or a description when large or unreadable */
	static Object value(ArrayNode a) {
		DType t = a.dtype();
		if (t == DType.OTHER || a.size() > INLINE_ELEMENTS || t.januaryClass() == null) {
			return "<" + t.numpyName() + " array " + Shapes.format(a.shape()) + " at " + a.path() + ">";
		}
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		if (a.rank() == 0) {
			return d.getObjectAbs(0);
		}
		if (a.rank() == 1) {
			return d instanceof StringDataset s ? s.getData().clone() : d.getBuffer();
		}
		return d;
	}

	// -- writing

	/**
	 * Writes a tree the way HyperSpy's {@code dict2group} writes a dictionary, so that HyperSpy reads it
	 * back as the same dictionary: branches as groups, arrays as datasets, lists as {@code _list_}
	 * datasets or groups, the rest as attributes. Keys HDF5 cannot hold (empty) are skipped and noted.
	 */
	static void write(MetadataTree t, WGroup g, List<String> notes) {
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			String key = e.getKey();
			if (key.isEmpty() || key.equals(".")) {
				notes.add("metadata key '" + key + "' under " + g.path() + " has no HDF5 name; not written");
				continue;
			}
			write(key, e.getValue(), g, notes);
		}
	}

	private static void write(String key, Object v, WGroup g, List<String> notes) {
		String name = key.replace('/', '-'); // a '/' would nest groups; HyperSpy replaces it in titles the same way
		switch (v) {
		case MetadataTree sub -> write(sub, g.group(name), notes);
		case List<?> l -> list(name, l, g, notes);
		case Quantity q -> {
			g.attribute(name, q.value());
			if (!q.unit().isEmpty()) {
				g.attribute(name + "_units", q.unit());
			}
		}
		case TemporalAccessor time -> g.attribute(name, time.toString());
		case byte[] b when key.startsWith("_bs_") -> g.attribute(key, b); // binary text: HyperSpy reads tobytes() of it
		case Dataset d -> dataset(name, d, g);
		case String[] s -> g.dataset(name, Value.strings(new long[] { s.length }, s));
		case Object a when a.getClass().isArray() -> g.dataset(name, a);
		case String s -> g.attribute(name, s);
		case Number n -> g.attribute(name, n);
		case Boolean b -> g.attribute(name, b);
		default -> g.attribute(name, String.valueOf(v));
		}
	}

	private static void dataset(String name, Dataset d, WGroup g) {
		if (d instanceof StringDataset s) {
			g.dataset(name, Value.strings(Shapes.toLong(s.getShapeRef()), s.clone().getData()));
		} else {
			g.dataset(name, d);
		}
	}

	/**
	 * HyperSpy's {@code parse_structure}: a list of numbers or of text becomes a {@code _list_name}
	 * dataset; any other (nested, mixed, of branches) a {@code _list_N_name} group of items "0", "1"...
	 */
	private static void list(String name, List<?> l, WGroup g, List<String> notes) {
		if (l.isEmpty()) {
			g.attribute("_list_empty_" + name, NONE);
			return;
		}
		if (l.stream().allMatch(x -> x instanceof Number)) {
			if (l.stream().allMatch(x -> x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte)) {
				g.dataset("_list_" + name, l.stream().mapToLong(x -> ((Number) x).longValue()).toArray());
			} else {
				g.dataset("_list_" + name, l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
			}
			return;
		}
		if (l.stream().allMatch(x -> x instanceof String)) {
			String[] s = l.toArray(new String[0]);
			g.dataset("_list_" + name, Value.strings(new long[] { s.length }, s));
			return;
		}
		WGroup items = g.group("_list_" + l.size() + "_" + name);
		for (int i = 0; i < l.size(); i++) {
			if (l.get(i) != null) {
				write(Integer.toString(i), l.get(i), items, notes);
			} else {
				items.attribute(Integer.toString(i), NONE);
			}
		}
	}

	/**
	 * Copies a group as it is stored: attributes with their values, datasets with their element type
	 * and shape, sub-groups. What HyperSpy wrote is written back unchanged, so it reads the same
	 * dictionary (tuples stay tuples, datasets stay datasets).
	 */
	static void copy(Group from, WGroup to, List<String> notes) {
		attributes(from, to, notes);
		for (Node c : from.children()) {
			if (c instanceof Group sub) {
				copy(sub, to.group(c.name()), notes);
			} else if (c instanceof ArrayNode a) {
				if (a.dtype() == DType.OTHER || a.dtype().januaryClass() == null) {
					notes.add(a.path() + ": " + a.dtype().numpyName() + " dataset not copied");
					continue;
				}
				Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
				WDataset w = a.dtype() == DType.STRING ? to.dataset(a.name(), Value.strings(a.shape(), ((StringDataset) d).clone().getData()))
						: to.dataset(a.name(), Value.of(d, a.dtype()));
				attributes(a, w, notes);
			}
		}
	}

	private static void attributes(Node from, WNode to, List<String> notes) {
		for (Map.Entry<String, Object> e : from.attributes().entrySet()) {
			Object v = e.getValue();
			if (v == null || v instanceof Reference || v instanceof Reference[] || e.getKey().startsWith("external link ")
					|| e.getKey().startsWith("broken link ")) {
				continue;
			}
			try {
				to.attribute(e.getKey(), v);
			} catch (RonchiException x) {
				notes.add(from.path() + "@" + e.getKey() + ": not copied (" + x.problem() + ")");
			}
		}
	}
}
