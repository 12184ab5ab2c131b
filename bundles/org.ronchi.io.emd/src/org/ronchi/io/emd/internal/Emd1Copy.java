package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.hdf5.writer.WNode;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointListArray;

/**
 * Copies the groups of a results file into its next version (the HDF5 writer creates files, it does not
 * edit them, so adding a run rewrites the file): groups with their attributes, datasets streamed,
 * external links re-created from how {@link Hdf5File} lists them (never followed, so the input data is
 * not copied), PointListArray data re-encoded from its cells.
 */
final class Emd1Copy {
	/** How {@link Hdf5File} lists an external link it does not follow: a group attribute, "file:path". */
	private static final String EXTERNAL_LINK = "external link ";
	private static final long PARALLEL_MIN = 64L << 20;

	private Emd1Copy() {
	}

	static void copy(Path file, Hdf5File from, Node n, WGroup into, Executor executor) {
		if (n instanceof Group g) {
			WGroup c = into.group(g.name());
			attributes(g, c);
			for (Map.Entry<String, Object> e : g.attributes().entrySet()) {
				String target = e.getKey().startsWith(EXTERNAL_LINK) && e.getValue() instanceof String s ? s : null;
				int split = target == null ? -1 : target.lastIndexOf(":/");
				if (split > 0) {
					c.externalLink(e.getKey().substring(EXTERNAL_LINK.length()), target.substring(0, split), target.substring(split + 1));
				}
			}
			boolean pla = "pointlistarray".equals(g.stringAttribute(EmdNode.TYPE));
			for (Node child : g.children()) {
				if (pla && child.name().equals("data")) {
					EmdPointListArray p = (EmdPointListArray) EmdNode.read(file, g);
					p.cells(EmdFiles.cells(file, from, p));
					PointListArrays.data(c, p.records());
				} else {
					copy(file, from, child, c, executor);
				}
			}
		} else if (n instanceof ArrayNode a) {
			WDataset d;
			if (a.dtype().isNumeric() && a.dtype() != DType.STRING) {
				d = into.dataset(a.name(), a.dtype(), a.shape(), Emd1Runs.options(a.dtype(), a.shape()));
				d.writeFrom(a.source(), a.size() * a.dtype().itemSize() > PARALLEL_MIN ? executor : null);
			} else {
				d = into.dataset(a.name(), a.source().read(new long[a.rank()], Shapes.toInt(a.shape())));
			}
			attributes(a, d);
		}
	}

	private static void attributes(Node from, WNode to) {
		for (Map.Entry<String, Object> e : from.attributes().entrySet()) {
			Object v = e.getValue();
			if (v == null || v instanceof Reference || v instanceof Reference[] || e.getKey().startsWith(EXTERNAL_LINK)) {
				continue;
			}
			to.attribute(e.getKey(), v);
		}
	}
}
