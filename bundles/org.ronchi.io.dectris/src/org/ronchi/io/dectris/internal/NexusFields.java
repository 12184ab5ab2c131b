package org.ronchi.io.dectris.internal;

import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.StringDataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;

/**
 * The master file's NeXus groups as original metadata, verbatim: a field as its value, or as
 * {@value #VALUE} + {@value #ATTRS} when it has attributes (the {@code units} Dectris puts on most), a
 * group's attributes under {@value #ATTRS}, sub-groups as branches (HyperSpy's NeXus reader's shape,
 * so mapping lines read {@code .../count_time/value}). The NXdata group is left out: its links are the
 * frames (the loader lists them as {@code data_files}), and a copy of it without them, written by a
 * converter, would be an NXdata whose signal is missing. Tables and images (flat field, pixel mask,
 * count-rate correction) stay in the file: the tree names their type and shape instead.
 */
final class NexusFields {
	static final String ATTRS = "attrs";
	static final String VALUE = "value";
	/** Fields with more elements than this are described, not read: the flat field alone is 36864 floats. */
	private static final long INLINE_ELEMENTS = 64;

	private NexusFields() {
	}

	static MetadataTree read(Group g) {
		MetadataTree t = new MetadataTree();
		if (!g.attributes().isEmpty()) {
			t.put(ATTRS, attributes(g));
		}
		for (Node c : g.children()) {
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
			} else if (c instanceof Group sub && !"NXdata".equals(Attributes.asString(sub.attribute("NX_class")))) {
				t.put(c.name(), read(sub));
			}
		}
		return t;
	}

	/** @return the attributes of n (a group's or a file's), object references as their text */
	static MetadataTree attributes(Node n) {
		MetadataTree t = new MetadataTree();
		for (Map.Entry<String, Object> e : n.attributes().entrySet()) {
			Object v = e.getValue();
			t.put(e.getKey(), v instanceof Reference r ? r.toString() : v);
		}
		return t;
	}

	/** @return a field's value: a scalar (also for one element), a short vector, or a description */
	static Object value(ArrayNode a) {
		DType t = a.dtype();
		if (t == DType.OTHER || t.januaryClass() == null || a.size() > INLINE_ELEMENTS) {
			return "<" + t.numpyName() + " array " + Shapes.format(a.shape()) + " at " + a.path() + ">";
		}
		Dataset d = a.source().read(new long[a.rank()], Shapes.toInt(a.shape()));
		if (a.size() == 1) {
			return d.getObjectAbs(0);
		}
		return d instanceof StringDataset s ? s.getData().clone() : d.getBuffer();
	}
}
