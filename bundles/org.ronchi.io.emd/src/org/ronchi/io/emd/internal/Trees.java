package org.ronchi.io.emd.internal;

import java.util.Arrays;
import java.util.Map;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;

/** Helpers shared by the EMD loaders for building the returned tree and metadata. */
final class Trees {
	private Trees() {
	}

	/** @return a node's attributes as metadata, verbatim (references as their target paths) */
	static MetadataTree attributes(Node n) {
		MetadataTree t = new MetadataTree();
		for (Map.Entry<String, Object> e : n.attributes().entrySet()) {
			Object v = e.getValue();
			if (v instanceof Reference r) {
				v = r.toString();
			} else if (v instanceof Reference[] rs) {
				v = Arrays.stream(rs).map(Reference::toString).toArray(String[]::new);
			}
			t.put(e.getKey(), v);
		}
		return t;
	}

	/** @return the tree without empty text leaves (writers fill unset fields with "") */
	static MetadataTree withoutEmptyText(MetadataTree t) {
		MetadataTree out = new MetadataTree();
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			Object v = e.getValue() instanceof MetadataTree sub ? withoutEmptyText(sub) : e.getValue();
			if (!(v instanceof String s && s.isBlank()) && !(v instanceof MetadataTree m && m.isEmpty())) {
				out.put(e.getKey(), v);
			}
		}
		return out;
	}

	/** @return name, or name_2, name_3... whichever is free in the group */
	static String unique(Group g, String name) {
		String base = name.isEmpty() ? "signal" : name.replace('/', '_');
		String n = base;
		for (int i = 2; g.child(n) != null; i++) {
			n = base + "_" + i;
		}
		return n;
	}

	/** Moves the children and attributes of an HDF5 tree's root under a new root, where signals join them. */
	static Group adopt(Group hdf5Root) {
		Group root = Group.root();
		hdf5Root.attributes().forEach(root::attribute);
		for (Node c : hdf5Root.children()) {
			root.add(c);
		}
		return root;
	}
}
