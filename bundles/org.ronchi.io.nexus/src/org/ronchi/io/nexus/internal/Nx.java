package org.ronchi.io.nexus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * NeXus base-class tagging: a group's class is its {@code NX_class} attribute, which writers store as a
 * fixed-length byte string (h5py's {@code np.string_}, nexusformat, HyperSpy) or as a variable-length
 * string; both read as text here.
 */
final class Nx {
	static final String CLASS = "NX_class";
	static final String DATA = "NXdata";
	static final String ENTRY = "NXentry";

	private Nx() {
	}

	/** @return the group's NeXus class, or null for a dataset or an untagged group */
	static String nxClass(Node n) {
		return n instanceof Group ? Attributes.asString(n.attribute(CLASS)) : null;
	}

	static boolean is(Node n, String nxClass) {
		return nxClass.equals(nxClass(n));
	}

	/** @return the children by name, the order h5py lists them in (and HyperSpy and DAWN show them) */
	static List<Node> children(Group g) {
		List<Node> out = new ArrayList<>(g.children());
		out.sort(Comparator.comparing(Node::name));
		return out;
	}

	/** @return a text attribute, or a 1-element text array, as text; null if absent */
	static String text(Node n, String attribute) {
		Object v = n.attribute(attribute);
		if (v instanceof String[] a) {
			return a.length == 1 ? a[0] : null;
		}
		return v instanceof String || v instanceof byte[] ? Attributes.asString(v) : null;
	}
}
