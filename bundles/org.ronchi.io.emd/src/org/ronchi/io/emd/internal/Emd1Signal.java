package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.List;

import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointList;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;

/**
 * EMD 1.0 nodes as signals. Original metadata of a signal: {@code file} (the file's attributes),
 * {@code node} (the node group's tags), {@code data} (the data's attributes), {@code metadata} (the
 * node's own metadata bundle, one branch per Metadata) and {@code root_metadata} (the bundle of its
 * tree's root, shared by every node of the tree, where py4DSTEM keeps the Calibration).
 */
final class Emd1Signal {
	private Emd1Signal() {
	}

	static ArrayNode array(Path file, EmdArray a, List<String> warnings) {
		ArrayNode n = a.data();
		n.axes(a.axes()).kind(NcemSignal.KIND).title(a.name()).quantity("", a.units());
		describe(file, a, n, warnings);
		return n;
	}

	static ArrayNode pointList(Path file, EmdPointList p, List<String> warnings) {
		Group g = p.group();
		ArrayNode t = p.table();
		ArrayNode n = g.add(new ArrayNode(Trees.unique(g, "table"), t.source()));
		n.attribute("fields", t.attribute("fields"));
		n.axes(List.of(Axis.index("point", p.length()).withNavigate(true), Axis.index("field", p.fields().size())));
		n.kind(Emd1Loader.KIND_POINTLIST).title(p.name());
		describe(file, p, n, warnings);
		return n;
	}

	private static void describe(Path file, EmdNode node, ArrayNode n, List<String> warnings) {
		MetadataTree original = new MetadataTree();
		Group fileRoot = node.root().group().parent();
		if (fileRoot != null) {
			original.put("file", Trees.attributes(fileRoot));
		}
		original.put("node", Trees.attributes(node.group()));
		if (node instanceof EmdArray a) {
			original.put("data", Trees.attributes(a.data()));
		}
		original.put("metadata", bundle(node.metadata()));
		if (node.root() != node) {
			original.put("root_metadata", bundle(node.root().metadata()));
		}
		n.originalMetadata(original);
		MetadataMapping.Result r = MetadataMappings.forVendor("emd1", Emd1Signal.class).apply(original);
		MetadataTree std = Trees.withoutEmptyText(r.standard());
		r.warnings().forEach(w -> warnings.add(n.path() + ": " + w));
		std.set("general.title", node.name());
		std.set("general.original_filename", file.getFileName().toString());
		n.metadata(std);
	}

	private static MetadataTree bundle(List<EmdMetadata> list) {
		MetadataTree t = new MetadataTree();
		for (EmdMetadata m : list) {
			t.put(m.name(), m.toTree());
		}
		return t;
	}
}
