package org.ronchi.io.velox.internal;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * The file-level JSON blocks, verbatim, as the file's original metadata: every string dataset outside
 * {@code /Data} ({@code /Version}, {@code /Info}, {@code /Experiment}, {@code /Operations/<type>/<uuid>},
 * {@code /Presentation/Displays/...}, {@code /Displays}, {@code /SharedProperties}, {@code /Features},
 * {@code /Application}) parsed into a branch named after its HDF5 path, plus the experiment log
 * ({@code /Data/Text/<uuid>}) under {@code Text}. Binary datasets (the {@code Thumbnail.jpg}) are left out.
 */
final class FileBlocks {
	private FileBlocks() {
	}

	static MetadataTree read(VeloxFile f, Group root) {
		MetadataTree t = new MetadataTree();
		for (Node n : root.children()) {
			if (!n.name().equals("Data")) {
				add(f, t, n);
			}
		}
		if (root.resolve("/Data/Text") instanceof Group text) {
			MetadataTree log = new MetadataTree();
			for (Node n : text.children()) {
				add(f, log, n);
			}
			if (!log.isEmpty()) {
				t.put("Text", log);
			}
		}
		return t;
	}

	private static void add(VeloxFile f, MetadataTree into, Node n) {
		if (n instanceof Group g) {
			MetadataTree sub = new MetadataTree();
			for (Node c : g.children()) {
				add(f, sub, c);
			}
			into.put(g.name(), sub);
		} else if (n instanceof ArrayNode a && a.dtype() == DType.STRING) {
			into.put(a.name(), f.json(a));
		}
	}
}
