package org.ronchi.io.emd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.StringDataset;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.hdf5.writer.WNode;

/**
 * Writes EMD 1.0 metadata bundles as emdfile does: group {@code metadatabundle}, one group per
 * Metadata ({@code emd_group_type = "metadata"}, {@code python_class}), one dataset per value with its
 * {@code type}; grouped values (lists and tuples of strings or arrays) as groups with {@code length}
 * and items "0", "1"... A value read from a file keeps the type it had; others get one from their
 * Java type (the one dispatch is {@link #typeOf}).
 */
public final class MetadataWriter {
	private MetadataWriter() {
	}

	/** @return the Metadata groups written, in order (none if metadata is empty) */
	public static List<WGroup> bundle(WGroup node, List<EmdMetadata> metadata) {
		List<WGroup> written = new ArrayList<>();
		if (metadata.isEmpty()) {
			return written;
		}
		for (EmdMetadata m : metadata) {
			written.add(one(node, m));
		}
		return written;
	}

	/** Writes one Metadata into node's bundle (made on first use); @return its group */
	public static WGroup one(WGroup node, EmdMetadata m) {
		WGroup g = bundleOf(node).group(m.name()).attribute(EmdNode.TYPE, "metadata").attribute(EmdNode.PYTHON_CLASS, m.pythonClass());
		for (Map.Entry<String, Object> e : m.params().entrySet()) {
			String type = m.type(e.getKey()) != null ? m.type(e.getKey()) : typeOf(e.getValue());
			value(g, e.getKey(), e.getValue(), type);
		}
		return g;
	}

	private static WGroup bundleOf(WGroup node) {
		return node.child(EmdNode.BUNDLE) instanceof WGroup existing ? existing
				: node.group(EmdNode.BUNDLE).attribute(EmdNode.TYPE, "metadatabundle");
	}

	/**
	 * Gives node a bundle whose Metadata {@code name} is a hard link to an existing Metadata group: one
	 * HDF5 object under two paths, which emdfile reads like any other Metadata and Ronchi's loader
	 * turns back into one shared MetadataTree.
	 */
	public static void linked(WGroup node, String name, WGroup metadataGroup) {
		bundleOf(node).hardLink(name, metadataGroup);
	}

	static String typeOf(Object v) {
		return switch (v) {
		case null -> "None";
		case String s -> "string";
		case Boolean b -> "bool";
		case Number n -> "number";
		case Dataset d -> "array";
		case List<?> l -> l.stream().allMatch(x -> x instanceof String) ? "list_of_strings" : "list_of_arrays";
		default -> throw new IllegalArgumentException("no EMD metadata type for a " + v.getClass().getSimpleName());
		};
	}

	private static void value(WGroup g, String key, Object v, String type) {
		WNode n;
		if (v instanceof List<?> items) {
			WGroup lg = g.group(key).attribute("length", (long) items.size());
			for (int i = 0; i < items.size(); i++) {
				item(lg, Integer.toString(i), items.get(i));
			}
			n = lg;
		} else {
			n = item(g, key, v);
		}
		n.attribute("type", type);
	}

	private static WNode item(WGroup g, String key, Object v) {
		return switch (v) {
		case null -> g.dataset(key, "_None");
		case String s -> g.dataset(key, s);
		case Boolean b -> g.dataset(key, Value.of(b));
		case Double d -> g.dataset(key, Value.of(d));
		case Number n -> g.dataset(key, Value.of(n.longValue()));
		case StringDataset sd -> g.dataset(key, Value.strings(Shapes.toLong(sd.getShapeRef()), sd.clone().getData()));
		case BooleanDataset bd -> g.dataset(key, Value.of(bd, DType.BOOL));
		case Dataset d -> g.dataset(key, Value.of(d));
		default -> g.dataset(key, String.valueOf(v));
		};
	}
}
