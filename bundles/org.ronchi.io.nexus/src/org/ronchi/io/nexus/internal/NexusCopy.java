package org.ronchi.io.nexus.internal;

import java.util.Map;
import java.util.concurrent.Executor;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.hdf5.writer.WNode;

/**
 * Copies the runs of a NeXus results file into its next version (the HDF5 writer creates files, it does
 * not edit them, so adding a run rewrites the file): groups with their attributes ({@code NX_class}
 * again as a fixed-length byte string), numeric datasets streamed chunk by chunk, text datasets whole,
 * external links re-created from how {@code Hdf5File} lists them (never followed: the input data is not
 * copied).
 */
final class NexusCopy {
	/** How {@code Hdf5File} lists an external link it does not follow: a group attribute, "file:path". */
	private static final String EXTERNAL_LINK = "external link ";
	private static final int CHUNK_BYTES = 1 << 20;

	private NexusCopy() {
	}

	static void copy(Node n, WGroup into, Executor executor) {
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
			for (Node child : g.children()) {
				copy(child, c, executor);
			}
		} else if (n instanceof ArrayNode a) {
			WDataset d;
			if (a.dtype() == DType.STRING || a.rank() == 0 || a.size() == 0) {
				d = into.dataset(a.name(), a.dtype() == DType.STRING ? Value.strings(a.shape(), ((org.eclipse.january.dataset.StringDataset) read(a)).getData())
						: Value.of(read(a), a.dtype()));
			} else {
				d = into.dataset(a.name(), a.dtype(), a.shape(), storage(a));
				d.writeFrom(a.source(), a.size() * a.dtype().itemSize() > NexusLayout.PARALLEL_BYTES ? executor : null);
			}
			attributes(a, d);
		}
	}

	private static org.eclipse.january.dataset.Dataset read(ArrayNode a) {
		return a.source().read(new long[a.rank()], Shapes.toInt(a.shape())).clone();
	}

	/** The stored chunks if the source has them, else about 1 MiB of whole trailing dimensions; compressed. */
	private static DatasetOptions storage(ArrayNode a) {
		int[] chunk = a.source().chunkShape();
		if (chunk == null) {
			long[] shape = a.shape();
			chunk = new int[shape.length];
			long acc = Math.max(1, a.dtype().itemSize());
			for (int d = shape.length - 1; d >= 0; d--) {
				chunk[d] = (int) Math.max(1, Math.min(shape[d], Math.max(1, CHUNK_BYTES / acc)));
				acc *= chunk[d];
			}
		}
		return DatasetOptions.chunked(chunk).shuffle().deflate(4);
	}

	private static void attributes(Node from, WNode to) {
		for (Map.Entry<String, Object> e : from.attributes().entrySet()) {
			Object v = e.getValue();
			if (v == null || v instanceof Reference || v instanceof Reference[] || e.getKey().startsWith(EXTERNAL_LINK)) {
				continue;
			}
			to.attribute(e.getKey(), e.getKey().equals(Nx.CLASS) && v instanceof String s ? Value.fixedStrings(s) : v);
		}
	}
}
