package org.ronchi.io.nexus.internal;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.StringDataset;
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

/**
 * NeXus groups as metadata trees, in the shape HyperSpy's NeXus reader gives them
 * ({@code _load_metadata}): a group's attributes under {@value #ATTRS}, a field as its value, or as
 * {@value #VALUE} + {@value #ATTRS} when it has attributes (units), sub-groups as branches, NXdata groups
 * left out (they are signals). Writing goes the other way, so a tree read from a NeXus file is written
 * back as the same fields and attributes; any other tree becomes fields (a {@link Quantity} a field
 * with {@code @units}, as NeXus wants numbers).
 */
final class NexusTree {
	static final String ATTRS = "attrs";
	static final String VALUE = "value";
	/** Fields larger than this stay in the file: the tree describes them instead of holding them. */
	private static final long INLINE_ELEMENTS = 1 << 16;

	private NexusTree() {
	}

	// -- reading

	static MetadataTree read(Group g) {
		MetadataTree t = new MetadataTree();
		if (!g.attributes().isEmpty()) {
			t.put(ATTRS, attributes(g));
		}
		for (Node c : Nx.children(g)) {
			if (c instanceof ArrayNode a) {
				Object v = value(a);
				if (a.attributes().isEmpty()) {
					t.put(c.name(), v);
				} else {
					MetadataTree field = new MetadataTree();
					field.put(VALUE, v);
					field.put(ATTRS, attributes(a));
					t.put(c.name(), field);
				}
			} else if (c instanceof Group sub && !Nx.is(sub, Nx.DATA)) {
				t.put(c.name(), read(sub));
			}
		}
		return t;
	}

	private static MetadataTree attributes(Node n) {
		MetadataTree t = new MetadataTree();
		for (Map.Entry<String, Object> e : n.attributes().entrySet()) {
			Object v = e.getValue();
			if (v instanceof Reference r) {
				v = r.toString();
			}
			t.put(e.getKey(), v);
		}
		return t;
	}

	/** @return a field's value: a scalar (also for one element, as HyperSpy unwraps it), a 1-D array, an N-D dataset, or a description */
	static Object value(ArrayNode a) {
		DType t = a.dtype();
		if (t == DType.OTHER || t.januaryClass() == null || a.size() > INLINE_ELEMENTS) {
			return "<" + t.numpyName() + " array " + Shapes.format(a.shape()) + " at " + a.path() + ">";
		}
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		if (a.size() == 1) {
			return d.getObjectAbs(0);
		}
		if (a.rank() == 1) {
			return d instanceof StringDataset s ? s.getData().clone() : d.getBuffer();
		}
		return d;
	}

	// -- writing

	/** Writes a tree as fields and groups of g; keys HDF5 cannot hold (empty) are skipped and noted. */
	static void write(MetadataTree t, WGroup g, List<String> notes) {
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			String key = e.getKey().replace('/', '-');
			Object v = e.getValue();
			if (key.isEmpty() || key.equals(".")) {
				notes.add("metadata key '" + e.getKey() + "' under " + g.path() + " has no HDF5 name; not written");
			} else if (key.equals(ATTRS) && v instanceof MetadataTree attrs) {
				attributes(attrs, g, notes);
			} else if (v instanceof MetadataTree sub && isField(sub)) {
				WDataset d = field(key, sub.child(VALUE), g, notes);
				if (sub.child(ATTRS) instanceof MetadataTree attrs && d != null) {
					for (Map.Entry<String, Object> a : attrs.entries().entrySet()) {
						attribute(d, a.getKey(), a.getValue(), notes);
					}
				}
			} else if (v instanceof MetadataTree sub) {
				write(sub, g.group(key), notes);
			} else {
				field(key, v, g, notes);
			}
		}
	}

	/** A branch read from a field with attributes: "value" and "attrs" and nothing else. */
	private static boolean isField(MetadataTree t) {
		return t.child(VALUE) != null && !(t.child(VALUE) instanceof MetadataTree)
				&& (t.size() == 1 || t.size() == 2 && t.child(ATTRS) instanceof MetadataTree);
	}

	private static void attributes(MetadataTree attrs, WGroup g, List<String> notes) {
		for (Map.Entry<String, Object> a : attrs.entries().entrySet()) {
			attribute(g, a.getKey(), a.getValue(), notes);
		}
	}

	private static void attribute(org.ronchi.hdf5.writer.WNode n, String key, Object v, List<String> notes) {
		try {
			n.attribute(key, key.equals(Nx.CLASS) && v instanceof String s ? Value.fixedStrings(s) : plain(v));
		} catch (RuntimeException e) {
			notes.add(n.path() + "@" + key + ": not written (" + e.getMessage() + ")");
		}
	}

	private static Object plain(Object v) {
		if (v instanceof Quantity q) {
			return q.value();
		}
		if (v instanceof TemporalAccessor t) {
			return t.toString();
		}
		if (v instanceof List<?> l) {
			if (l.stream().allMatch(x -> x instanceof String)) {
				return l.toArray(new String[0]);
			}
			if (l.stream().allMatch(x -> x instanceof Number)) {
				return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
			}
			return String.valueOf(l);
		}
		return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Dataset || v.getClass().isArray() ? v
				: String.valueOf(v);
	}

	/** @return the field written, or null for a list of mixed items (written as a group of them) */
	private static WDataset field(String key, Object v, WGroup g, List<String> notes) {
		if (v instanceof Quantity q) {
			WDataset d = g.dataset(key, q.value());
			if (!q.unit().isEmpty()) {
				d.attribute("units", q.unit());
			}
			return d;
		}
		if (v instanceof List<?> l && !l.stream().allMatch(x -> x instanceof String) && !l.stream().allMatch(x -> x instanceof Number)) {
			WGroup items = g.group(key);
			for (int i = 0; i < l.size(); i++) {
				if (l.get(i) instanceof MetadataTree sub) {
					write(sub, items.group(Integer.toString(i)), notes);
				} else if (l.get(i) != null) {
					field(Integer.toString(i), l.get(i), items, notes);
				}
			}
			return null;
		}
		Object p = plain(v);
		if (p.getClass().isArray() && java.lang.reflect.Array.getLength(p) == 0 || p instanceof Dataset d && d.getSize() == 0) {
			// HyperSpy's NeXus reader takes a field of fewer than two values for a scalar and fails on an empty one
			notes.add(g.path() + "/" + key + ": empty array not written (HyperSpy's NeXus reader cannot read empty fields)");
			return null;
		}
		if (p instanceof StringDataset s) {
			return g.dataset(key, Value.strings(Shapes.toLong(s.getShapeRef()), s.clone().getData()));
		}
		return g.dataset(key, p);
	}
}
